using System.Text.Json;
using HipCheck.Core.Studies;
using static HipCheck.Core.Tests.Studies.CohortFixtures;

namespace HipCheck.Core.Tests.Studies;

/// <summary>
/// The whole pipeline (CSV reader, exposure, 2x2 tables, logistic, Kaplan-Meier, log-rank, Cox) against R on the
/// committed cohorts: fixtures/analyze.R printed fixtures/*.expected.json with epitools, fisher.test, glm, survfit,
/// survdiff and coxph (R 4.2.2, survival 3.5.3, epitools 0.5.10.1, pwr 1.3.0, data.table 1.14.8).
/// </summary>
public class CohortAnalysisAgainstRTests
{
    private static readonly HashSet<string> ExtraKeys = ["warnings", "skippedRows"];

    public static TheoryData<string> Cohorts => [.. CohortFixtures.Cohorts];

    [Theory]
    [MemberData(nameof(Cohorts))]
    public void Every_number_matches_R_to_1e_6(string cohort)
    {
        var ours = JsonDocument.Parse(CohortAnalysis.Run(Read(cohort), 15).ToJson()).RootElement;
        var r = JsonDocument.Parse(File.ReadAllText(PathOf(cohort + ".expected.json"))).RootElement;

        var differences = JsonAgreement.Differences(ours, r, ExtraKeys);

        Assert.True(differences.Count == 0, $"{cohort}: {differences.Count} differences from R:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_zero_cell_cohort_writes_undefined_limits_as_null_as_R_does()
    {
        var json = JsonDocument.Parse(CohortAnalysis.Run(Read("cohort-60-zero-cell"), 15).ToJson()).RootElement;
        var men = json.GetProperty("bySex").GetProperty("M");

        Assert.Equal(0, men.GetProperty("a").GetInt32());
        Assert.Equal(0, men.GetProperty("riskRatio").GetProperty("estimate").GetDouble());
        Assert.Equal(JsonValueKind.Null, men.GetProperty("riskRatio").GetProperty("upper").ValueKind);
        Assert.Equal(JsonValueKind.Null, men.GetProperty("oddsRatio").GetProperty("upper").ValueKind);
    }
}
