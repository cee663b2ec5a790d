using HipCheck.Core.Risk;

namespace HipCheck.Core.Tests.Risk;

/// <summary>docs/evidence.md is generated from the catalogue, never written by hand.</summary>
public class EvidenceMarkdownTests
{
    private static readonly string Rendered = EvidenceMarkdown.Render(EvidenceCatalogue.Load());

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HipCheck.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No HipCheck.slnx above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void Docs_evidence_md_is_the_rendering_of_the_shipped_catalogue()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "evidence.md");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == Rendered,
            "docs/evidence.md is out of date with src/HipCheck.Core/Risk/evidence-catalogue.json. Regenerate it with "
            + "`dotnet run --project src/HipCheck.Cli -- evidence > docs/evidence.md` and commit it.");
    }

    [Fact]
    public void Rendering_is_deterministic_with_unix_line_endings()
    {
        Assert.Equal(Rendered, EvidenceMarkdown.Render(EvidenceCatalogue.Load()));
        Assert.DoesNotContain("\r", Rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_appears_with_its_threshold_convention_label_grade_reason_and_studies()
    {
        var catalogue = EvidenceCatalogue.Load();
        foreach (var rule in catalogue.Rules)
        {
            var start = Rendered.IndexOf($"- Rule: `{rule.Id}`", StringComparison.Ordinal);
            Assert.True(start >= 0, rule.Id);
            var end = Rendered.IndexOf("\n### ", start, StringComparison.Ordinal);
            var section = Rendered[start..(end < 0 ? Rendered.Length : end)];

            Assert.Contains($"threshold {rule.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)})", section, StringComparison.Ordinal);
            Assert.Contains("- Threshold: a convention, not an evidence-based cut-off. Source: " + rule.ThresholdSource, section, StringComparison.Ordinal);
            Assert.Contains($"- Evidence grade: **{rule.Grade}**. {rule.Grading.Reason}", section, StringComparison.Ordinal);
            Assert.Contains(rule.Explanation, section, StringComparison.Ordinal);
            Assert.Contains(rule.Advice, section, StringComparison.Ordinal);
            foreach (var e in rule.Evidence)
            {
                Assert.Contains($"](#{e.StudyId}) |", section, StringComparison.Ordinal);
                Assert.Contains(e.Study.Finding, section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Null_studies_are_marked_and_listed_beside_the_positive_ones()
    {
        Assert.Contains("| [Thijs et al. 2011](#thijs-2011) | **null** | prospective | 77 |", Rendered, StringComparison.Ordinal);
        Assert.Contains("Null studies (looked for the link and did not find it): Thijs et al. 2011; Toresdahl et al. 2020.", Rendered, StringComparison.Ordinal);
        Assert.Contains("Null studies (looked for the link and did not find it): Grau et al. 2008.", Rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_in_the_rules_population_are_shown_beside_the_total()
    {
        Assert.Contains("| [Nadler et al. 2001](#nadler-2001) | supports | prospective | 163 | 5 in the rule's population (13 in all) |", Rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void The_norms_table_and_the_full_study_list_follow_the_rules()
    {
        var rules = Rendered.IndexOf("## Rules", StringComparison.Ordinal);
        var norms = Rendered.IndexOf("## Norms", StringComparison.Ordinal);
        var studies = Rendered.IndexOf("## Studies", StringComparison.Ordinal);
        Assert.True(rules > 0 && norms > rules && studies > norms);
        Assert.Contains("| `alvarenga-2019-iso-extension-female-20-29` | hip extension | women | 20-29 | isometric | 27.04 %BW | not reported | 52 | 25.79-28.3 |", Rendered, StringComparison.Ordinal);
        Assert.Contains("| `ramskov-2014-ecc-abd-male` | hip abduction | men | any | eccentric | 1.62 Nm/kg | 0.38 Nm/kg |", Rendered, StringComparison.Ordinal);
        Assert.Contains("No norm at all yet for: back-extension endurance (Biering-Sørensen); single-leg bridge hold.", Rendered, StringComparison.Ordinal);
        foreach (var study in EvidenceCatalogue.Load().Studies)
        {
            Assert.Contains($"- Id: `{study.Id}`", Rendered[studies..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_document_carries_the_version_the_disclaimer_and_the_rubric()
    {
        Assert.Contains($"Catalogue version **{EvidenceCatalogue.Load().Version}**", Rendered, StringComparison.Ordinal);
        Assert.Contains(RiskAssessment.Disclaimer, Rendered, StringComparison.Ordinal);
        Assert.Contains(EvidenceGrading.RubricMarkdown, Rendered, StringComparison.Ordinal);
    }
}
