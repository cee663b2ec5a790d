using System.Net;
using System.Text.Json;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Athletes;

public class AthleteTests : ApiTest
{
    [Fact]
    public async Task Runner_creates_their_profile_and_gets_it_back_with_a_location()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");

        using var response = await runner.PostJson("/api/athletes", Bodies.Athlete(
            name: "Ann Lee", sex: "female", birthDate: "1990-04-15", bodyMassKg: 58.5, heightCm: 168, sport: "trail running", dominantLeg: "left"));

        await response.AssertStatus(HttpStatusCode.Created);
        var athlete = await response.Body();
        Assert.True(Guid.TryParse(athlete.Id(), out _), $"id is not a GUID: {athlete.Id()}");
        AssertAthlete(athlete, "Ann Lee", "female", "1990-04-15", 58.5, 168, "trail running", "left");

        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.EndsWith($"/api/athletes/{athlete.Id()}", location.ToString(), StringComparison.OrdinalIgnoreCase);

        var fetched = await runner.GetOk(location.ToString());
        Assert.Equal(athlete.Id(), fetched.Id());
        AssertAthlete(fetched, "Ann Lee", "female", "1990-04-15", 58.5, 168, "trail running", "left");
    }

    [Fact]
    public async Task Runner_owns_exactly_one_profile_so_a_second_is_a_409_problem()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var first = await runner.CreateAthlete();

        using var second = await runner.PostJson("/api/athletes", Bodies.Athlete(name: "Ann's Twin"));
        await second.AssertProblem(HttpStatusCode.Conflict);

        var list = (await runner.GetOk("/api/athletes")).Items();
        Assert.Equal([first.Id()], list.Select(a => a.Id()));
    }

    [Fact]
    public async Task Coach_creates_many_athletes_and_lists_them_all()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        var a = await coach.CreateAthlete(Bodies.Athlete(name: "Bo", sex: "male", bodyMassKg: 72));
        var b = await coach.CreateAthlete(Bodies.Athlete(name: "Cy", sex: "female", bodyMassKg: 55));
        var c = await coach.CreateAthlete(Bodies.Athlete(name: "Di", sex: "female", bodyMassKg: 61));

        var list = (await coach.GetOk("/api/athletes")).Items();
        Assert.Equal(
            new[] { a.Id(), b.Id(), c.Id() }.Order(),
            list.Select(x => x.Id()).Order());
        Assert.Equal(["Bo", "Cy", "Di"], list.Select(x => x.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task List_holds_only_the_callers_athletes()
    {
        var ann = await App.RegisterAndLogin("ann@example.org");
        var ben = await App.RegisterAndLogin("ben@example.org");
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var annsProfile = await ann.CreateAthlete(Bodies.Athlete(name: "Ann"));
        await ben.CreateAthlete(Bodies.Athlete(name: "Ben", sex: "male"));
        var coached = await coach.CreateAthlete(Bodies.Athlete(name: "Cy"));

        Assert.Equal([annsProfile.Id()], (await ann.GetOk("/api/athletes")).Items().Select(x => x.Id()));
        Assert.Equal([coached.Id()], (await coach.GetOk("/api/athletes")).Items().Select(x => x.Id()));
    }

    [Fact]
    public async Task Owner_updates_the_profile_with_put()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athlete = await runner.CreateAthlete();

        using var put = await runner.PutJson($"/api/athletes/{athlete.Id()}", Bodies.Athlete(
            name: "Ann Lee-Smith", sex: "female", birthDate: "1990-04-16", bodyMassKg: 61.2, heightCm: 169, sport: "marathon", dominantLeg: "left"));

        await put.AssertStatus(HttpStatusCode.OK);
        var updated = await put.Body();
        Assert.Equal(athlete.Id(), updated.Id());
        AssertAthlete(updated, "Ann Lee-Smith", "female", "1990-04-16", 61.2, 169, "marathon", "left");

        var fetched = await runner.GetOk($"/api/athletes/{athlete.Id()}");
        AssertAthlete(fetched, "Ann Lee-Smith", "female", "1990-04-16", 61.2, 169, "marathon", "left");
    }

    [Fact]
    public async Task Random_id_gets_404_problem()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        using var response = await runner.Get($"/api/athletes/{Guid.NewGuid()}");
        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_on_a_random_id_gets_404()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        using var response = await coach.PutJson($"/api/athletes/{Guid.NewGuid()}", Bodies.Athlete());
        await response.AssertStatus(HttpStatusCode.NotFound);
        Assert.Empty((await coach.GetOk("/api/athletes")).Items());
    }

    internal static void AssertAthlete(JsonElement athlete, string name, string sex, string birthDate,
        double bodyMassKg, double heightCm, string sport, string dominantLeg)
    {
        JsonAssert.Text(name, athlete, "name");
        JsonAssert.Text(sex, athlete, "sex");
        JsonAssert.Text(birthDate, athlete, "birthDate");
        JsonAssert.Number(bodyMassKg, athlete, "bodyMassKg");
        JsonAssert.Number(heightCm, athlete, "heightCm");
        JsonAssert.Text(sport, athlete, "sport");
        JsonAssert.Text(dominantLeg, athlete, "dominantLeg");
    }
}
