using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Web.Athletes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Athletes;

/// <summary>POST /api/athletes/{id}/owner: the team's coach links the runner's account to a team athlete.</summary>
public class AthleteOwnerLinkTests : ApiTest
{
    private static string PreviousMonday
    {
        get
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    private static JsonObject Email(string email) => new() { ["email"] = email };

    [Fact]
    public async Task Coach_links_a_runner_who_then_owns_the_team_athlete_and_answers_its_checkin()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athlete = await coach.CreateAthlete(Bodies.Athlete(name: "Ann Lee"));
        var id = athlete.Id();
        var teamId = athlete.GetProperty("teamId").GetString();
        Assert.Empty((await runner.GetOk("/api/athletes")).Items());

        // The email as a coach might type it: other case, stray spaces.
        using (var link = await coach.PostJson($"/api/athletes/{id}/owner", Email("  Ann@Example.ORG ")))
        {
            await link.AssertStatus(HttpStatusCode.NoContent);
            Assert.Equal("", await link.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)); // nothing about the account comes back
        }

        // The runner sees the team athlete as their own profile, still in the coach's team.
        var own = (await runner.GetOk("/api/athletes")).Items();
        Assert.Equal([id], own.Select(a => a.Id()));
        Assert.Equal("Ann Lee", own[0].GetProperty("name").GetString());
        Assert.Equal(teamId, own[0].GetProperty("teamId").GetString());
        // ...and it is their one profile: a second is refused.
        using (var second = await runner.PostJson("/api/athletes", Bodies.Athlete(name: "Ann again")))
        {
            await second.AssertProblem(HttpStatusCode.Conflict);
        }

        // The runner answers the weekly check-in; the coach keeps seeing the athlete and reads the answer.
        using (var put = await runner.PutJson($"/api/athletes/{id}/checkins/{PreviousMonday}",
            new JsonObject { ["areas"] = new JsonArray(new JsonObject { ["area"] = "knee", ["q1"] = 3, ["q2"] = 3, ["q3"] = 3, ["q4"] = 3 }) }))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        Assert.Equal(id, (await coach.GetOk($"/api/athletes/{id}")).Id());
        var checkins = (await coach.GetOk($"/api/athletes/{id}/checkins")).Items();
        var week = Assert.Single(checkins);
        Assert.Equal(PreviousMonday, week.GetProperty("weekStart").GetString());
        Assert.True(week.GetProperty("substantial").GetBoolean());

        // Linking again is refused: the athlete already has its runner.
        await App.RegisterAndLogin("bea@example.org");
        using var again = await coach.PostJson($"/api/athletes/{id}/owner", Email("bea@example.org"));
        var problem = await again.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(AthleteOwnerLinks.AlreadyLinkedMessage, problem.GetProperty("detail").GetString());
        Assert.Equal([id], (await runner.GetOk("/api/athletes")).Items().Select(a => a.Id()));
    }

    [Fact]
    public async Task Every_account_reason_gets_the_same_answer_so_the_coach_learns_nothing_about_accounts()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var withProfile = await App.RegisterAndLogin("has-profile@example.org");
        var ownProfile = await withProfile.CreateAthlete(Bodies.Athlete(name: "Own Profile"));
        await App.RegisterAndLogin("other-coach@example.org", role: "coach");
        await App.RegisterAndLogin("unconfirmed@example.org", confirmEmail: false);
        var id = (await coach.CreateAthlete(Bodies.Athlete(name: "Cy"))).Id();

        var answers = new List<string>();
        foreach (var email in new[] { "nobody@example.org", "has-profile@example.org", "other-coach@example.org", "unconfirmed@example.org" })
        {
            using var response = await coach.PostJson($"/api/athletes/{id}/owner", Email(email));
            var problem = await response.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("Cannot link", problem.GetProperty("title").GetString());
            Assert.Equal(AthleteOwnerLinks.NoSuchRunnerMessage, problem.GetProperty("detail").GetString());
            Assert.DoesNotContain("@", problem.GetRawText(), StringComparison.Ordinal);
            answers.Add($"{problem.GetProperty("title").GetString()}|{problem.GetProperty("detail").GetString()}");
        }

        Assert.Single(answers.Distinct());

        // Nothing was linked: the runner with a profile still has only theirs, and the athlete is still free to link.
        Assert.Equal([ownProfile.Id()], (await withProfile.GetOk("/api/athletes")).Items().Select(a => a.Id()));
        var fresh = await App.RegisterAndLogin("fresh@example.org");
        using (var link = await coach.PostJson($"/api/athletes/{id}/owner", Email("fresh@example.org")))
        {
            await link.AssertStatus(HttpStatusCode.NoContent);
        }

        Assert.Equal([id], (await fresh.GetOk("/api/athletes")).Items().Select(a => a.Id()));
    }

    [Fact]
    public async Task A_missing_or_malformed_email_is_a_400_on_the_email_field()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var id = (await coach.CreateAthlete()).Id();

        foreach (var body in new[] { new JsonObject(), Email(""), Email("not-an-email"), Email(new string('a', 250) + "@example.org") })
        {
            using var response = await coach.PostJson($"/api/athletes/{id}/owner", body);
            var errors = await response.AssertFieldErrors("email");
            Assert.Equal(AthleteOwnerLinks.InvalidEmailMessage, errors.GetProperty("email")[0].GetString());
        }
    }

    [Fact]
    public async Task Only_the_coach_of_the_athletes_team_may_link_others_find_nothing_and_runners_are_refused()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var otherCoach = await App.RegisterAndLogin("other@example.org", role: "coach");
        var runner = await App.RegisterAndLogin("ann@example.org");
        var stranger = await App.RegisterAndLogin("ben@example.org");
        var id = (await coach.CreateAthlete(Bodies.Athlete(name: "Cy"))).Id();
        var runnersOwn = (await stranger.CreateAthlete(Bodies.Athlete(name: "Ben"))).Id();

        // Another coach: the athlete is not theirs, so it is not found (never 403, which would confirm it exists).
        using (var response = await otherCoach.PostJson($"/api/athletes/{id}/owner", Email("ann@example.org")))
        {
            await response.AssertStatus(HttpStatusCode.NotFound);
        }

        // A coach cannot claim a runner's own profile (it is in no team of theirs), nor an athlete that does not exist.
        foreach (var target in new[] { runnersOwn, Guid.NewGuid().ToString() })
        {
            using var response = await coach.PostJson($"/api/athletes/{target}/owner", Email("ann@example.org"));
            await response.AssertStatus(HttpStatusCode.NotFound);
        }

        // A runner may not link anyone, not even to their own profile.
        foreach (var target in new[] { id, runnersOwn })
        {
            using var response = await stranger.PostJson($"/api/athletes/{target}/owner", Email("ann@example.org"));
            await response.AssertStatus(HttpStatusCode.Forbidden);
        }

        using (var anonymous = App.Anonymous())
        using (var response = await anonymous.PostJson($"/api/athletes/{id}/owner", Email("ann@example.org")))
        {
            await response.AssertStatus(HttpStatusCode.Unauthorized);
        }

        // None of it linked Ann.
        Assert.Empty((await runner.GetOk("/api/athletes")).Items());
    }
}
