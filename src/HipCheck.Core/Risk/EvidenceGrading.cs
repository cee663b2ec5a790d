using System.Globalization;

namespace HipCheck.Core.Risk;

/// <summary>How strong the evidence behind a rule is, A (strongest) to D.</summary>
public enum EvidenceGrade
{
    A,
    B,
    C,
    D,
}

/// <summary>A grade with the rubric's reason for it.</summary>
public sealed record GradeResult(EvidenceGrade Grade, string Reason);

/// <summary>
/// The evidence-grade rubric of docs/research/evidence-verification.md, made deterministic.
/// <para>
/// Only studies with role <see cref="EvidenceRole.Supports"/> or <see cref="EvidenceRole.Null"/> count;
/// <see cref="EvidenceRole.Context"/> studies never change a grade. A study is <em>prospective</em> when its design
/// is <see cref="StudyDesign.Prospective"/> or <see cref="StudyDesign.RandomisedTrial"/> (measured before the
/// outcome). A prospective study is <em>adequate</em> when it has at least <see cref="AdequateEvents"/> events in the
/// rule's population (<see cref="RuleEvidence.Events"/>); unknown events count as fewer than 10.
/// </para>
/// <list type="number">
/// <item><b>D</b> when no prospective study supports the link (only retrospective, case-control, cross-sectional,
/// case-series or uncontrolled intervention evidence, or none).</item>
/// <item><b>C</b> when a prospective null study sits beside the supporting ones (mixed).</item>
/// <item><b>A</b> when two or more prospective studies support it and every one is adequate.</item>
/// <item><b>B</b> when exactly one adequate prospective study supports it, or two or more consistent ones do but
/// some have fewer events.</item>
/// <item><b>C</b> otherwise: a single small prospective study (fewer than 10 events, or unknown).</item>
/// </list>
/// Whether the threshold is a convention never changes the grade: the grade is about the link, not the number.
/// </summary>
public static class EvidenceGrading
{
    /// <summary>Events per predictor below which logistic models are biased (Peduzzi et al. 1996).</summary>
    public const int AdequateEvents = 10;

    /// <summary>The rubric in Markdown, for the generated docs/evidence.md.</summary>
    public const string RubricMarkdown =
        "Grades are derived from the studies behind a rule, never typed in (docs/research/evidence-verification.md):\n\n"
        + "- Only studies that support the link or looked for it and found nothing (null) count; context studies do not.\n"
        + "- A study is prospective when strength was measured before the injury: a prospective cohort or a randomised trial.\n"
        + "- A prospective study is adequate with at least 10 events in the rule's population (about 10 events per predictor,"
        + " Peduzzi et al. 1996); an unreported number of events counts as fewer than 10.\n\n"
        + "| grade | when |\n| --- | --- |\n"
        + "| A | two or more supporting prospective studies, each adequate, and no prospective null study |\n"
        + "| B | one adequate supporting prospective study, or two or more consistent ones with fewer events, and no prospective null study |\n"
        + "| C | prospective support that is small (a single study with fewer than 10 events) or mixed (a prospective null study beside it) |\n"
        + "| D | no prospective support: only retrospective, case-control, cross-sectional, case-series or uncontrolled intervention evidence |\n\n"
        + "A threshold that is a convention never raises a grade: the grade is about the link, the convention label about the number.";

    /// <summary>Grades a rule's evidence by the rubric above.</summary>
    public static GradeResult Grade(IReadOnlyList<RuleEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var supporting = evidence.Where(e => e.Role == EvidenceRole.Supports && IsProspective(e.Study.Design)).ToList();
        var nulls = evidence.Where(e => e.Role == EvidenceRole.Null && IsProspective(e.Study.Design)).ToList();

        if (supporting.Count == 0)
        {
            var others = evidence.Where(e => e.Role == EvidenceRole.Supports).ToList();
            return new GradeResult(EvidenceGrade.D, others.Count == 0
                ? "D: no study supports the link."
                : $"D: no prospective study supports the link; the support is {string.Join(", ", others.Select(e => $"{e.StudyId} ({DesignWords(e.Study.Design)})"))}.");
        }

        var support = $"{Count(supporting.Count, "prospective study", "prospective studies")} support{(supporting.Count == 1 ? "s" : "")} the link ({string.Join(", ", supporting.Select(Describe))})";
        if (nulls.Count > 0)
        {
            return new GradeResult(EvidenceGrade.C,
                $"C: mixed: {support}, but {Count(nulls.Count, "prospective study", "prospective studies")} found no link ({string.Join(", ", nulls.Select(e => e.StudyId))}).");
        }

        var adequate = supporting.Count(IsAdequate);
        if (supporting.Count >= 2 && adequate == supporting.Count)
        {
            return new GradeResult(EvidenceGrade.A, $"A: {support}, each with at least {AdequateEvents} events, and none found no link.");
        }

        if (supporting.Count >= 2)
        {
            return new GradeResult(EvidenceGrade.B, $"B: {support}, consistent, but not all with {AdequateEvents} or more events.");
        }

        return adequate == 1
            ? new GradeResult(EvidenceGrade.B, $"B: {support} with at least {AdequateEvents} events.")
            : new GradeResult(EvidenceGrade.C, $"C: small: {support} with fewer than {AdequateEvents} events in the rule's population.");
    }

    public static bool IsProspective(StudyDesign design) => design is StudyDesign.Prospective or StudyDesign.RandomisedTrial;

    private static bool IsAdequate(RuleEvidence e) => e.Events >= AdequateEvents;

    private static string Describe(RuleEvidence e) => e.Events is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"{e.StudyId}: {n} {(n == 1 ? "event" : "events")}")
        : $"{e.StudyId}: events not reported";

    private static string Count(int n, string one, string many) =>
        n == 1 ? $"one {one}" : string.Create(CultureInfo.InvariantCulture, $"{n} {many}");

    internal static string DesignWords(StudyDesign design) => design switch
    {
        StudyDesign.Prospective => "prospective",
        StudyDesign.Retrospective => "retrospective",
        StudyDesign.CaseControl => "case-control",
        StudyDesign.CrossSectional => "cross-sectional",
        StudyDesign.CaseSeries => "case series",
        StudyDesign.Intervention => "intervention",
        StudyDesign.RandomisedTrial => "randomised trial",
        _ => throw new ArgumentOutOfRangeException(nameof(design), design, "Unknown design."),
    };
}
