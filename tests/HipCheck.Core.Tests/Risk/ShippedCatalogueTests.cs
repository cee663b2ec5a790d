using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;

namespace HipCheck.Core.Tests.Risk;

/// <summary>The catalogue HipCheck ships: it loads, and it says what the research doc verified, honestly.</summary>
public class ShippedCatalogueTests
{
    private static readonly EvidenceCatalogue Catalogue = EvidenceCatalogue.Load();

    [Fact]
    public void Load_parses_the_embedded_catalogue_once()
    {
        Assert.Same(EvidenceCatalogue.Load(), EvidenceCatalogue.Load());
        Assert.Matches(@"^\d{4}\.\d+\.\d+$", Catalogue.Version);
        Assert.NotEmpty(Catalogue.Studies);
        Assert.NotEmpty(Catalogue.Norms);
        Assert.True(Catalogue.Rules.Count >= 6);
    }

    [Fact]
    public void Every_rules_studies_exist_in_the_catalogue()
    {
        foreach (var rule in Catalogue.Rules)
        {
            Assert.All(rule.Evidence, e => Assert.Same(Catalogue.FindStudy(e.StudyId), e.Study));
            Assert.Contains(rule.Evidence, e => e.Role == EvidenceRole.Supports);
        }
    }

    [Fact]
    public void Find_returns_null_for_unknown_ids()
    {
        Assert.Null(Catalogue.FindStudy("nobody-1999"));
        Assert.Null(Catalogue.FindRule("nothing"));
        Assert.Null(Catalogue.FindNorm("nothing"));
        Assert.Equal(2001, Catalogue.FindStudy("nadler-2001")!.Year);
    }

    [Theory]
    [InlineData("lbp-hip-extension-asymmetry-female", "low-back-pain", Sex.Female, null, null, MetricKind.AsymmetryPercent, "hip-extension", Comparator.GreaterOrEqual, 15.0)]
    [InlineData("lbp-back-extension-endurance-male", "low-back-pain", Sex.Male, 30, 60, MetricKind.HoldSeconds, "back-extension-endurance", Comparator.Less, 176.0)]
    [InlineData("pfp-hip-abduction-asymmetry-female", "patellofemoral-pain", Sex.Female, null, null, MetricKind.AsymmetryPercent, "hip-abduction", Comparator.GreaterOrEqual, 15.0)]
    [InlineData("pfp-hip-external-rotation-asymmetry-female", "patellofemoral-pain", Sex.Female, null, null, MetricKind.AsymmetryPercent, "hip-external-rotation", Comparator.GreaterOrEqual, 15.0)]
    [InlineData("pfp-hip-abduction-low-percentile", "patellofemoral-pain", null, null, null, MetricKind.Percentile, "hip-abduction", Comparator.Less, 33.0)]
    [InlineData("itbs-hip-abduction-asymmetry", "it-band-syndrome", null, null, null, MetricKind.AsymmetryPercent, "hip-abduction", Comparator.GreaterOrEqual, 15.0)]
    public void The_required_rules_are_shipped_with_their_population_metric_and_threshold(
        string id, string outcome, Sex? sex, int? ageMin, int? ageMax, MetricKind kind, string test, Comparator comparator, double threshold)
    {
        var rule = Catalogue.FindRule(id)!;
        Assert.Equal(outcome, rule.Outcome);
        Assert.Equal(sex, rule.Sex);
        Assert.Equal(ageMin, rule.AgeMin);
        Assert.Equal(ageMax, rule.AgeMax);
        Assert.Equal(new RuleMetric(kind, test), rule.Metric);
        Assert.Equal(comparator, rule.Comparator);
        Assert.Equal(threshold, rule.Threshold);
    }

    [Theory]
    [InlineData("lbp-hip-extension-asymmetry-female", "nadler-2001,nadler-2000", "", "nadler-2002")]
    [InlineData("lbp-back-extension-endurance-male", "biering-sorensen-1984", "", "kankaanpaa-1998")]
    [InlineData("pfp-hip-abduction-asymmetry-female", "cichanowski-2007,ireland-2003", "thijs-2011,toresdahl-2020", "")]
    [InlineData("pfp-hip-external-rotation-asymmetry-female", "cichanowski-2007,ireland-2003", "thijs-2011", "")]
    [InlineData("pfp-hip-abduction-low-percentile", "ramskov-2015,luedke-2015", "thijs-2011,toresdahl-2020", "ramskov-2014")]
    [InlineData("itbs-hip-abduction-asymmetry", "fredericson-2000", "grau-2008", "toresdahl-2020")]
    public void Each_rule_lists_its_supporting_null_and_context_studies(string id, string supports, string nulls, string context)
    {
        var rule = Catalogue.FindRule(id)!;
        string Ids(EvidenceRole role) => string.Join(",", rule.Evidence.Where(e => e.Role == role).Select(e => e.StudyId));
        Assert.Equal(supports, Ids(EvidenceRole.Supports));
        Assert.Equal(nulls, Ids(EvidenceRole.Null));
        Assert.Equal(context, Ids(EvidenceRole.Context));
    }

    [Fact]
    public void Nadler_2001_counts_only_the_five_events_in_women_for_the_women_only_rule()
    {
        var nadler = Catalogue.FindRule("lbp-hip-extension-asymmetry-female")!.Evidence.Single(e => e.StudyId == "nadler-2001");
        Assert.Equal(13, nadler.Study.Events);
        Assert.Equal(5, nadler.Events);
    }

    [Fact]
    public void Every_shipped_threshold_is_labelled_a_convention_with_its_source()
    {
        Assert.All(Catalogue.Rules, r =>
        {
            Assert.True(r.ThresholdIsConvention, r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.ThresholdSource));
            Assert.Contains("convention", r.Explanation + r.ThresholdSource, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void The_176_second_threshold_says_it_comes_from_secondary_sources_and_is_not_confirmed_in_the_paper()
    {
        var rule = Catalogue.FindRule("lbp-back-extension-endurance-male")!;
        Assert.Contains("secondary sources", rule.ThresholdSource, StringComparison.Ordinal);
        Assert.Contains("Rehabilitation Measures", rule.ThresholdSource, StringComparison.Ordinal);
        Assert.Contains("Not confirmed as a cut-off in the paper", rule.ThresholdSource, StringComparison.Ordinal);
        Assert.Contains("not confirmed as a cut-off in the paper", rule.Explanation, StringComparison.Ordinal);
        Assert.Contains("men only", rule.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanations_name_small_retrospective_and_null_evidence()
    {
        Assert.Contains("small study", Catalogue.FindRule("lbp-hip-extension-asymmetry-female")!.Explanation, StringComparison.Ordinal);
        Assert.Contains("looking back", Catalogue.FindRule("lbp-hip-extension-asymmetry-female")!.Explanation, StringComparison.Ordinal);
        Assert.Contains("no link", Catalogue.FindRule("pfp-hip-abduction-asymmetry-female")!.Explanation, StringComparison.Ordinal);
        Assert.Contains("no difference", Catalogue.FindRule("itbs-hip-abduction-asymmetry")!.Explanation, StringComparison.Ordinal);
        Assert.Contains("mixed", Catalogue.FindRule("pfp-hip-abduction-low-percentile")!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_with_a_null_study_mentions_it_in_its_explanation_or_advice()
    {
        foreach (var rule in Catalogue.Rules.Where(r => r.NullStudies.Any()))
        {
            var text = rule.Explanation + " " + rule.Advice;
            Assert.True(text.Contains("no link", StringComparison.Ordinal) || text.Contains("no difference", StringComparison.Ordinal)
                || text.Contains("did not prevent", StringComparison.Ordinal), rule.Id);
        }
    }

    [Fact]
    public void Texts_are_plain_and_filled_in()
    {
        Assert.All(Catalogue.Rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(r.Advice));
            Assert.False(string.IsNullOrWhiteSpace(r.OutcomeName));
            Assert.Contains(r.Outcome, Outcomes.All);
        });
        Assert.All(Catalogue.Studies, s => Assert.False(string.IsNullOrWhiteSpace(s.Finding)));
    }

    [Fact]
    public void Every_metric_names_a_test_of_the_catalogue()
    {
        Assert.All(Catalogue.Rules, r => Assert.NotNull(TestCatalogue.Find(r.Metric.TestCode)));
        Assert.All(Catalogue.Norms, n => Assert.NotNull(TestCatalogue.Find(n.TestCode)));
    }

    [Fact]
    public void No_study_claims_a_full_text_read_that_the_research_doc_does_not_record()
    {
        // docs/research/evidence-verification.md: "No study reached `verified`".
        Assert.DoesNotContain(Catalogue.Studies, s => s.Verification == Verification.Verified);
        Assert.Equal(Verification.Secondary, Catalogue.FindStudy("boren-2011")!.Verification);
    }

    [Fact]
    public void The_json_stores_no_grades()
    {
        Assert.DoesNotContain("\"grade\"", EvidenceCatalogue.ReadEmbeddedJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_verified_norms_are_shipped_and_alvarenga_has_no_sd()
    {
        Assert.Equal(
            ["ramskov-2014-ecc-abd-male", "ramskov-2014-ecc-abd-female", "alvarenga-2019-iso-extension-female-20-29",
             "alvarenga-2019-iso-abduction-female-20-29", "alvarenga-2019-iso-external-rotation-female-20-29"],
            Catalogue.Norms.Select(n => n.Id));
        var ramskovMale = Catalogue.FindNorm("ramskov-2014-ecc-abd-male")!;
        Assert.Equal((1.62, 0.38), (ramskovMale.Mean, ramskovMale.Sd!.Value));
        var ramskovFemale = Catalogue.FindNorm("ramskov-2014-ecc-abd-female")!;
        Assert.Equal((1.41, 0.33), (ramskovFemale.Mean, ramskovFemale.Sd!.Value));
        var extension = Catalogue.FindNorm("alvarenga-2019-iso-extension-female-20-29")!;
        Assert.Equal((27.04, 25.79, 28.30), (extension.Mean, extension.Ci95Low!.Value, extension.Ci95High!.Value));
        Assert.All(Catalogue.Norms.Where(n => n.StudyId == "alvarenga-2019"), n => Assert.Null(n.Sd));
    }

    [Fact]
    public void The_catalogue_round_trips_through_parse()
    {
        var again = EvidenceCatalogue.Parse(EvidenceCatalogue.ReadEmbeddedJson());
        Assert.Equal(Catalogue.Version, again.Version);
        Assert.Equal(Catalogue.Studies, again.Studies);
        Assert.Equal(Catalogue.Norms, again.Norms);
        Assert.Equal(Catalogue.Rules.Select(r => (r.Id, r.Grade)), again.Rules.Select(r => (r.Id, r.Grade)));
    }
}
