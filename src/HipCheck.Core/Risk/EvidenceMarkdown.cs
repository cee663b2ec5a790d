using System.Globalization;
using System.Text;
using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Risk;

/// <summary>
/// Renders the catalogue as docs/evidence.md, so the document is generated from the data and never written twice
/// (`hipcheck evidence`; a Core test fails when the committed file differs).
/// </summary>
public static class EvidenceMarkdown
{
    public static string Render(EvidenceCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var md = new Md();
        md.Line("# The evidence behind HipCheck's risk flags");
        md.Line();
        md.Line("<!-- Generated from src/HipCheck.Core/Risk/evidence-catalogue.json by `hipcheck evidence > docs/evidence.md`. Do not edit by hand. -->");
        md.Line();
        md.Line($"Catalogue version **{catalogue.Version}**: {Count(catalogue.Rules.Count, "rule")}, {Count(catalogue.Norms.Count, "norm")}, {Count(catalogue.Studies.Count, "study", "studies")}.");
        md.Line();
        md.Line($"> {RiskAssessment.Disclaimer}");
        md.Line();
        md.Line("Every number below was read in the study itself or in its abstract (docs/research/evidence-verification.md). "
            + "Null studies are listed beside the positive ones, and a threshold that is a convention says so.");
        md.Line();
        md.Line("## How a grade is worked out");
        md.Line();
        md.Line(EvidenceGrading.RubricMarkdown);
        md.Line();
        md.Line("## Rules");
        md.Line();
        md.Line("| rule | outcome | who | flags when | convention? | grade |");
        md.Line("| --- | --- | --- | --- | --- | --- |");
        foreach (var rule in catalogue.Rules)
        {
            md.Line($"| [`{rule.Id}`](#{rule.Id}) | {Cell(rule.OutcomeName)} | {RiskAssessor.PopulationWords(rule.Sex, rule.AgeMin, rule.AgeMax)} | {Cell(Condition(rule))} | {(rule.ThresholdIsConvention ? "yes" : "no")} | {rule.Grade} |");
        }

        md.Line();
        foreach (var rule in catalogue.Rules)
        {
            RenderRule(md, rule);
        }

        RenderNorms(md, catalogue);
        md.Line("## Studies");
        md.Line();
        foreach (var study in catalogue.Studies.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            RenderStudy(md, study);
        }

        return md.ToString();
    }

    private static void RenderRule(Md md, EvidenceRule rule)
    {
        var grading = rule.Grading;
        md.Line($"### {rule.OutcomeName}: {RiskAssessor.MetricName(rule.Metric)} ({RiskAssessor.PopulationWords(rule.Sex, rule.AgeMin, rule.AgeMax)})");
        md.Line();
        md.Line($"<a id=\"{rule.Id}\"></a>");
        md.Line();
        md.Line($"- Rule: `{rule.Id}`");
        md.Line($"- Outcome: {rule.OutcomeName} (`{rule.Outcome}`)");
        md.Line($"- Population: {RiskAssessor.PopulationWords(rule.Sex, rule.AgeMin, rule.AgeMax)}");
        md.Line($"- Metric: {RiskAssessor.MetricName(rule.Metric)} (`{CatalogueCodes.Code(rule.Metric.Kind)}` of test `{rule.Metric.TestCode}`)");
        md.Line($"- Flags when: {Condition(rule)} (comparator `{CatalogueCodes.Code(rule.Comparator)}`, threshold {Num(rule.Threshold)})");
        md.Line($"- Threshold: {(rule.ThresholdIsConvention ? "a convention, not an evidence-based cut-off" : "from the evidence")}. Source: {rule.ThresholdSource}");
        md.Line($"- Evidence grade: **{grading.Grade}**. {grading.Reason}");
        md.Line();
        md.Line($"What it means: {rule.Explanation}");
        md.Line();
        md.Line($"What to do: {rule.Advice}");
        md.Line();
        md.Line("| study | role | design | N | events | finding |");
        md.Line("| --- | --- | --- | --- | --- | --- |");
        foreach (var e in rule.Evidence)
        {
            var s = e.Study;
            var events = e.EventsInPopulation is { } inPopulation
                ? $"{inPopulation} in the rule's population ({Opt(s.Events)} in all)"
                : Events(s);
            md.Line($"| [{Cell(ShortCitation(s))}](#{s.Id}) | {RoleWords(e.Role)} | {EvidenceGrading.DesignWords(s.Design)} | {Opt(s.SampleSize)} | {events} | {Cell(s.Finding)} |");
        }

        md.Line();
        var nulls = rule.NullStudies.ToList();
        md.Line(nulls.Count == 0
            ? "Null studies: none found so far."
            : $"Null studies (looked for the link and did not find it): {string.Join("; ", nulls.Select(n => ShortCitation(n.Study)))}.");
        md.Line();
    }

    private static void RenderNorms(Md md, EvidenceCatalogue catalogue)
    {
        md.Line("## Norms");
        md.Line();
        md.Line("A result is compared with a norm only when the test, sex, age, unit and contraction match (HipCheck's dynamometer "
            + "tests are isometric, so an eccentric norm never matches; N/kg compares with % body weight as N/kg / 9.80665 x 100; "
            + "Nm/kg only with a lever arm). A percentile needs an SD; without one the report shows the reference mean. "
            + "Where nothing matches, the report says \"no norm\".");
        md.Line();
        md.Line("| norm | test | sex | age | contraction | mean | SD | N | 95 % CI | source |");
        md.Line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var n in catalogue.Norms)
        {
            var unit = CatalogueCodes.Code(n.Unit);
            var age = (n.AgeMin, n.AgeMax) switch
            {
                (null, null) => "any",
                ({ } min, null) => $"{min}+",
                (null, { } max) => $"up to {max}",
                ({ } min, { } max) => $"{min}-{max}",
            };
            var ci = n.Ci95Low is { } low && n.Ci95High is { } high ? $"{Num(low)}-{Num(high)}" : "-";
            var study = catalogue.FindStudy(n.StudyId);
            md.Line($"| `{n.Id}` | {TestName(n.TestCode)} | {SexWords(n.Sex)} | {age} | {CatalogueCodes.Code(n.Contraction)} | {Num(n.Mean)} {unit} | {(n.Sd is { } sd ? $"{Num(sd)} {unit}" : "not reported")} | {Opt(n.N)} | {ci} | [{Cell(study is null ? n.StudyId : ShortCitation(study))}](#{n.StudyId}) |");
        }

        md.Line();
        md.Line("Protocols:");
        md.Line();
        foreach (var n in catalogue.Norms)
        {
            md.Line($"- `{n.Id}`: {n.Protocol}");
        }

        md.Line();
        var covered = catalogue.Norms.Select(n => n.TestCode).ToHashSet(StringComparer.Ordinal);
        var uncovered = TestCatalogue.All.Where(t => !covered.Contains(t.Code)).Select(t => RiskAssessor.LowerFirst(t.Name)).ToList();
        if (uncovered.Count > 0)
        {
            md.Line($"No norm at all yet for: {string.Join("; ", uncovered)}.");
            md.Line();
        }
    }

    private static void RenderStudy(Md md, Study s)
    {
        md.Line($"### {s.Authors} ({s.Year.ToString(CultureInfo.InvariantCulture)})");
        md.Line();
        md.Line($"<a id=\"{s.Id}\"></a>");
        md.Line();
        md.Line($"{s.Title}. *{s.Journal}*. {s.Citation}."
            + (s.Doi is null ? "" : $" doi:{s.Doi}.")
            + (s.Pmid is null ? "" : $" PMID {s.Pmid}."));
        md.Line();
        md.Line($"- Id: `{s.Id}`");
        md.Line($"- Design: {EvidenceGrading.DesignWords(s.Design)}");
        md.Line($"- Population: {s.Population}");
        md.Line($"- N: {Opt(s.SampleSize)}; events: {Events(s)}");
        md.Line($"- Finding: {s.Finding}");
        md.Line($"- Read: {VerificationWords(s.Verification)}{(s.SourceRead is null ? "" : $" ({s.SourceRead})")}");
        md.Line();
    }

    private static string Condition(EvidenceRule rule) =>
        $"{RiskAssessor.MetricName(rule.Metric)} {RiskAssessor.ComparatorWords(rule.Comparator)} {RiskAssessor.FormatValue(rule.Metric.Kind, rule.Threshold)}";

    private static string ShortCitation(Study s)
    {
        var first = s.Authors.Split(' ', 2)[0].TrimEnd(',');
        var etAl = s.Authors.Contains(',', StringComparison.Ordinal) ? " et al." : "";
        return $"{first}{etAl} {s.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string RoleWords(EvidenceRole role) => role switch
    {
        EvidenceRole.Supports => "supports",
        EvidenceRole.Null => "**null**",
        _ => "context",
    };

    private static string VerificationWords(Verification v) => v switch
    {
        Verification.Verified => "full text",
        Verification.AbstractOnly => "abstract only",
        _ => "secondary sources only",
    };

    private static string SexWords(Sex? sex) => sex switch { Sex.Female => "women", Sex.Male => "men", _ => "both" };

    private static string TestName(string code) => TestCatalogue.Find(code) is { } t ? RiskAssessor.LowerFirst(t.Name) : code;

    /// <summary>Events only mean something where people were followed up; elsewhere say so rather than "not reported".</summary>
    private static string Events(Study s) =>
        s.Events is null && !EvidenceGrading.IsProspective(s.Design) && s.Design != StudyDesign.Intervention ? "n/a (no follow-up)" : Opt(s.Events);

    private static string Opt(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "not reported";

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>A Markdown builder with "\n" line endings whatever the platform, so the output is byte-stable.</summary>
    private sealed class Md
    {
        private readonly StringBuilder _text = new();

        public void Line(string line = "") => _text.Append(line).Append('\n');

        public override string ToString() => _text.ToString();
    }
}
