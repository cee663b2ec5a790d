using System.Globalization;
using HipCheck.Core.Injuries;
using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Studies;

/// <summary>The facts of one recorded injury that an event definition looks at.</summary>
/// <param name="Activity">What the athlete was doing; null when not recorded.</param>
public sealed record InjuryFacts(BodyRegion Region, Diagnosis Diagnosis, Mechanism Mechanism, bool NeededTreatment, int DaysLost, DateOnly OnsetDate,
    InjuryActivity? Activity = null);

/// <summary>One area of one weekly check-in (OSTRC), scored: the facts a check-in event looks at.</summary>
/// <param name="WeekStart">The Monday of the week reported on; the event's date.</param>
/// <param name="Area">The instrument's area code (e.g. knee).</param>
public sealed record CheckinFacts(DateOnly WeekStart, string Area, OstrcScore Score);

/// <summary>Where a study's events come from.</summary>
public enum EventSource
{
    /// <summary>Recorded injuries (<see cref="EventDefinition.Matches"/>).</summary>
    Injuries,

    /// <summary>Weekly check-ins (<see cref="EventDefinition.MatchesCheckin"/>); the event date is the week's Monday.</summary>
    Checkins,
}

/// <summary>A study's outcome event, fixed before the study starts.</summary>
/// <param name="Code">Stable code stored with the study.</param>
/// <param name="Name">Short name.</param>
/// <param name="Description">What counts, in plain words, with its source.</param>
/// <param name="Matches">Whether an injury is such an event (never, for a check-in event).</param>
/// <param name="Source">Whether injuries or weekly check-ins hold the events.</param>
/// <param name="MatchesCheckin">For a check-in event: whether an area-week is such an event.</param>
public sealed record EventDefinition(string Code, string Name, string Description, Func<InjuryFacts, bool> Matches,
    EventSource Source = EventSource.Injuries, Func<CheckinFacts, bool>? MatchesCheckin = null);

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

    private static readonly BodyRegion[] LowerLimb =
        [BodyRegion.HipGroin, BodyRegion.Thigh, BodyRegion.Knee, BodyRegion.LowerLeg, BodyRegion.Ankle, BodyRegion.Foot];

    /// <summary>
    /// Running-related injury (Yamato, Saragiotto, Lopes, J Orthop Sports Phys Ther 2015;45(5):375-380): lower-limb
    /// musculoskeletal pain that restricts or stops running for at least 7 days (or 3 scheduled sessions) or makes the
    /// runner consult a health professional. HipCheck records whole days lost, not restricted days, so "restricts for
    /// 7 days" is read as at least 7 time-loss days; the back is excluded as in the definition, and an injury recorded
    /// as happening outside running and training does not count (no activity recorded: it counts).
    /// </summary>
    public static EventDefinition RunningRelatedInjury { get; } = new(
        "running-related-injury",
        "Running-related injury (Yamato 2015)",
        "Lower-limb pain that stopped running for at least 7 days or needed a health professional, from running or "
        + "training (Yamato et al. 2015's consensus definition; the back is not included).",
        i => LowerLimb.Contains(i.Region) && (i.DaysLost >= 7 || i.NeededTreatment) && i.Activity is null or InjuryActivity.Running or InjuryActivity.Training);

    /// <summary>
    /// A substantial problem in any area on the weekly OSTRC check-in (Clarsen et al. 2013 and 2020): could not take
    /// part, or training or performance affected considerably or very much (<see cref="OstrcScoring"/>). The event's
    /// date is the Monday of the week reported on.
    /// </summary>
    public static EventDefinition OstrcSubstantialProblem { get; } = new(
        "ostrc-substantial-problem",
        "Substantial problem on the weekly check-in (OSTRC)",
        "A week in which the athlete reported a substantial problem in any body area on the OSTRC check-in: could not "
        + "take part, or training or performance was affected considerably or very much (Clarsen et al. 2013, 2020).",
        _ => false,
        EventSource.Checkins,
        c => c.Score.Substantial == true);

    /// <summary>The code prefix of a custom rule: <c>custom:{region code|any}:{minimum days lost}:{treated|any}</c>.</summary>
    public const string CustomPrefix = "custom";

    /// <summary>
    /// A researcher's own rule: an injury in <paramref name="region"/> (any region when null) with at least
    /// <paramref name="minDaysLost"/> time-loss days and, when <paramref name="requiresTreatment"/>, treatment by a
    /// health professional. Its code carries the parameters, so the study stores one string.
    /// </summary>
    public static EventDefinition Custom(BodyRegion? region, int minDaysLost, bool requiresTreatment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minDaysLost);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minDaysLost, InjuryCodes.MaxDaysLost);
        var regionCode = region is { } r ? InjuryCodes.Code(r) : "any";
        var code = string.Create(CultureInfo.InvariantCulture, $"{CustomPrefix}:{regionCode}:{minDaysLost}:{(requiresTreatment ? "treated" : "any")}");
        var where = region is { } rr ? $"of the {InjuryCodes.Name(rr).ToLowerInvariant()}" : "in any region";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"A custom rule: an injury {where} with at least {minDaysLost} day{(minDaysLost == 1 ? "" : "s")} of time loss{(requiresTreatment ? " that needed treatment by a health professional" : "")}.");
        return new EventDefinition(code, "Custom rule", description,
            i => (region is null || i.Region == region) && i.DaysLost >= minDaysLost && (!requiresTreatment || i.NeededTreatment));
    }

    /// <summary>The fixed definitions (a custom rule is made with <see cref="Custom"/> and found by its code).</summary>
    public static IReadOnlyList<EventDefinition> All { get; } =
        [LowBackPainTreatedNonTraumatic, RunningRelatedInjury, OstrcSubstantialProblem, PatellofemoralPain, ItBandSyndrome, AnyTimeLossOveruse];

    /// <summary>A fixed definition by its code, or a custom rule parsed from its code; null when neither.</summary>
    public static EventDefinition? Find(string? code)
    {
        var text = code?.Trim();
        if (All.FirstOrDefault(e => string.Equals(e.Code, text, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }

        var parts = text?.Split(':');
        if (parts is not { Length: 4 } || !string.Equals(parts[0], CustomPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        BodyRegion? region = null;
        if (!string.Equals(parts[1], "any", StringComparison.OrdinalIgnoreCase))
        {
            if (!InjuryCodes.TryParseRegion(parts[1], out var r))
            {
                return null;
            }

            region = r;
        }

        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > InjuryCodes.MaxDaysLost)
        {
            return null;
        }

        var treated = parts[3].ToUpperInvariant();
        return treated is "TREATED" or "ANY" ? Custom(region, days, treated == "TREATED") : null;
    }
}
