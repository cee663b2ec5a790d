using HipCheck.Core.Athletes;

namespace HipCheck.Core.Risk;

/// <summary>What a rule measures.</summary>
public enum MetricKind
{
    /// <summary>The test's asymmetry %, 100 x (stronger - weaker) / stronger (PRODUCT.md).</summary>
    AsymmetryPercent,

    /// <summary>A hold time in seconds; for a sided hold, the weaker side's mean.</summary>
    HoldSeconds,

    /// <summary>The weaker side's percentile against the matching norm (needs a norm with an SD).</summary>
    Percentile,

    /// <summary>The weaker side's mean force per body mass, N/kg.</summary>
    NewtonsPerKg,
}

/// <summary>The measure a rule looks at: a kind of number from one test of the catalogue.</summary>
public sealed record RuleMetric(MetricKind Kind, string TestCode);

/// <summary>How the observed value is compared with the threshold; the rule flags when the comparison holds.</summary>
public enum Comparator
{
    GreaterOrEqual,
    Greater,
    Less,
    LessOrEqual,
}

/// <summary>What a study does for a rule.</summary>
public enum EvidenceRole
{
    /// <summary>Found the link the rule flags.</summary>
    Supports,

    /// <summary>Looked for the link and did not find it (or found no benefit): shown beside the positive studies.</summary>
    Null,

    /// <summary>Background (a norm's source, a related finding); does not count towards the grade.</summary>
    Context,
}

/// <summary>One study behind a rule, with its role.</summary>
/// <param name="Study">The cited study (resolved from the catalogue).</param>
/// <param name="EventsInPopulation">
/// Events in the group the rule applies to when it differs from the study's total (Nadler 2001: 5 of 13 events
/// were in women); null = use <see cref="Study.Events"/>.
/// </param>
public sealed record RuleEvidence(Study Study, EvidenceRole Role, int? EventsInPopulation = null)
{
    public string StudyId => Study.Id;

    /// <summary>The events that count for grading: <see cref="EventsInPopulation"/>, else the study's, else unknown.</summary>
    public int? Events => EventsInPopulation ?? Study.Events;
}

/// <summary>
/// One risk rule of the evidence catalogue: when a runner of the rule's population shows the metric beyond the
/// threshold, the rule flags the outcome. The grade is derived from the studies (<see cref="EvidenceGrading"/>),
/// never stored.
/// </summary>
/// <param name="Outcome">Outcome code, one of <see cref="Outcomes.All"/>.</param>
/// <param name="Sex">Null = both sexes.</param>
/// <param name="ThresholdIsConvention">True when the number is a common convention, not a cut-off a study produced.</param>
/// <param name="ThresholdSource">Where the number comes from, honestly.</param>
/// <param name="Explanation">Plain language for a runner: what the flag means and how strong the evidence is.</param>
/// <param name="Advice">What to do about it.</param>
public sealed record EvidenceRule(
    string Id,
    string Outcome,
    string OutcomeName,
    Sex? Sex,
    int? AgeMin,
    int? AgeMax,
    RuleMetric Metric,
    Comparator Comparator,
    double Threshold,
    bool ThresholdIsConvention,
    string ThresholdSource,
    IReadOnlyList<RuleEvidence> Evidence,
    string Explanation,
    string Advice)
{
    /// <summary>The grade and its reason, derived from <see cref="Evidence"/> by <see cref="EvidenceGrading.Grade"/>.</summary>
    public GradeResult Grading => EvidenceGrading.Grade(Evidence);

    public EvidenceGrade Grade => Grading.Grade;

    /// <summary>True when the athlete's sex and age fall inside the rule's population.</summary>
    public bool AppliesTo(Sex sex, int ageYears) =>
        (Sex is null || Sex == sex) && (AgeMin is null || ageYears >= AgeMin) && (AgeMax is null || ageYears <= AgeMax);

    /// <summary>The studies that looked for the link and did not find it.</summary>
    public IEnumerable<RuleEvidence> NullStudies => Evidence.Where(e => e.Role == EvidenceRole.Null);
}

/// <summary>The outcomes a rule may flag. Codes are a public contract (API, exports).</summary>
public static class Outcomes
{
    public const string LowBackPain = "low-back-pain";
    public const string PatellofemoralPain = "patellofemoral-pain";
    public const string ItBandSyndrome = "it-band-syndrome";

    public static IReadOnlyList<string> All { get; } = [LowBackPain, PatellofemoralPain, ItBandSyndrome];
}
