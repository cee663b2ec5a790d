using HipCheck.Core.Injuries;

namespace HipCheck.Core.Studies;

/// <summary>The facts of one recorded injury that an event definition looks at.</summary>
public sealed record InjuryFacts(BodyRegion Region, Diagnosis Diagnosis, Mechanism Mechanism, bool NeededTreatment, int DaysLost, DateOnly OnsetDate);

/// <summary>A study's outcome event, fixed before the study starts.</summary>
/// <param name="Code">Stable code stored with the study.</param>
/// <param name="Name">Short name.</param>
/// <param name="Description">What counts, in plain words, with its source.</param>
/// <param name="Matches">Whether an injury is such an event.</param>
public sealed record EventDefinition(string Code, string Name, string Description, Func<InjuryFacts, bool> Matches);

/// <summary>The event definitions a study can choose from.</summary>
public static class EventDefinitions
{
    /// <summary>
    /// Nadler et al. 2001's outcome: low back pain that needed treatment and was not caused by trauma. A gradual
    /// (overuse) onset is taken as "not traumatic"; low back pain recorded as acute trauma does not count.
    /// </summary>
    public static EventDefinition LowBackPainTreatedNonTraumatic { get; } = new(
        "lbp-treated-non-traumatic",
        "Low back pain needing treatment, not from trauma",
        "Low back pain (or an injury of the lower back and pelvis region) that needed treatment by a health professional "
        + "and did not come from an acute traumatic event. This is the outcome of Nadler et al. 2001.",
        i => (i.Diagnosis == Diagnosis.LowBackPain || i.Region == BodyRegion.LumbarSpine)
            && i.NeededTreatment && i.Mechanism == Mechanism.Overuse);

    public static EventDefinition PatellofemoralPain { get; } = new(
        "patellofemoral-pain",
        "Patellofemoral pain",
        "Any recorded patellofemoral (knee-cap) pain, whatever its severity.",
        i => i.Diagnosis == Diagnosis.PatellofemoralPain);

    public static EventDefinition ItBandSyndrome { get; } = new(
        "it-band-syndrome",
        "Iliotibial band syndrome",
        "Any recorded iliotibial band syndrome, whatever its severity.",
        i => i.Diagnosis == Diagnosis.ItBandSyndrome);

    public static EventDefinition AnyTimeLossOveruse { get; } = new(
        "overuse-time-loss",
        "Overuse injury with time loss",
        "Any overuse injury that cost at least one day of training or competition.",
        i => i.Mechanism == Mechanism.Overuse && i.DaysLost >= 1);

    public static IReadOnlyList<EventDefinition> All { get; } =
        [LowBackPainTreatedNonTraumatic, PatellofemoralPain, ItBandSyndrome, AnyTimeLossOveruse];

    public static EventDefinition? Find(string? code) =>
        All.FirstOrDefault(e => string.Equals(e.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
