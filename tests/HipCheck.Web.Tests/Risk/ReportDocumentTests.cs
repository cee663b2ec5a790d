using System.Net;
using System.Text.Json;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Risk;

/// <summary>
/// GET /api/screenings/{id}/report: every rule of the shipped catalogue (src/HipCheck.Core/Risk/evidence-catalogue.json)
/// applied to a stored screening. Expected values are worked out by hand from that file.
/// </summary>
public class ReportDocumentTests : ApiTest
{
    private const string HipExtensionRule = "lbp-hip-extension-asymmetry-female"; // women, asymmetry-percent:hip-extension >= 15
    private const string BackExtensionRule = "lbp-back-extension-endurance-male"; // men aged 30-60, hold-seconds < 176

    private async Task<(HttpClient Runner, string AthleteId, string ScreeningId)> Runner(
        string sex, string date, params System.Text.Json.Nodes.JsonObject[] tests)
    {
        var runner = await App.RegisterAndLogin($"{sex}.runner@example.org");
        var (athleteId, screeningId) = await runner.AthleteWithScreening(
            Bodies.Athlete(name: sex == "female" ? "Ada Runner" : "Abe Runner", sex: sex, birthDate: "1990-04-15", bodyMassKg: 60), date, tests);
        return (runner, athleteId, screeningId);
    }

    [Fact]
    public async Task Report_document_has_the_screening_athlete_catalogue_version_disclaimer_and_every_rule()
    {
        var (runner, athleteId, screeningId) = await Runner("female", "2025-03-01", RiskReports.HipExtension18());

        var report = await runner.Report(screeningId);

        JsonAssert.Text(screeningId, report, "screeningId");
        JsonAssert.Text(athleteId, report, "athleteId");
        JsonAssert.Text("Ada Runner", report, "athleteName");
        JsonAssert.Text("2025-03-01", report, "date");
        JsonAssert.Text("female", report, "sex");
        JsonAssert.Number(34, report, "ageYears"); // born 1990-04-15, screened 2025-03-01: 35th birthday not yet reached
        JsonAssert.Text(ShippedCatalogue.Version, report, "catalogueVersion");
        JsonAssert.Null(report, "thresholdsFrom"); // a runner's own profile: the catalogue's thresholds
        var disclaimer = report.GetProperty("disclaimer").GetString()!;
        Assert.Contains("flags inform; they do not diagnose", disclaimer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("see a doctor or physiotherapist", disclaimer, StringComparison.Ordinal);

        // Every rule of the catalogue, in catalogue order, each with one of the four statuses.
        var rules = report.GetProperty("rules").Items();
        Assert.Equal(
            ShippedCatalogue.Rules.Select(r => r.GetProperty("id").GetString()),
            rules.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.All(rules, r => Assert.Contains(r.Status(), new[] { "flagged", "clear", "not-assessed", "not-applicable" }));

        // Only hip extension was tested: its women's rule flags; the men's back rule does not apply to her;
        // every other rule needs a test she did not do, so it is not assessed (never "clear").
        Assert.Equal("flagged", report.Rule(HipExtensionRule).Status());
        Assert.Equal("not-applicable", report.Rule(BackExtensionRule).Status());
        foreach (var id in new[] { "pfp-hip-abduction-asymmetry-female", "pfp-hip-external-rotation-asymmetry-female", "pfp-hip-abduction-low-percentile", "itbs-hip-abduction-asymmetry" })
        {
            Assert.Equal("not-assessed", report.Rule(id).Status());
        }

        JsonAssert.Number(1, report, "flagCount"); // one rule flagged

        var results = report.GetProperty("results").Items();
        var hip = Assert.Single(results);
        JsonAssert.Text("hip-extension", hip, "test");
        JsonAssert.Number(18, hip, "asymmetryPercent");
        var norms = report.GetProperty("norms").Items();
        JsonAssert.Text("hip-extension", Assert.Single(norms), "test");
    }

    [Fact]
    public async Task Woman_with_18_percent_hip_extension_asymmetry_is_flagged_with_the_cited_evidence()
    {
        var (runner, _, screeningId) = await Runner("female", "2025-03-01", RiskReports.HipExtension18());

        var rule = (await runner.Report(screeningId)).Rule(HipExtensionRule);
        var catalogueRule = ShippedCatalogue.Rule(HipExtensionRule);

        JsonAssert.Text("flagged", rule, "status");
        JsonAssert.Text("low-back-pain", rule, "outcome");
        JsonAssert.Text("asymmetry-percent:hip-extension", rule, "metric");
        JsonAssert.Text(">=", rule, "comparator");
        var observed = rule.GetProperty("observed").GetDouble();
        Assert.True(Math.Abs(observed - 18) <= 1e-9, $"observed {observed}, expected 18"); // 100 x (250 - 205) / 250
        JsonAssert.Number(15, rule, "threshold"); // the catalogue's
        JsonAssert.Number(15, rule, "catalogueThreshold");
        Assert.False(rule.GetProperty("thresholdOverridden").GetBoolean());
        Assert.True(rule.GetProperty("thresholdIsConvention").GetBoolean());
        JsonAssert.Text("women", rule, "population");
        JsonAssert.Text(catalogueRule.GetProperty("explanation").GetString()!, rule, "explanation");
        JsonAssert.Text(catalogueRule.GetProperty("advice").GetString()!, rule, "advice");
        Assert.Contains("18", rule.GetProperty("reason").GetString()!, StringComparison.Ordinal);

        // Grade by the rubric: the only prospective supporting study is nadler-2001 with 5 events in women (< 10),
        // nadler-2000 is cross-sectional, nadler-2002 is context, no prospective null study: C (small).
        JsonAssert.Text("C", rule, "grade");
        Assert.StartsWith("C", rule.GetProperty("gradeReason").GetString()!, StringComparison.Ordinal);

        var evidence = rule.GetProperty("evidence").Items();
        Assert.Equal(["nadler-2001", "nadler-2000", "nadler-2002"], evidence.Select(e => e.GetProperty("studyId").GetString()));
        var nadler2001 = evidence[0];
        JsonAssert.Text("supports", nadler2001, "role");
        JsonAssert.Text(ShippedCatalogue.Study("nadler-2001").GetProperty("citation").GetString()!, nadler2001, "citation"); // Am J Phys Med Rehabil 2001;80(8):572-577
        JsonAssert.Text(ShippedCatalogue.Study("nadler-2001").GetProperty("title").GetString()!, nadler2001, "title");
        JsonAssert.Text(ShippedCatalogue.Study("nadler-2001").GetProperty("authors").GetString()!, nadler2001, "authors");
        JsonAssert.Number(2001, nadler2001, "year");
        JsonAssert.Text("prospective", nadler2001, "design");
        JsonAssert.Number(163, nadler2001, "sampleSize");
        JsonAssert.Number(5, nadler2001, "events"); // eventsInPopulation: 5 of the 13 were women
        JsonAssert.Text("10.1097/00002060-200108000-00005", nadler2001, "doi");
        JsonAssert.Text("supports", evidence[1], "role");
        JsonAssert.Text("context", evidence[2], "role");
    }

    [Fact]
    public async Task Man_with_the_same_asymmetry_is_never_flagged_by_the_womens_rule()
    {
        var (runner, _, screeningId) = await Runner("male", "2025-03-01", RiskReports.HipExtension18());

        var report = await runner.Report(screeningId);
        var rule = report.Rule(HipExtensionRule);

        JsonAssert.Text("not-applicable", rule, "status");
        JsonAssert.Null(rule, "observed");
        JsonAssert.Number(0, report, "flagCount");
        Assert.DoesNotContain(report.GetProperty("rules").Items(), r => r.Status() == "flagged");
    }

    [Fact]
    public async Task Woman_with_10_percent_asymmetry_is_clear()
    {
        var (runner, _, screeningId) = await Runner("female", "2025-03-01", RiskReports.HipExtension10());

        var report = await runner.Report(screeningId);
        var rule = report.Rule(HipExtensionRule);

        JsonAssert.Text("clear", rule, "status");
        JsonAssert.Number(10, rule, "observed"); // 100 x (200 - 180) / 200
        JsonAssert.Number(15, rule, "threshold");
        JsonAssert.Number(0, report, "flagCount");
    }

    [Fact]
    public async Task Woman_at_exactly_15_percent_is_flagged_because_the_rule_is_at_or_above()
    {
        // left 170, right 200: 100 x (200 - 170) / 200 = 3000 / 200 = 15 exactly; comparator ">=".
        var (runner, _, screeningId) = await Runner("female", "2025-03-01", Bodies.HipExtension([170, 170, 170], [200, 200, 200]));

        var rule = (await runner.Report(screeningId)).Rule(HipExtensionRule);

        JsonAssert.Text("flagged", rule, "status");
        JsonAssert.Number(15, rule, "observed");
    }

    [Fact]
    public async Task Screening_without_hip_extension_leaves_the_rule_not_assessed_never_clear()
    {
        var (runner, _, screeningId) = await Runner("female", "2025-03-01", Bodies.BackExtension(120));

        var report = await runner.Report(screeningId);
        var rule = report.Rule(HipExtensionRule);

        JsonAssert.Text("not-assessed", rule, "status");
        JsonAssert.Null(rule, "observed");
        Assert.StartsWith("Not assessed", rule.GetProperty("reason").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain(report.GetProperty("rules").Items(), r => r.Status() == "clear");
    }

    /// <summary>The back-extension rule: men aged 30-60 (inclusive), flagged when the hold is below 176 s.</summary>
    [Theory]
    [InlineData("male", "1985-01-01", 175, "flagged")] // 40 years on 2025-03-01; 175 < 176
    [InlineData("male", "1985-01-01", 175.9, "flagged")] // just under
    [InlineData("male", "1985-01-01", 176, "clear")] // 176 is not < 176
    [InlineData("male", "1985-01-01", 240, "clear")]
    [InlineData("male", "1995-03-02", 100, "not-applicable")] // 29 (30th birthday the day after): outside the ages studied
    [InlineData("male", "1995-03-01", 100, "flagged")] // 30 on the day: inside
    [InlineData("male", "1965-03-01", 100, "flagged")] // 60 on the day: inside
    [InlineData("male", "1964-03-01", 100, "not-applicable")] // 61
    [InlineData("female", "1985-01-01", 100, "not-applicable")] // the link was reported in men only
    public async Task Back_extension_rule_applies_to_men_aged_30_to_60_below_176_seconds(string sex, string birthDate, double seconds, string expected)
    {
        var catalogueRule = ShippedCatalogue.Rule(BackExtensionRule);
        Assert.Equal("<", catalogueRule.GetProperty("comparator").GetString());
        Assert.Equal(176, catalogueRule.GetProperty("threshold").GetDouble());
        Assert.Equal(30, catalogueRule.GetProperty("ageMin").GetInt32());
        Assert.Equal(60, catalogueRule.GetProperty("ageMax").GetInt32());

        var runner = await App.RegisterAndLogin("runner@example.org");
        var (_, screeningId) = await runner.AthleteWithScreening(
            Bodies.Athlete(sex: sex, birthDate: birthDate), "2025-03-01", Bodies.BackExtension(seconds));

        var report = await runner.Report(screeningId);
        var rule = report.Rule(BackExtensionRule);

        JsonAssert.Text(expected, rule, "status");
        JsonAssert.Text("hold-seconds:back-extension-endurance", rule, "metric");
        JsonAssert.Text("<", rule, "comparator");
        JsonAssert.Number(176, rule, "threshold");
        JsonAssert.Text("men aged 30-60", rule, "population");
        if (expected is "flagged" or "clear")
        {
            JsonAssert.Number(seconds, rule, "observed");
        }
        else
        {
            JsonAssert.Null(rule, "observed");
        }

        JsonAssert.Number(expected == "flagged" ? 1 : 0, report, "flagCount");
        // Evidence: biering-sorensen-1984 (prospective, events not reported) supports; kankaanpaa-1998 is context: grade C.
        JsonAssert.Text("C", rule, "grade");
        var evidence = rule.GetProperty("evidence").Items();
        Assert.Equal(["biering-sorensen-1984", "kankaanpaa-1998"], evidence.Select(e => e.GetProperty("studyId").GetString()));
        JsonAssert.Null(evidence[0], "events");
        JsonAssert.Number(928, evidence[0], "sampleSize");
    }

    [Fact]
    public async Task Test_without_a_norm_says_norm_null()
    {
        // Norms in the catalogue: eccentric abduction (Ramskov 2014) and isometric % body weight for women 20-29
        // (Alvarenga 2019). Nothing for back-extension holds, nothing for a 34-year-old woman's hip extension.
        var (runner, _, screeningId) = await Runner("female", "2025-03-01", RiskReports.HipExtension18(), Bodies.BackExtension(120));

        var norms = (await runner.Report(screeningId)).GetProperty("norms").Items();

        Assert.Equal(2, norms.Length);
        foreach (var test in new[] { "hip-extension", "back-extension-endurance" })
        {
            var norm = norms.Single(n => n.GetProperty("test").GetString() == test);
            JsonAssert.Null(norm, "norm");
            Assert.Empty(norm.GetProperty("sides").Items());
        }
    }

    [Fact]
    public async Task Woman_aged_20_to_29_is_compared_with_the_alvarenga_norm_in_percent_body_weight_without_a_percentile()
    {
        var runner = await App.RegisterAndLogin("young@example.org");
        var (_, screeningId) = await runner.AthleteWithScreening(
            Bodies.Athlete(birthDate: "2000-01-01", bodyMassKg: 60), "2025-03-01", RiskReports.HipExtension18()); // 25 on the day

        var norms = (await runner.Report(screeningId)).GetProperty("norms").Items();
        var hip = norms.Single(n => n.GetProperty("test").GetString() == "hip-extension");
        var norm = hip.GetProperty("norm");

        JsonAssert.Text("alvarenga-2019-iso-extension-female-20-29", norm, "id");
        JsonAssert.Text("%BW", norm, "unit");
        JsonAssert.Text("isometric", norm, "contraction");
        JsonAssert.Number(27.04, norm, "mean");
        JsonAssert.Null(norm, "sd");
        JsonAssert.Number(52, norm, "n");
        var sides = hip.GetProperty("sides").Items();
        Assert.Equal(["left", "right"], sides.Select(s => s.GetProperty("side").GetString()));
        JsonAssert.Number(34.84030394341255, sides[0], "value"); // 205 N / 60 kg / 9.80665 x 100
        JsonAssert.Number(42.488175540747015, sides[1], "value"); // 250 N / 60 kg / 9.80665 x 100
        JsonAssert.Null(sides[0], "percentile"); // the norm has no SD
        JsonAssert.Null(sides[1], "percentile");
    }

    [Fact]
    public async Task Report_is_404_for_another_runner_and_another_coach_and_401_without_a_token()
    {
        var (_, _, screeningId) = await Runner("female", "2025-03-01", RiskReports.HipExtension18());
        var ben = await App.RegisterAndLogin("ben@example.org");
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        await coach.CreateAthlete(Bodies.Athlete(name: "Cy"));
        var url = $"/api/screenings/{screeningId}/report";

        foreach (var stranger in new[] { ben, coach })
        {
            using var response = await stranger.Get(url);
            await response.AssertStatus(HttpStatusCode.NotFound);
            Assert.DoesNotContain("Ada Runner", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using var anonymous = await App.Anonymous().Get(url);
        await anonymous.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Coach_sees_the_report_of_an_athlete_in_their_team_and_the_other_coach_does_not()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var team = await coach.CreateTeam("Harriers");
        var (_, screeningId) = await coach.AthleteWithScreening(Bodies.Athlete(name: "Flo").InTeam(team.Id()), "2025-03-01", RiskReports.HipExtension18());
        var other = await App.RegisterAndLogin("other.coach@example.org", role: "coach");

        Assert.Equal("flagged", (await coach.Report(screeningId)).Rule(HipExtensionRule).Status());
        using var response = await other.Get($"/api/screenings/{screeningId}/report");
        await response.AssertStatus(HttpStatusCode.NotFound);
    }
}
