using System.Text.Json.Nodes;
using HipCheck.Core.Risk;
using static HipCheck.Core.Tests.Risk.RiskFixtures;

namespace HipCheck.Core.Tests.Risk;

/// <summary>A malformed catalogue fails loudly, naming every problem with its JSON path.</summary>
public class CatalogueParseTests
{
    private static JsonObject FirstRule(JsonObject json) => json["rules"]![0]!.AsObject();

    private static JsonObject FirstStudy(JsonObject json) => json["studies"]![0]!.AsObject();

    private static string Only(JsonObject json) => Assert.Single(Problems(json));

    [Fact]
    public void The_minimal_catalogue_parses()
    {
        var catalogue = Parse(MinimalJson());
        Assert.Equal("test-1", catalogue.Version);
        var rule = Assert.Single(catalogue.Rules);
        Assert.Equal(new RuleMetric(MetricKind.AsymmetryPercent, "hip-extension"), rule.Metric);
        Assert.Equal(Comparator.GreaterOrEqual, rule.Comparator);
        Assert.Same(catalogue.FindStudy("study-a"), rule.Evidence[0].Study);
        Assert.Equal(EvidenceGrade.B, rule.Grade);
    }

    [Fact]
    public void Malformed_json_is_reported_with_the_parsers_position()
    {
        var ex = Assert.Throws<InvalidCatalogueException>(() => EvidenceCatalogue.Parse("{ \"version\": \"1\", \"studies\": [ }"));
        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith("The catalogue is not valid JSON:", problem, StringComparison.Ordinal);
        Assert.Contains("LineNumber", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("42", "a number")]
    [InlineData("\"text\"", "text")]
    public void A_root_that_is_not_an_object_is_rejected(string json, string kind)
    {
        var ex = Assert.Throws<InvalidCatalogueException>(() => EvidenceCatalogue.Parse(json));
        Assert.Contains($"not {kind}", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_top_level_fields_are_each_reported()
    {
        var problems = Problems(new JsonObject());
        Assert.Equal(
            ["catalogue.version: missing; it is required.", "catalogue.studies: missing; it is required.",
             "catalogue.norms: missing; it is required.", "catalogue.rules: missing; it is required."],
            problems);
    }

    [Fact]
    public void A_missing_study_field_is_reported_with_its_path()
    {
        var json = MinimalJson();
        FirstStudy(json).Remove("title");
        var problems = Problems(json);
        Assert.Contains("studies[0] 'study-a'.title: missing; it is required.", problems);
    }

    [Fact]
    public void A_missing_rule_field_is_reported_with_its_path()
    {
        var json = MinimalJson();
        FirstRule(json).Remove("thresholdIsConvention");
        Assert.Equal("rules[0] 'rule-a'.thresholdIsConvention: missing; it is required.", Only(json));
    }

    [Fact]
    public void Duplicate_study_ids_are_rejected()
    {
        var json = MinimalJson();
        json["studies"]!.AsArray().Add(Study("study-a", "case-control"));
        Assert.Equal("studies: duplicate study id 'study-a'; ids must be unique.", Only(json));
    }

    [Fact]
    public void Duplicate_rule_ids_are_rejected()
    {
        var json = MinimalJson();
        json["rules"]!.AsArray().Add(Rule("rule-a", "hold-seconds", "back-extension-endurance", "<", 100, ("study-a", "supports")));
        Assert.Equal("rules: duplicate rule id 'rule-a'; ids must be unique.", Only(json));
    }

    [Fact]
    public void Duplicate_norm_ids_are_rejected()
    {
        var json = MinimalJson();
        json["norms"]!.AsArray().Add(Norm("n", "hip-abduction", "female", "N/kg", "isometric", 2, 0.4, "study-a"));
        json["norms"]!.AsArray().Add(Norm("n", "hip-extension", "male", "N/kg", "isometric", 2, 0.4, "study-a"));
        Assert.Equal("norms: duplicate norm id 'n'; ids must be unique.", Only(json));
    }

    [Fact]
    public void A_rule_citing_an_unknown_study_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["evidence"]!.AsArray().Add(new JsonObject { ["study"] = "nobody-1999", ["role"] = "null" });
        Assert.Equal("rules[0] 'rule-a'.evidence[1].study: cites unknown study 'nobody-1999'.", Only(json));
    }

    [Fact]
    public void A_norm_citing_an_unknown_study_is_rejected()
    {
        var json = MinimalJson();
        json["norms"]!.AsArray().Add(Norm("n", "hip-abduction", null, "N/kg", "isometric", 2, 0.4, "nobody-1999"));
        Assert.Equal("norms[0] 'n'.studyId: cites unknown study 'nobody-1999'.", Only(json));
    }

    [Fact]
    public void An_unknown_test_code_is_rejected_in_rules_and_norms()
    {
        var json = MinimalJson();
        FirstRule(json)["metric"]!["testCode"] = "hip-flexion";
        json["norms"]!.AsArray().Add(Norm("n", "grip", null, "N/kg", "isometric", 2, 0.4, "study-a"));
        var problems = Problems(json);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("rules[0] 'rule-a'.metric.testCode: unknown test code 'hip-flexion'; use one of hip-extension,", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("norms[0] 'n'.testCode: unknown test code 'grip'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_metric_kind_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["metric"]!["kind"] = "lsi-percent";
        Assert.Equal("rules[0] 'rule-a'.metric.kind: unknown kind 'lsi-percent'; use one of asymmetry-percent, hold-seconds, percentile, newtons-per-kg.", Only(json));
    }

    [Fact]
    public void A_metric_the_test_cannot_measure_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["metric"]!["kind"] = "hold-seconds"; // hip extension is a force test
        Assert.Equal("rules[0] 'rule-a'.metric: 'hold-seconds' cannot be measured by Hip extension (hip-extension).", Only(json));

        json = MinimalJson();
        FirstRule(json)["metric"] = new JsonObject { ["kind"] = "asymmetry-percent", ["testCode"] = "back-extension-endurance" };
        Assert.Contains("cannot be measured by Back-extension endurance", Only(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=>")]
    [InlineData("==")]
    [InlineData("gte")]
    public void An_unknown_comparator_is_rejected(string comparator)
    {
        var json = MinimalJson();
        FirstRule(json)["comparator"] = comparator;
        Assert.Equal($"rules[0] 'rule-a'.comparator: unknown comparator '{comparator}'; use one of >=, >, <, <=.", Only(json));
    }

    [Fact]
    public void An_unknown_outcome_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["outcome"] = "shin-splints";
        Assert.Equal("rules[0] 'rule-a'.outcome: unknown outcome 'shin-splints'; use one of low-back-pain, patellofemoral-pain, it-band-syndrome.", Only(json));
    }

    [Fact]
    public void A_non_finite_threshold_is_rejected()
    {
        var json = EvidenceCatalogueJsonWithThreshold("1e999");
        var problem = Assert.Single(Assert.Throws<InvalidCatalogueException>(() => EvidenceCatalogue.Parse(json)).Problems);
        Assert.Equal("rules[0] 'rule-a'.threshold: 1e999 is not a finite number.", problem);
    }

    [Fact]
    public void A_threshold_given_as_text_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["threshold"] = "NaN";
        Assert.Equal("rules[0] 'rule-a'.threshold: must be a number, not text.", Only(json));
    }

    [Fact]
    public void A_threshold_outside_the_metrics_range_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["threshold"] = 100;
        Assert.Equal("rules[0] 'rule-a'.threshold: The hip extension asymmetry threshold must be at least 0 % and below 100 %.", Only(json));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.3)]
    public void A_norm_with_an_sd_of_zero_or_less_is_rejected(double sd)
    {
        var json = MinimalJson();
        json["norms"]!.AsArray().Add(Norm("n", "hip-abduction", null, "N/kg", "isometric", 2, sd, "study-a"));
        Assert.Equal("norms[0] 'n'.sd: a standard deviation must be greater than 0 (use null when the source gives none).", Only(json));
    }

    [Fact]
    public void A_norm_whose_unit_or_contraction_does_not_fit_its_test_is_rejected()
    {
        var json = MinimalJson();
        json["norms"]!.AsArray().Add(Norm("n", "back-extension-endurance", null, "N/kg", "isometric", 100, 30, "study-a"));
        var problems = Problems(json);
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("norms[0] 'n'.unit: 'N/kg' does not fit", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("norms[0] 'n'.contraction: 'isometric' does not fit", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_norm_with_an_unknown_unit_is_rejected()
    {
        var json = MinimalJson();
        json["norms"]!.AsArray().Add(Norm("n", "hip-abduction", null, "kg", "isometric", 2, 0.4, "study-a"));
        Assert.Equal("norms[0] 'n'.unit: unknown unit 'kg'; use one of N/kg, Nm/kg, %BW, s.", Only(json));
    }

    [Fact]
    public void A_norm_ci_that_is_reversed_is_rejected()
    {
        var json = MinimalJson();
        var norm = Norm("n", "hip-abduction", null, "%BW", "isometric", 17, null, "study-a");
        norm["ci95Low"] = 18;
        norm["ci95High"] = 16;
        json["norms"]!.AsArray().Add(norm);
        Assert.Equal("norms[0] 'n': ci95Low 18 is above ci95High 16.", Only(json));
    }

    [Fact]
    public void An_age_minimum_above_the_maximum_is_rejected_for_rules_and_norms()
    {
        var json = MinimalJson();
        FirstRule(json)["ageMin"] = 60;
        FirstRule(json)["ageMax"] = 30;
        json["norms"]!.AsArray().Add(Norm("n", "hip-abduction", null, "N/kg", "isometric", 2, 0.4, "study-a", ageMin: 29, ageMax: 20));
        var problems = Problems(json);
        Assert.Contains("rules[0] 'rule-a': ageMin 60 is above ageMax 30.", problems);
        Assert.Contains("norms[0] 'n': ageMin 29 is above ageMax 20.", problems);
    }

    [Theory]
    [InlineData("explanation")]
    [InlineData("advice")]
    [InlineData("thresholdSource")]
    [InlineData("outcomeName")]
    public void An_empty_text_is_rejected(string field)
    {
        var json = MinimalJson();
        FirstRule(json)[field] = "   ";
        Assert.Equal($"rules[0] 'rule-a'.{field}: must not be empty.", Only(json));
    }

    [Fact]
    public void An_unknown_sex_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["sex"] = "any";
        Assert.Equal("rules[0] 'rule-a'.sex: unknown sex 'any'; use one of female, male (or null).", Only(json));
    }

    [Fact]
    public void An_unknown_design_role_or_verification_is_rejected()
    {
        var json = MinimalJson();
        FirstStudy(json)["design"] = "rct";
        FirstStudy(json)["verification"] = "read";
        FirstRule(json)["evidence"]![0]!["role"] = "refutes";
        var problems = Problems(json);
        Assert.Contains(problems, p => p.StartsWith("studies[0] 'study-a'.design: unknown design 'rct'; use one of prospective,", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("studies[0] 'study-a'.verification: unknown verification 'read'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rules[0] 'rule-a'.evidence[0].role: unknown role 'refutes'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_field_is_reported_as_a_likely_typo()
    {
        var json = MinimalJson();
        FirstRule(json)["grade"] = "C"; // grades are derived, never stored
        Assert.StartsWith("rules[0] 'rule-a'.grade: unknown field; expected one of id, outcome,", Only(json), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_without_a_supporting_study_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["evidence"]![0]!["role"] = "null";
        Assert.Equal("rules[0] 'rule-a'.evidence: a rule needs at least one study with role 'supports'.", Only(json));
    }

    [Fact]
    public void A_study_listed_twice_in_a_rule_is_rejected()
    {
        var json = MinimalJson();
        FirstRule(json)["evidence"]!.AsArray().Add(new JsonObject { ["study"] = "study-a", ["role"] = "context" });
        Assert.Equal("rules[0] 'rule-a'.evidence[1].study: 'study-a' is listed more than once.", Only(json));
    }

    [Fact]
    public void Events_above_the_sample_size_or_the_studys_events_are_rejected()
    {
        var json = MinimalJson();
        FirstStudy(json)["sampleSize"] = 10;
        Assert.Equal("studies[0] 'study-a'.events: 20 events cannot exceed the sample size of 10.", Problems(json)[0]);

        json = MinimalJson();
        FirstRule(json)["evidence"]![0]!["eventsInPopulation"] = 21;
        Assert.Equal("rules[0] 'rule-a'.evidence[0].eventsInPopulation: 21 is more than the study's 20 events.", Only(json));
    }

    [Fact]
    public void A_wrongly_typed_field_is_rejected()
    {
        var json = MinimalJson();
        FirstStudy(json)["year"] = "2020";
        FirstRule(json)["thresholdIsConvention"] = "yes";
        FirstRule(json)["evidence"] = "study-a";
        var problems = Problems(json);
        Assert.Contains("studies[0] 'study-a'.year: must be a whole number, not text.", problems);
        Assert.Contains("rules[0] 'rule-a'.thresholdIsConvention: must be true or false, not text.", problems);
        Assert.Contains("rules[0] 'rule-a'.evidence: must be an array, not text.", problems);
    }

    [Fact]
    public void Every_problem_is_listed_at_once_in_the_message()
    {
        var json = MinimalJson();
        json.Remove("version");
        json["studies"]!.AsArray().Add(Study("study-a", "prospective"));
        FirstRule(json)["comparator"] = "=>";
        FirstRule(json)["explanation"] = "";
        FirstRule(json)["evidence"]!.AsArray().Add(new JsonObject { ["study"] = "ghost-2000", ["role"] = "supports" });
        json["norms"]!.AsArray().Add(Norm("n", "hip-abduction", null, "N/kg", "isometric", 2, 0, "study-a", ageMin: 40, ageMax: 30));

        var ex = Assert.Throws<InvalidCatalogueException>(() => Parse(json));
        Assert.Equal(7, ex.Problems.Count);
        Assert.StartsWith("The evidence catalogue is invalid (7 problems):", ex.Message, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "catalogue.version: missing",
            "duplicate study id 'study-a'",
            "unknown comparator '=>'",
            "explanation: must not be empty",
            "cites unknown study 'ghost-2000'",
            "a standard deviation must be greater than 0",
            "ageMin 40 is above ageMax 30",
        })
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }

        Assert.All(ex.Problems, p => Assert.Contains($"- {p}", ex.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Optional_fields_may_be_left_out_or_null()
    {
        var json = MinimalJson();
        foreach (var field in new[] { "doi", "pmid", "sampleSize", "events", "sourceRead" })
        {
            FirstStudy(json).Remove(field);
        }

        FirstRule(json).Remove("sex");
        FirstRule(json).Remove("ageMin");
        var catalogue = Parse(json);
        Assert.Null(catalogue.Studies[0].Doi);
        Assert.Null(catalogue.Rules[0].Sex);
    }

    [Fact]
    public void Comparators_parse_from_their_symbols()
    {
        foreach (var (symbol, expected) in new[] { (">=", Comparator.GreaterOrEqual), (">", Comparator.Greater), ("<", Comparator.Less), ("<=", Comparator.LessOrEqual) })
        {
            var json = MinimalJson();
            FirstRule(json)["comparator"] = symbol;
            Assert.Equal(expected, Parse(json).Rules[0].Comparator);
        }
    }

    private static string EvidenceCatalogueJsonWithThreshold(string rawThreshold) =>
        MinimalJson().ToJsonString().Replace("\"threshold\":15", $"\"threshold\":{rawThreshold}", StringComparison.Ordinal);
}
