using System.Net;
using System.Text.Json;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Risk;

/// <summary>
/// /api/organisation/thresholds: a coach overrides a rule's threshold for their organisation; the reports of their
/// team's athletes use it, nobody else's do.
/// </summary>
public class OrganisationThresholdTests : ApiTest
{
    private const string Rule = "lbp-hip-extension-asymmetry-female"; // catalogue: >= 15 %
    private const string Url = "/api/organisation/thresholds";

    private async Task<(HttpClient Coach, string ScreeningId)> CoachWithFlaggedWoman(string email)
    {
        var coach = await App.RegisterAndLogin(email, role: "coach");
        var team = await coach.CreateTeam("Harriers");
        var (_, screeningId) = await coach.AthleteWithScreening(
            Bodies.Athlete(name: "Flo").InTeam(team.Id()), "2025-03-01", RiskReports.HipExtension18()); // 18 %
        return (coach, screeningId);
    }

    private static JsonElement Threshold(JsonElement list, string ruleId) =>
        list.Items().Single(t => t.GetProperty("ruleId").GetString() == ruleId);

    [Fact]
    public async Task Coach_lists_every_catalogue_rule_with_the_catalogue_threshold_and_no_override()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        var list = await coach.GetOk(Url);

        var items = list.Items();
        Assert.Equal(ShippedCatalogue.Rules.Select(r => r.GetProperty("id").GetString()), items.Select(t => t.GetProperty("ruleId").GetString()));
        foreach (var rule in ShippedCatalogue.Rules)
        {
            var item = Threshold(list, rule.GetProperty("id").GetString()!);
            var threshold = rule.GetProperty("threshold").GetDouble(); // 15, 176, 15, 15, 33, 15
            JsonAssert.Number(threshold, item, "catalogueThreshold");
            JsonAssert.Number(threshold, item, "threshold");
            Assert.False(item.GetProperty("overridden").GetBoolean());
            JsonAssert.Text(rule.GetProperty("comparator").GetString()!, item, "comparator");
            Assert.Equal(rule.GetProperty("thresholdIsConvention").GetBoolean(), item.GetProperty("thresholdIsConvention").GetBoolean());
        }
    }

    [Fact]
    public async Task Override_to_20_clears_the_coachs_18_percent_athlete_and_leaves_other_coaches_alone()
    {
        var (coach, screening) = await CoachWithFlaggedWoman("coach@example.org");
        var (other, otherScreening) = await CoachWithFlaggedWoman("other.coach@example.org");
        var runner = await App.RegisterAndLogin("ann@example.org");
        var (_, runnerScreening) = await runner.AthleteWithScreening(Bodies.Athlete(name: "Ann"), "2025-03-01", RiskReports.HipExtension18());
        Assert.Equal("flagged", (await coach.Report(screening)).Rule(Rule).Status());

        using (var put = await coach.PutJson($"{Url}/{Rule}", new { threshold = 20 }))
        {
            await put.AssertStatus(HttpStatusCode.OK);
            var saved = await put.Body();
            JsonAssert.Text(Rule, saved, "ruleId");
            JsonAssert.Number(20, saved, "threshold");
            JsonAssert.Number(15, saved, "catalogueThreshold");
            Assert.True(saved.GetProperty("overridden").GetBoolean());
        }

        var listed = Threshold(await coach.GetOk(Url), Rule);
        JsonAssert.Number(20, listed, "threshold");
        Assert.True(listed.GetProperty("overridden").GetBoolean());

        // The coach's athlete: 18 % is below the organisation's 20 %.
        var report = await coach.Report(screening);
        var rule = report.Rule(Rule);
        JsonAssert.Text("clear", rule, "status");
        JsonAssert.Number(18, rule, "observed");
        JsonAssert.Number(20, rule, "threshold");
        JsonAssert.Number(15, rule, "catalogueThreshold");
        Assert.True(rule.GetProperty("thresholdOverridden").GetBoolean());
        JsonAssert.Number(0, report, "flagCount");
        var from = report.GetProperty("thresholdsFrom").GetString();
        Assert.False(string.IsNullOrWhiteSpace(from), "thresholdsFrom should name the organisation whose thresholds were used");
        Assert.Contains("coach@example.org", from, StringComparison.Ordinal); // the organisation is named after its owner

        // Another coach's athlete and a runner's own profile keep the catalogue's 15 %.
        foreach (var (client, id) in new[] { (other, otherScreening), (runner, runnerScreening) })
        {
            var untouched = await client.Report(id);
            var r = untouched.Rule(Rule);
            JsonAssert.Text("flagged", r, "status");
            JsonAssert.Number(15, r, "threshold");
            Assert.False(r.GetProperty("thresholdOverridden").GetBoolean());
            JsonAssert.Null(untouched, "thresholdsFrom");
        }

        var otherList = Threshold(await other.GetOk(Url), Rule);
        JsonAssert.Number(15, otherList, "threshold");
        Assert.False(otherList.GetProperty("overridden").GetBoolean());
    }

    [Fact]
    public async Task Lower_override_flags_what_the_catalogue_would_clear()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var team = await coach.CreateTeam("Harriers");
        var (_, screening) = await coach.AthleteWithScreening(Bodies.Athlete(name: "Flo").InTeam(team.Id()), "2025-03-01", RiskReports.HipExtension10());
        Assert.Equal("clear", (await coach.Report(screening)).Rule(Rule).Status()); // 10 % < 15 %

        using (var put = await coach.PutJson($"{Url}/{Rule}", new { threshold = 10 }))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var rule = (await coach.Report(screening)).Rule(Rule);
        JsonAssert.Text("flagged", rule, "status"); // 10 % >= 10 %
        JsonAssert.Number(10, rule, "threshold");
    }

    [Fact]
    public async Task Null_threshold_restores_the_catalogues()
    {
        var (coach, screening) = await CoachWithFlaggedWoman("coach@example.org");
        using (var put = await coach.PutJson($"{Url}/{Rule}", new { threshold = 20 }))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        using (var restore = await coach.PutJson($"{Url}/{Rule}", new { threshold = (double?)null }))
        {
            await restore.AssertStatus(HttpStatusCode.OK);
            var saved = await restore.Body();
            JsonAssert.Number(15, saved, "threshold");
            Assert.False(saved.GetProperty("overridden").GetBoolean());
        }

        var listed = Threshold(await coach.GetOk(Url), Rule);
        JsonAssert.Number(15, listed, "threshold");
        Assert.False(listed.GetProperty("overridden").GetBoolean());
        var rule = (await coach.Report(screening)).Rule(Rule);
        JsonAssert.Text("flagged", rule, "status");
        JsonAssert.Number(15, rule, "threshold");
        Assert.False(rule.GetProperty("thresholdOverridden").GetBoolean());
    }

    [Theory]
    [InlineData(Rule, 150)] // an asymmetry is below 100 %
    [InlineData(Rule, 100)]
    [InlineData(Rule, -1)]
    [InlineData("lbp-back-extension-endurance-male", 601)] // a hold threshold is 0-600 s
    [InlineData("pfp-hip-abduction-low-percentile", 101)] // a percentile is 0-100
    public async Task Out_of_range_threshold_is_400_with_errors_threshold_and_nothing_is_saved(string ruleId, double value)
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await coach.PutJson($"{Url}/{ruleId}", new { threshold = value });

        await response.AssertFieldErrors("threshold");
        var listed = Threshold(await coach.GetOk(Url), ruleId);
        Assert.False(listed.GetProperty("overridden").GetBoolean());
        JsonAssert.Number(ShippedCatalogue.Rule(ruleId).GetProperty("threshold").GetDouble(), listed, "threshold");
    }

    [Fact]
    public async Task Unknown_rule_is_404()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await coach.PutJson($"{Url}/no-such-rule", new { threshold = 20 });

        await response.AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Runner_gets_403_and_anonymous_gets_401()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var anonymous = App.Anonymous();

        using (var get = await runner.Get(Url))
        {
            await get.AssertStatus(HttpStatusCode.Forbidden);
        }

        using (var put = await runner.PutJson($"{Url}/{Rule}", new { threshold = 20 }))
        {
            await put.AssertStatus(HttpStatusCode.Forbidden);
        }

        using (var get = await anonymous.Get(Url))
        {
            await get.AssertStatus(HttpStatusCode.Unauthorized);
        }

        using (var put = await anonymous.PutJson($"{Url}/{Rule}", new { threshold = 20 }))
        {
            await put.AssertStatus(HttpStatusCode.Unauthorized);
        }
    }

    [Theory]
    [InlineData("{ \"threshold\": \"twenty\" }")]
    [InlineData("{ \"threshold\": 20 ")]
    [InlineData("[20]")]
    public async Task Malformed_body_is_a_400_problem_and_nothing_is_saved(string json)
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await coach.PutRaw($"{Url}/{Rule}", json);

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.False(Threshold(await coach.GetOk(Url), Rule).GetProperty("overridden").GetBoolean());
    }

    [Fact]
    public async Task Override_set_before_the_first_team_applies_to_the_athletes_added_later()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        using (var put = await coach.PutJson($"{Url}/{Rule}", new { threshold = 20 }))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        // No team named: the athlete goes into the coach's first team, created on the spot ("My team").
        var (_, screening) = await coach.AthleteWithScreening(Bodies.Athlete(name: "Flo"), "2025-03-01", RiskReports.HipExtension18());

        var report = await coach.Report(screening);
        var rule = report.Rule(Rule);
        JsonAssert.Text("clear", rule, "status"); // 18 % < the organisation's 20 %
        JsonAssert.Number(20, rule, "threshold");
        Assert.True(rule.GetProperty("thresholdOverridden").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(report.GetProperty("thresholdsFrom").GetString()));
    }

    [Fact]
    public async Task Researcher_may_set_thresholds_too()
    {
        var researcher = await App.RegisterAndLogin("researcher@example.org", role: "researcher");

        using var put = await researcher.PutJson($"{Url}/{Rule}", new { threshold = 12.5 });

        await put.AssertStatus(HttpStatusCode.OK);
        JsonAssert.Number(12.5, Threshold(await researcher.GetOk(Url), Rule), "threshold");
    }
}
