using System.Net;
using System.Text.Json;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Athletes;

/// <summary>What is stored is what comes back, and rules hold under concurrency.</summary>
public class AthleteIntegrityTests : ApiTest
{
    [Fact]
    public async Task Athlete_reads_back_exactly_as_it_was_created()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var created = await runner.CreateAthlete();

        var fetched = await runner.GetOk($"/api/athletes/{created.Id()}");

        Assert.True(JsonElement.DeepEquals(created, fetched), $"POST answered\n{created}\nGET answered\n{fetched}");
    }

    [Fact]
    public async Task Stored_times_read_back_as_utc_instants()
    {
        // A time without "Z" or an offset is local time to every JSON client: the instant would shift by the reader's zone.
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athlete = await runner.CreateAthlete();
        var screening = await runner.CreateScreening(athlete.Id());

        var readAthlete = await runner.GetOk($"/api/athletes/{athlete.Id()}");
        var readScreening = await runner.GetOk($"/api/screenings/{screening.Id()}");

        var times = new[] { readAthlete, readScreening }
            .SelectMany(document => document.EnumerateObject())
            .Where(p => p.Name.EndsWith("Utc", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            .ToList();
        Assert.NotEmpty(times);
        Assert.All(times, p => Assert.True(
            DateTimeOffset.TryParse(p.Value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _)
                && (p.Value.GetString()!.EndsWith('Z') || p.Value.GetString()!.Contains('+', StringComparison.Ordinal)),
            $"{p.Name} = {p.Value} has no UTC designator"));
    }

    [Fact]
    public async Task Names_keep_their_accents_and_scripts()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var created = await coach.CreateAthlete(Bodies.Athlete(name: "Åsa Ørsted-Núñez 佐藤"));

        var fetched = await coach.GetOk($"/api/athletes/{created.Id()}");

        JsonAssert.Text("Åsa Ørsted-Núñez 佐藤", fetched, "name");
    }

    [Fact]
    public async Task Runner_posting_a_profile_five_times_at_once_gets_exactly_one()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");

        var responses = await Task.WhenAll(Enumerable.Range(1, 5)
            .Select(i => runner.PostJson("/api/athletes", Bodies.Athlete(name: $"Ann {i}"))));
        try
        {
            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Conflict));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        Assert.Single((await runner.GetOk("/api/athletes")).Items());
    }

    [Fact]
    public async Task Coach_cannot_put_an_athlete_into_another_coachs_team()
    {
        var owner = await App.RegisterAndLogin("owner.coach@example.org", role: "coach");
        var theirs = await owner.CreateAthlete(Bodies.Athlete(name: "Bo"));
        Assert.True(theirs.TryGetProperty("teamId", out var teamId) && teamId.ValueKind == JsonValueKind.String,
            $"a coach's athlete should name its team: {theirs}");
        var intruder = await App.RegisterAndLogin("intruder.coach@example.org", role: "coach");
        var body = Bodies.Athlete(name: "Planted");
        body["teamId"] = teamId.GetString();

        using var response = await intruder.PostJson("/api/athletes", body);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
            $"expected 400 or 404, got {(int)response.StatusCode}");
        Assert.Equal([theirs.Id()], (await owner.GetOk("/api/athletes")).Items().Select(a => a.Id()));
        Assert.Empty((await intruder.GetOk("/api/athletes")).Items());
    }

    [Fact]
    public async Task Coach_cannot_move_their_athlete_into_another_coachs_team()
    {
        var owner = await App.RegisterAndLogin("owner.coach@example.org", role: "coach");
        var theirTeam = (await owner.CreateAthlete(Bodies.Athlete(name: "Bo"))).GetProperty("teamId").GetString();
        var intruder = await App.RegisterAndLogin("intruder.coach@example.org", role: "coach");
        var mine = await intruder.CreateAthlete(Bodies.Athlete(name: "Cy"));
        var body = Bodies.Athlete(name: "Cy");
        body["teamId"] = theirTeam;

        using var response = await intruder.PutJson($"/api/athletes/{mine.Id()}", body);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
            $"expected 400 or 404, got {(int)response.StatusCode}");
        Assert.Single((await owner.GetOk("/api/athletes")).Items());
        var after = await intruder.GetOk($"/api/athletes/{mine.Id()}");
        Assert.Equal(mine.GetProperty("teamId").GetString(), after.GetProperty("teamId").GetString());
    }

    [Fact]
    public async Task Coach_may_name_their_own_team_explicitly()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var first = await coach.CreateAthlete(Bodies.Athlete(name: "Bo"));
        var teamId = first.GetProperty("teamId").GetString();
        var body = Bodies.Athlete(name: "Cy");
        body["teamId"] = teamId;

        var second = await coach.CreateAthlete(body);

        JsonAssert.Text(teamId!, second, "teamId");
    }
}
