using System.Text.Json.Nodes;
using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;
using TestResult = HipCheck.Core.Measurement.TestResult;

namespace HipCheck.Core.Tests.Risk;

/// <summary>Results and catalogues for the risk tests, built through the real evaluator and parser.</summary>
internal static class RiskFixtures
{
    public const double BodyMassKg = 60;

    /// <summary>
    /// A force test whose asymmetry is exactly <paramref name="asymmetryPercent"/> (for values whose
    /// 2 x percent is a whole number): left 200 N, right 200 x (1 - a/100), two equal trials per side.
    /// </summary>
    public static TestResult Asymmetric(string test, double asymmetryPercent, double strongerN = 200)
    {
        var weaker = strongerN * (100 - asymmetryPercent) / 100;
        return ScreeningEvaluator.Evaluate(new TestEntry(test, "N", [strongerN, strongerN], [weaker, weaker]), BodyMassKg);
    }

    /// <summary>A force test with the given mean force per side (two equal trials each).</summary>
    public static TestResult Force(string test, double leftN, double rightN, double? leverArmM = null) =>
        ScreeningEvaluator.Evaluate(new TestEntry(test, "N", [leftN, leftN], [rightN, rightN], leverArmM), BodyMassKg);

    public static TestResult BackHold(double seconds) =>
        ScreeningEvaluator.Evaluate(new TestEntry("back-extension-endurance", Seconds: seconds), BodyMassKg);

    public static ScreeningFacts Facts(Sex sex, int age, params TestResult[] results) => new(sex, age, BodyMassKg, results);

    public static RuleOutcome Outcome(RiskAssessment assessment, string ruleId) =>
        assessment.Outcomes.Single(o => o.Rule.Id == ruleId);

    public static RuleOutcome AssessRule(string ruleId, ScreeningFacts facts, IReadOnlyDictionary<string, double>? overrides = null) =>
        Outcome(RiskAssessor.Assess(EvidenceCatalogue.Load(), facts, overrides), ruleId);

    /// <summary>The shipped catalogue's JSON as a mutable tree, for tests that add or break one thing.</summary>
    public static JsonObject ShippedJson() => JsonNode.Parse(EvidenceCatalogue.ReadEmbeddedJson())!.AsObject();

    /// <summary>A small valid catalogue: one prospective study with 20 events and one rule citing it.</summary>
    public static JsonObject MinimalJson() => new()
    {
        ["version"] = "test-1",
        ["studies"] = new JsonArray(Study("study-a", "prospective", events: 20)),
        ["norms"] = new JsonArray(),
        ["rules"] = new JsonArray(Rule("rule-a", "asymmetry-percent", "hip-extension", ">=", 15, ("study-a", "supports"))),
    };

    public static JsonObject Study(string id, string design, int? events = null, int? sampleSize = 100) => new()
    {
        ["id"] = id,
        ["authors"] = "Doe J, Roe R",
        ["year"] = 2020,
        ["title"] = "A study",
        ["journal"] = "Journal of Tests",
        ["citation"] = "J Tests 2020;1(1):1-2",
        ["doi"] = null,
        ["pmid"] = null,
        ["design"] = design,
        ["population"] = "100 runners",
        ["sampleSize"] = sampleSize,
        ["events"] = events,
        ["finding"] = "Something was found.",
        ["verification"] = "abstract-only",
        ["sourceRead"] = null,
    };

    public static JsonObject Norm(
        string id, string test, string? sex, string unit, string contraction, double mean, double? sd, string studyId,
        int? ageMin = null, int? ageMax = null) => new()
        {
            ["id"] = id,
            ["testCode"] = test,
            ["sex"] = sex,
            ["ageMin"] = ageMin,
            ["ageMax"] = ageMax,
            ["unit"] = unit,
            ["contraction"] = contraction,
            ["mean"] = mean,
            ["sd"] = sd,
            ["n"] = 50,
            ["ci95Low"] = null,
            ["ci95High"] = null,
            ["protocol"] = "As described.",
            ["studyId"] = studyId,
        };

    public static JsonObject Rule(
        string id, string kind, string test, string comparator, double threshold, params (string Study, string Role)[] evidence)
    {
        var items = new JsonArray();
        foreach (var (study, role) in evidence)
        {
            items.Add(new JsonObject { ["study"] = study, ["role"] = role });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["outcome"] = "low-back-pain",
            ["outcomeName"] = "Low back pain",
            ["sex"] = null,
            ["ageMin"] = null,
            ["ageMax"] = null,
            ["metric"] = new JsonObject { ["kind"] = kind, ["testCode"] = test },
            ["comparator"] = comparator,
            ["threshold"] = threshold,
            ["thresholdIsConvention"] = true,
            ["thresholdSource"] = "A convention.",
            ["evidence"] = items,
            ["explanation"] = "Plain words.",
            ["advice"] = "Do this.",
        };
    }

    public static EvidenceCatalogue Parse(JsonNode json) => EvidenceCatalogue.Parse(json.ToJsonString());

    /// <summary>The problems a broken catalogue reports.</summary>
    public static IReadOnlyList<string> Problems(JsonNode json) =>
        Assert.Throws<InvalidCatalogueException>(() => Parse(json)).Problems;
}
