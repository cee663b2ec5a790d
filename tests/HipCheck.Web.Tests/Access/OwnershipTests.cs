using System.Net;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Access;

/// <summary>
/// Health data is visible only to those it belongs to. A stranger gets 404, never 403, so that the existence
/// of someone else's record is not revealed; a coach sees the athletes of their own team.
/// </summary>
public class OwnershipTests : ApiTest
{
    private sealed record World(
        HttpClient Ann, string AnnsAthlete, string AnnsScreening,
        HttpClient Coach, string CoachedAthlete, string CoachedScreening,
        HttpClient Ben, HttpClient OtherCoach, HttpClient Researcher);

    /// <summary>Ann (runner) with her profile and one screening; a coach with one athlete and one screening; strangers.</summary>
    private async Task<World> Build()
    {
        var ann = await App.RegisterAndLogin("ann@example.org");
        var annsAthlete = (await ann.CreateAthlete(Bodies.Athlete(name: "Ann"))).Id();
        var annsScreening = (await ann.CreateScreening(annsAthlete)).Id();

        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var coached = (await coach.CreateAthlete(Bodies.Athlete(name: "Cy"))).Id();
        var coachedScreening = (await coach.CreateScreening(coached)).Id();

        var ben = await App.RegisterAndLogin("ben@example.org");
        await ben.CreateAthlete(Bodies.Athlete(name: "Ben", sex: "male"));
        var otherCoach = await App.RegisterAndLogin("other.coach@example.org", role: "coach");
        await otherCoach.CreateAthlete(Bodies.Athlete(name: "Di"));
        var researcher = await App.RegisterAndLogin("res@example.org", role: "researcher");

        return new World(ann, annsAthlete, annsScreening, coach, coached, coachedScreening, ben, otherCoach, researcher);
    }

    /// <summary>Every way a stranger could touch an athlete's data: each must answer 404.</summary>
    private static async Task AssertStrangerSeesNothing(HttpClient stranger, string athleteId, string screeningId)
    {
        using (var get = await stranger.Get($"/api/athletes/{athleteId}"))
        {
            await get.AssertProblem(HttpStatusCode.NotFound);
        }

        using (var put = await stranger.PutJson($"/api/athletes/{athleteId}", Bodies.Athlete(name: "Hijacked")))
        {
            await put.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var list = await stranger.Get($"/api/athletes/{athleteId}/screenings"))
        {
            await list.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var post = await stranger.PostJson($"/api/athletes/{athleteId}/screenings", Bodies.SimpleScreening("2025-06-01")))
        {
            await post.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var screening = await stranger.Get($"/api/screenings/{screeningId}"))
        {
            await screening.AssertProblem(HttpStatusCode.NotFound);
        }

        var own = (await stranger.GetOk("/api/athletes")).Items();
        Assert.DoesNotContain(athleteId, own.Select(a => a.Id()));
    }

    /// <summary>The owner's data after a stranger's attempts: name unchanged, still exactly one screening.</summary>
    private static async Task AssertUntouched(HttpClient owner, string athleteId, string expectedName, string screeningId)
    {
        var athlete = await owner.GetOk($"/api/athletes/{athleteId}");
        JsonAssert.Text(expectedName, athlete, "name");
        var screenings = (await owner.GetOk($"/api/athletes/{athleteId}/screenings")).Items();
        Assert.Equal([screeningId], screenings.Select(s => s.Id()));
    }

    [Fact]
    public async Task Stranger_gets_404_for_someone_elses_athlete()
    {
        var w = await Build();
        await AssertStrangerSeesNothing(w.Ben, w.AnnsAthlete, w.AnnsScreening);
        await AssertUntouched(w.Ann, w.AnnsAthlete, "Ann", w.AnnsScreening);
    }

    [Fact]
    public async Task Coach_who_does_not_coach_the_runner_gets_404()
    {
        var w = await Build();
        await AssertStrangerSeesNothing(w.Coach, w.AnnsAthlete, w.AnnsScreening);
        await AssertUntouched(w.Ann, w.AnnsAthlete, "Ann", w.AnnsScreening);
    }

    [Fact]
    public async Task Coach_gets_404_for_another_coachs_team()
    {
        var w = await Build();
        await AssertStrangerSeesNothing(w.OtherCoach, w.CoachedAthlete, w.CoachedScreening);
        await AssertUntouched(w.Coach, w.CoachedAthlete, "Cy", w.CoachedScreening);
    }

    [Fact]
    public async Task Runner_gets_404_for_a_coachs_athlete()
    {
        var w = await Build();
        await AssertStrangerSeesNothing(w.Ann, w.CoachedAthlete, w.CoachedScreening);
        await AssertUntouched(w.Coach, w.CoachedAthlete, "Cy", w.CoachedScreening);
    }

    [Fact]
    public async Task Researcher_gets_404_for_identifiable_athletes_outside_a_study()
    {
        // Not spelled out by the contract: the researcher role grants no access to a member's raw records.
        var w = await Build();
        await AssertStrangerSeesNothing(w.Researcher, w.AnnsAthlete, w.AnnsScreening);
        await AssertStrangerSeesNothing(w.Researcher, w.CoachedAthlete, w.CoachedScreening);
        Assert.Empty((await w.Researcher.GetOk("/api/athletes")).Items());
    }

    [Fact]
    public async Task Coach_gets_200_for_athletes_in_their_own_team()
    {
        var w = await Build();

        var athlete = await w.Coach.GetOk($"/api/athletes/{w.CoachedAthlete}");
        JsonAssert.Text("Cy", athlete, "name");
        var screening = await w.Coach.GetOk($"/api/screenings/{w.CoachedScreening}");
        JsonAssert.Text(w.CoachedAthlete, screening, "athleteId");

        using var put = await w.Coach.PutJson($"/api/athletes/{w.CoachedAthlete}", Bodies.Athlete(name: "Cy Updated"));
        await put.AssertStatus(HttpStatusCode.OK);
        var second = await w.Coach.CreateScreening(w.CoachedAthlete, Bodies.SimpleScreening("2025-06-01"));

        var list = (await w.Coach.GetOk($"/api/athletes/{w.CoachedAthlete}/screenings")).Items();
        Assert.Equal([second.Id(), w.CoachedScreening], list.Select(s => s.Id())); // 2025-06-01 before 2025-03-01
    }

    [Fact]
    public async Task Runner_reads_their_own_screening()
    {
        var w = await Build();
        var screening = await w.Ann.GetOk($"/api/screenings/{w.AnnsScreening}");
        Assert.Equal(w.AnnsScreening, screening.Id());
        JsonAssert.Text(w.AnnsAthlete, screening, "athleteId");
    }

    [Fact]
    public async Task Not_found_for_a_stranger_looks_the_same_as_not_found_for_a_random_id()
    {
        // Same status and the same problem shape: the answer must not reveal that the record exists.
        var w = await Build();

        using var existing = await w.Ben.Get($"/api/athletes/{w.AnnsAthlete}");
        using var random = await w.Ben.Get($"/api/athletes/{Guid.NewGuid()}");

        var a = await existing.AssertProblem(HttpStatusCode.NotFound);
        var b = await random.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(
            a.EnumerateObject().Select(p => p.Name).Where(n => n is not "traceId" and not "instance").Order(),
            b.EnumerateObject().Select(p => p.Name).Where(n => n is not "traceId" and not "instance").Order());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }
}
