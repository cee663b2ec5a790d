using System.Net;
using System.Text.Json;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Teams;

/// <summary>
/// /api/teams and the team view: every athlete's latest screening with asymmetries and flags, filters, order,
/// and the rule that a coach sees only their own teams.
/// </summary>
public class TeamOverviewTests : ApiTest
{
    private const string HipRule = "lbp-hip-extension-asymmetry-female";

    /// <summary>
    /// A team of four: Ada (female; screened 2025-03-01 at 18 % and earlier, 2025-01-10, at 10 %), Bea (female, 5 %),
    /// Cy (male, 12 %) and Di (female, never screened).
    /// </summary>
    private async Task<(HttpClient Coach, string TeamId, Dictionary<string, string> Ids)> TeamOfFour()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var teamId = (await coach.CreateTeam("Harriers")).Id();
        var ids = new Dictionary<string, string>();

        // Ada: the newer screening is entered first, the older one afterwards, so "latest" must mean the date.
        var ada = (await coach.CreateAthlete(Bodies.Athlete(name: "Ada", sex: "female").InTeam(teamId))).Id();
        ids["Ada"] = ada;
        ids["Ada-latest"] = (await coach.CreateScreening(ada, Bodies.Screening("2025-03-01", RiskReports.HipExtension18()))).Id();
        await coach.CreateScreening(ada, Bodies.Screening("2025-01-10", RiskReports.HipExtension10()));

        // Bea: left 190, right 200: 100 x 10 / 200 = 5 %, weaker left.
        ids["Bea"] = (await coach.AthleteWithScreening(Bodies.Athlete(name: "Bea", sex: "female").InTeam(teamId), "2025-02-01",
            Bodies.HipExtension([190, 190], [200, 200]))).AthleteId;
        // Cy: left 250, right 220: 100 x 30 / 250 = 12 %, weaker right; a man, so no women's flag.
        ids["Cy"] = (await coach.AthleteWithScreening(Bodies.Athlete(name: "Cy", sex: "male").InTeam(teamId), "2025-02-15",
            Bodies.HipExtension([250, 250], [220, 220]))).AthleteId;
        ids["Di"] = (await coach.CreateAthlete(Bodies.Athlete(name: "Di", sex: "female").InTeam(teamId))).Id();
        return (coach, teamId, ids);
    }

    private static string[] Names(JsonElement overview) =>
        [.. overview.GetProperty("athletes").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];

    private static JsonElement Row(JsonElement overview, string name) =>
        overview.GetProperty("athletes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Coach_creates_a_team_and_lists_only_their_own_teams()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var other = await App.RegisterAndLogin("other.coach@example.org", role: "coach");

        using var created = await coach.PostJson("/api/teams", new { name = "  Tortoises " });
        await created.AssertStatus(HttpStatusCode.Created);
        var team = await created.Body();
        JsonAssert.Text("Tortoises", team, "name"); // trimmed
        JsonAssert.Number(0, team, "athleteCount");
        Assert.Equal($"/api/teams/{team.Id()}", created.Headers.Location?.OriginalString);
        await coach.CreateTeam("Hares");
        await other.CreateTeam("Other club");
        await coach.CreateAthlete(Bodies.Athlete(name: "Ada").InTeam(team.Id()));

        var mine = (await coach.GetOk("/api/teams")).Items();
        Assert.Equal(["Hares", "Tortoises"], mine.Select(t => t.GetProperty("name").GetString())); // by name
        JsonAssert.Number(1, mine[1], "athleteCount");
        var theirs = (await other.GetOk("/api/teams")).Items();
        Assert.Equal(["Other club"], theirs.Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Team_without_a_name_is_400_with_errors_name()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await coach.PostJson("/api/teams", new { name = "   " });

        await response.AssertFieldErrors("name");
        Assert.Empty((await coach.GetOk("/api/teams")).Items());
    }

    [Fact]
    public async Task Overview_has_one_row_per_athlete_with_the_latest_screening_asymmetries_and_flags()
    {
        var (coach, teamId, ids) = await TeamOfFour();

        var overview = await coach.GetOk($"/api/teams/{teamId}/overview");

        JsonAssert.Text(teamId, overview, "teamId");
        JsonAssert.Text("Harriers", overview, "teamName");
        JsonAssert.Text(ShippedCatalogue.Version, overview, "catalogueVersion");
        Assert.Equal(["Ada", "Bea", "Cy", "Di"], Names(overview)); // by name by default

        var ada = Row(overview, "Ada");
        JsonAssert.Text(ids["Ada"], ada, "athleteId");
        JsonAssert.Text("female", ada, "sex");
        JsonAssert.Text(ids["Ada-latest"], ada, "screeningId");
        JsonAssert.Text("2025-03-01", ada, "screeningDate"); // not the older 2025-01-10 entered later
        var adaHip = ada.GetProperty("tests").GetProperty("hip-extension");
        JsonAssert.Number(18, adaHip, "asymmetryPercent"); // 100 x (250 - 205) / 250, not the older 10 %
        JsonAssert.Text("left", adaHip, "weakerSide");
        JsonAssert.Null(adaHip, "weakerSidePercentile"); // 34 years old: no matching norm
        Assert.Equal([HipRule], ada.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()));

        var bea = Row(overview, "Bea");
        JsonAssert.Number(5, bea.GetProperty("tests").GetProperty("hip-extension"), "asymmetryPercent");
        Assert.Empty(bea.GetProperty("flags").EnumerateArray());

        var cy = Row(overview, "Cy");
        JsonAssert.Text("male", cy, "sex");
        var cyHip = cy.GetProperty("tests").GetProperty("hip-extension");
        JsonAssert.Number(12, cyHip, "asymmetryPercent");
        JsonAssert.Text("right", cyHip, "weakerSide");
        Assert.Empty(cy.GetProperty("flags").EnumerateArray());

        var di = Row(overview, "Di");
        JsonAssert.Null(di, "screeningId");
        JsonAssert.Null(di, "screeningDate");
        Assert.Empty(di.GetProperty("tests").EnumerateObject());
        Assert.Empty(di.GetProperty("flags").EnumerateArray());

        var threshold = overview.GetProperty("thresholds").Items().Single(t => t.GetProperty("ruleId").GetString() == HipRule);
        JsonAssert.Number(15, threshold, "threshold");
        Assert.False(threshold.GetProperty("overridden").GetBoolean());
    }

    [Theory]
    [InlineData("sex=female", new[] { "Ada", "Bea", "Di" })]
    [InlineData("sex=male", new[] { "Cy" })]
    [InlineData("flag=any", new[] { "Ada" })]
    [InlineData("flag=none", new[] { "Bea", "Cy", "Di" })]
    [InlineData("flag=" + HipRule, new[] { "Ada" })]
    [InlineData("flag=itbs-hip-abduction-asymmetry", new string[0])]
    [InlineData("sex=male&flag=any", new string[0])]
    [InlineData("sex=female&flag=none", new[] { "Bea", "Di" })]
    public async Task Overview_filters_by_sex_and_flag(string query, string[] expected)
    {
        var (coach, teamId, _) = await TeamOfFour();

        var overview = await coach.GetOk($"/api/teams/{teamId}/overview?{query}");

        Assert.Equal(expected, Names(overview));
    }

    [Theory]
    [InlineData("sort=hip-extension&dir=desc", new[] { "Ada", "Cy", "Bea", "Di" })] // 18, 12, 5, untested last
    [InlineData("sort=hip-extension&dir=asc", new[] { "Bea", "Cy", "Ada", "Di" })] // 5, 12, 18, untested still last
    [InlineData("sort=hip-extension", new[] { "Bea", "Cy", "Ada", "Di" })]
    [InlineData("sort=date&dir=desc", new[] { "Ada", "Cy", "Bea", "Di" })] // 2025-03-01, 02-15, 02-01, never
    [InlineData("sort=name&dir=desc", new[] { "Di", "Cy", "Bea", "Ada" })]
    [InlineData("sort=flags&dir=desc", new[] { "Ada", "Bea", "Cy", "Di" })] // 1 flag, then 0 by name, unscreened last
    public async Task Overview_sorts_with_untested_athletes_last(string query, string[] expected)
    {
        var (coach, teamId, _) = await TeamOfFour();

        var overview = await coach.GetOk($"/api/teams/{teamId}/overview?{query}");

        Assert.Equal(expected, Names(overview));
    }

    [Fact]
    public async Task Override_of_the_organisation_shows_in_the_overview_flags_and_thresholds()
    {
        var (coach, teamId, _) = await TeamOfFour();
        using (var put = await coach.PutJson($"/api/organisation/thresholds/{HipRule}", new { threshold = 5 }))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var overview = await coach.GetOk($"/api/teams/{teamId}/overview?flag={HipRule}");

        Assert.Equal(["Ada", "Bea"], Names(overview)); // 18 % and 5 % are both >= 5 %; Cy is a man
        var threshold = overview.GetProperty("thresholds").Items().Single(t => t.GetProperty("ruleId").GetString() == HipRule);
        JsonAssert.Number(5, threshold, "threshold");
        Assert.True(threshold.GetProperty("overridden").GetBoolean());
    }

    [Fact]
    public async Task Another_coach_gets_404_for_the_team_and_its_csv_a_runner_403_anonymous_401()
    {
        var (_, teamId, _) = await TeamOfFour();
        var other = await App.RegisterAndLogin("other.coach@example.org", role: "coach");
        await other.CreateTeam("Other club");
        var runner = await App.RegisterAndLogin("ann@example.org");
        var anonymous = App.Anonymous();

        foreach (var url in new[] { $"/api/teams/{teamId}/overview", $"/api/teams/{teamId}/overview.csv" })
        {
            using (var response = await other.Get(url))
            {
                await response.AssertStatus(HttpStatusCode.NotFound);
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.DoesNotContain("Harriers", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Ada", text, StringComparison.Ordinal);
            }

            using (var response = await runner.Get(url))
            {
                await response.AssertStatus(HttpStatusCode.Forbidden);
            }

            using (var response = await anonymous.Get(url))
            {
                await response.AssertStatus(HttpStatusCode.Unauthorized);
            }
        }

        using (var response = await other.Get($"/api/teams/{Guid.NewGuid()}/overview"))
        {
            await response.AssertStatus(HttpStatusCode.NotFound);
        }

        foreach (var client in new[] { runner, anonymous })
        {
            using var list = await client.Get("/api/teams");
            await list.AssertStatus(client == runner ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized);
            using var create = await client.PostJson("/api/teams", new { name = "Mine" });
            await create.AssertStatus(client == runner ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Coach_cannot_put_an_athlete_into_another_coachs_team()
    {
        var (_, teamId, _) = await TeamOfFour();
        var other = await App.RegisterAndLogin("other.coach@example.org", role: "coach");

        using var response = await other.PostJson("/api/athletes", Bodies.Athlete(name: "Intruder").InTeam(teamId));

        await response.AssertFieldErrors("teamId");
    }

    [Fact]
    public async Task Two_screenings_on_the_same_day_use_the_one_entered_last()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var teamId = (await coach.CreateTeam("Harriers")).Id();
        var ada = (await coach.CreateAthlete(Bodies.Athlete(name: "Ada").InTeam(teamId))).Id();
        await coach.CreateScreening(ada, Bodies.Screening("2025-03-01", RiskReports.HipExtension18()));
        var retest = (await coach.CreateScreening(ada, Bodies.Screening("2025-03-01", RiskReports.HipExtension10()))).Id();

        var row = Row(await coach.GetOk($"/api/teams/{teamId}/overview"), "Ada");

        JsonAssert.Text(retest, row, "screeningId");
        JsonAssert.Number(10, row.GetProperty("tests").GetProperty("hip-extension"), "asymmetryPercent");
        Assert.Empty(row.GetProperty("flags").EnumerateArray());
    }

    [Theory]
    [InlineData("{ \"name\": 42 }")]
    [InlineData("{ \"name\": ")]
    public async Task Malformed_team_body_is_a_400_problem(string json)
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await coach.PostRaw("/api/teams", json);

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Empty((await coach.GetOk("/api/teams")).Items());
    }

    [Fact]
    public async Task Team_name_longer_than_80_characters_is_400_with_errors_name()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await coach.PostJson("/api/teams", new { name = new string('x', 81) });

        await response.AssertFieldErrors("name");
    }
}
