using System.Text.Json;
using HipCheck.Core.Studies;
using static HipCheck.Core.Tests.Studies.CohortFixtures;

namespace HipCheck.Core.Tests.Studies;

public class CohortAnalysisTests
{
    [Fact]
    public void The_json_has_exactly_the_contract_keys_in_order_then_the_extra_keys()
    {
        var json = JsonDocument.Parse(CohortAnalysis.Run(Read("cohort-400"), 15).ToJson()).RootElement;

        // Issue 10 added eventsPerVariable and firth after cox; every issue 4 key is unchanged and in place.
        Assert.Equal(["n", "events", "threshold", "bySex", "logistic", "kaplanMeier", "logRank", "cox", "eventsPerVariable", "firth", "warnings", "skippedRows"], Keys(json));
        Assert.Equal(["events", "nonEvents", "predictors", "epv", "underpowered"], Keys(json.GetProperty("eventsPerVariable")));
        Assert.Equal(["profile", "terms", "lrChiSquare", "lrP"], Keys(json.GetProperty("firth")));
        var firth = json.GetProperty("firth").GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(["intercept", "asymmetry_pct", "female", "ext_n_per_kg", "asymmetry_pct:female"], firth.Select(t => t.GetProperty("name").GetString()));
        Assert.All(firth, t => Assert.Equal(["name", "estimate", "se", "lower", "upper", "p", "waldP"], Keys(t)));
        foreach (var sex in new[] { "F", "M" })
        {
            var table = json.GetProperty("bySex").GetProperty(sex);
            Assert.Equal(["a", "b", "c", "d", "riskRatio", "oddsRatio", "fisherP"], Keys(table));
            Assert.Equal(["estimate", "lower", "upper"], Keys(table.GetProperty("riskRatio")));
            Assert.Equal(["estimate", "lower", "upper"], Keys(table.GetProperty("oddsRatio")));
        }

        Assert.Equal(["F", "M"], Keys(json.GetProperty("bySex")));
        var logistic = json.GetProperty("logistic").GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(["intercept", "asymmetry_pct", "female", "ext_n_per_kg", "asymmetry_pct:female"], logistic.Select(t => t.GetProperty("name").GetString()));
        Assert.All(logistic, t => Assert.Equal(["name", "estimate", "se", "z", "p"], Keys(t)));
        Assert.Equal(["exposed", "unexposed"], Keys(json.GetProperty("kaplanMeier")));
        Assert.Equal(["s180"], Keys(json.GetProperty("kaplanMeier").GetProperty("exposed")));
        Assert.Equal(["chisq", "p"], Keys(json.GetProperty("logRank")));
        var cox = json.GetProperty("cox").GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(["asymmetry_pct", "female", "asymmetry_pct:female"], cox.Select(t => t.GetProperty("name").GetString()));
        Assert.All(cox, t => Assert.Equal(["name", "estimate", "se", "p"], Keys(t)));
    }

    [Fact]
    public void Exposure_is_asymmetry_at_or_above_the_threshold_by_the_product_definition()
    {
        // 200 vs 170: asymmetry = 100 x 30 / 200 = 15 % exactly, so exposed at 15 and not at 15.01.
        var csv = Csv("A1,F,60,200,170,,,,365,1,100", "A2,F,60,170,200,,,,365,0,365", "A3,F,60,200,190,,,,365,1,50", "A4,M,70,200,200,,,,365,0,365");
        var data = ReadCsv(csv).Data!;

        var at15 = CohortAnalysis.Run(data, 15);
        var above = CohortAnalysis.Run(data, 15.01);

        Assert.Equal((1, 1, 1, 0), (at15.Female.A, at15.Female.B, at15.Female.C, at15.Female.D));
        Assert.Equal((0, 0, 2, 1), (above.Female.A, above.Female.B, above.Female.C, above.Female.D));
        Assert.Equal((0, 0, 0, 1), (at15.Male.A, at15.Male.B, at15.Male.C, at15.Male.D));
        Assert.Equal(4, at15.N);
        Assert.Equal(2, at15.Events);
    }

    [Fact]
    public void Few_events_per_predictor_are_warned_about_with_Peduzzi()
    {
        var result = CohortAnalysis.Run(Read("cohort-60-zero-cell"), 15);

        Assert.Contains(result.Warnings, w => w.StartsWith("Logistic model: 1.5 events per predictor", StringComparison.Ordinal) && w.Contains("Peduzzi", StringComparison.Ordinal));
        Assert.Equal(1.5, result.LogisticEpv!.Value);
        Assert.Equal(6, result.LogisticEpv.Events);
        Assert.Equal(4, result.LogisticEpv.Predictors);
        Assert.True(result.LogisticEpv.Underpowered);
        Assert.Contains(result.Warnings, w => w.StartsWith("Cox model: 2 events per predictor", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.StartsWith("The 2x2 table for men has a zero cell", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cohort_without_events_reports_nulls_and_says_why()
    {
        var rows = Enumerable.Range(0, 40).Select(i => $"A{i},{(i % 2 == 0 ? 'F' : 'M')},{55 + i},{200 + (3 * i)},{190 + (i % 7 * 9)},,,,365,0,365").ToArray();

        var result = CohortAnalysis.Run(ReadCsv(Csv(rows)).Data!, 3);
        var json = JsonDocument.Parse(result.ToJson()).RootElement;

        Assert.Equal(0, result.Events);
        Assert.Equal("No athlete had an event: no ratio, model or test can be estimated.", result.Warnings[0]);
        Assert.All(json.GetProperty("logistic").GetProperty("terms").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("estimate").ValueKind));
        Assert.All(json.GetProperty("cox").GetProperty("terms").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("estimate").ValueKind));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("logRank").GetProperty("chisq").ValueKind);
        Assert.Equal(1, json.GetProperty("kaplanMeier").GetProperty("exposed").GetProperty("s180").GetDouble());
        Assert.Equal(1, json.GetProperty("bySex").GetProperty("F").GetProperty("fisherP").GetDouble());
    }

    [Fact]
    public void When_everyone_is_exposed_the_groups_cannot_be_compared_and_that_is_said()
    {
        var result = CohortAnalysis.Run(Read("cohort-400"), 0);

        Assert.Equal(0, result.Female.C + result.Female.D + result.Male.C + result.Male.D);
        Assert.True(double.IsNaN(result.LogRankChiSquare));
        Assert.True(double.IsNaN(result.UnexposedS180));
        Assert.Contains(result.Warnings, w => w.StartsWith("Every athlete is exposed at this threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void Separation_in_the_logistic_model_is_reported_and_no_coefficient_is_invented()
    {
        // Every event has asymmetry >= 20 %, every non-event <= 10 %: asymmetry separates the outcome completely.
        var rows = Enumerable.Range(0, 40).Select(i =>
        {
            var hadEvent = i % 4 == 0;
            var weaker = hadEvent ? 150 - i : 185 + (i % 5);
            return $"A{i},{(i % 2 == 0 ? 'F' : 'M')},{60 + (i % 9)},200,{weaker},,,,365,{(hadEvent ? 1 : 0)},{(hadEvent ? 30 + i : 365)}";
        }).ToArray();

        var result = CohortAnalysis.Run(ReadCsv(Csv(rows)).Data!, 15);

        Assert.Contains(result.Warnings, w => w.StartsWith("Logistic model: the outcome is separated", StringComparison.Ordinal));
        Assert.All(result.Logistic, t => Assert.True(double.IsNaN(t.Estimate) && double.IsNaN(t.P)));
        // The Firth model beside it stays finite: that is why it is offered.
        Assert.NotNull(result.Firth);
        Assert.True(result.Firth.Profile);
        Assert.All(result.Firth.Terms, t => Assert.True(double.IsFinite(t.Estimate) && double.IsFinite(t.Lower) && double.IsFinite(t.Upper), t.Name));
    }

    [Fact]
    public void The_threshold_must_be_an_asymmetry_percentage()
    {
        var data = Read("cohort-60-zero-cell");

        Assert.Throws<ArgumentOutOfRangeException>(() => CohortAnalysis.Run(data, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortAnalysis.Run(data, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortAnalysis.Run(data, double.NaN));
    }

    [Fact]
    public void The_text_report_carries_the_same_numbers()
    {
        var result = CohortAnalysis.Run(Read("cohort-400"), 15);

        var text = result.ToText();

        Assert.Contains("Cohort: 400 athletes", text, StringComparison.Ordinal);
        Assert.Contains($"exposed:   {result.Female.A} with event, {result.Female.B} without", text, StringComparison.Ordinal);
        Assert.Contains(result.Logistic[1].Estimate.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(result.Cox[2].P.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_cohort_with_enough_events_is_not_refitted_by_Firth_but_a_large_one_with_few_events_is()
    {
        // 50,400 athletes: the 400-athlete fixture 126 times. Enough events per predictor: no Firth (null).
        var rows = File.ReadAllLines(PathOf("cohort-400.csv")).Skip(1).ToArray();
        var many = Csv([.. Enumerable.Range(0, 126).SelectMany(copy => rows.Select(r => $"C{copy}-{r}"))]);
        var large = CohortAnalysis.Run(ReadCsv(many).Data!, 15);
        Assert.True(large.N > CohortAnalysis.FirthProfileMaxRows);
        Assert.False(large.LogisticEpv!.Underpowered);
        Assert.Null(large.Firth);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(large.ToJson()).RootElement.GetProperty("firth").ValueKind);

        // The same athletes with only 12 events (fewer than 10 per predictor): Firth is fitted, Wald p only.
        var seen = 0;
        var fewEvents = Csv([.. Enumerable.Range(0, 126).SelectMany(copy => rows.Select(r =>
        {
            var f = r.Split(',');
            if (f[9] == "1" && seen++ >= 12)
            {
                f[9] = "0";
                f[10] = f[8];
            }

            return $"C{copy}-" + string.Join(',', f);
        }))]);
        var rare = CohortAnalysis.Run(ReadCsv(fewEvents).Data!, 15);
        Assert.Equal(12, rare.Events);
        Assert.True(rare.LogisticEpv!.Underpowered);
        Assert.NotNull(rare.Firth);
        Assert.False(rare.Firth!.Profile);
        Assert.Equal(5, rare.Firth.Terms.Count);
    }

    private static List<string> Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];
}
