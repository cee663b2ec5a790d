using System.Net;
using HipCheck.Core.Training;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Programmes;

public class ProgrammeTests : ApiTest
{
    [Fact]
    public async Task Programme_from_an_18_percent_left_deficit_gives_the_left_side_two_extra_sets_of_hip_extension_work()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var (athleteId, screeningId) = await runner.RunnerWith18PercentLeftDeficit(Programmes.Day(-3));

        var programme = await runner.StartProgramme(athleteId);

        JsonAssert.Text(screeningId, programme, "screeningId"); // the latest screening, when none is named
        JsonAssert.Text(Programmes.Day(0), programme, "startDate");
        JsonAssert.Number(6, programme, "weeks");
        JsonAssert.Number(3, programme, "sessionsPerWeek");
        JsonAssert.Text(Programmes.Day(42), programme, "retestDate"); // the day after 6 x 7 days
        JsonAssert.Text("active", programme, "status");
        var deficit = Assert.Single(programme.GetProperty("plan").GetProperty("deficits").EnumerateArray());
        JsonAssert.Text("hip-extension", deficit, "test");
        JsonAssert.Text("left", deficit, "weakerSide");
        JsonAssert.Number(18, deficit, "asymmetryPercent"); // 100 x (250 - 205) / 250

        var items = programme.PlanItems().ToList();
        Assert.Equal(6, programme.GetProperty("plan").GetProperty("weeks").GetArrayLength());
        var extensionExercises = ExerciseLibrary.All.Where(e => e.Unilateral && e.TrainsTests.Contains("hip-extension")).Select(e => e.Id).ToHashSet();
        Assert.NotEmpty(extensionExercises);
        foreach (var (week, item) in items)
        {
            var id = item.GetProperty("exerciseId").GetString()!;
            if (extensionExercises.Contains(id))
            {
                // 18 % is at or above the generator's 15 % for a large deficit: 2 extra sets on the weaker side.
                JsonAssert.Number(2, item, "extraSetsWeakerSide");
                JsonAssert.Text("left", item, "weakerSide");
            }
            else if (!ExerciseLibrary.Find(id)!.TrainsTests.Contains("hip-extension"))
            {
                JsonAssert.Number(0, item, "extraSetsWeakerSide");
            }

            Assert.True(week is >= 1 and <= 6);
        }

        // GET answers the same stored plan.
        var current = await runner.GetOk($"/api/athletes/{athleteId}/programme");
        Assert.Equal(programme.GetProperty("plan").ToString(), current.GetProperty("plan").ToString());
    }

    [Fact]
    public async Task Starting_again_replaces_the_active_programme_and_adjusting_regenerates_its_weeks()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var (athleteId, _) = await runner.RunnerWith18PercentLeftDeficit(Programmes.Day(-3));
        var first = await runner.StartProgramme(athleteId);
        var second = await runner.StartProgramme(athleteId, new { weeks = 7, sessionsPerWeek = 2 });

        var current = await runner.GetOk($"/api/athletes/{athleteId}/programme");
        JsonAssert.Text(second.Id(), current, "id");
        Assert.NotEqual(first.Id(), second.Id());
        JsonAssert.Number(7, current, "weeks");

        using var adjust = await runner.PutJson($"/api/athletes/{athleteId}/programme", new { weeks = 8, sessionsPerWeek = 4 });
        await adjust.AssertStatus(HttpStatusCode.OK);
        var adjusted = await adjust.Body();
        JsonAssert.Text(second.Id(), adjusted, "id");
        JsonAssert.Number(8, adjusted, "weeks");
        JsonAssert.Number(4, adjusted, "sessionsPerWeek");
        Assert.Equal(8, adjusted.GetProperty("plan").GetProperty("weeks").GetArrayLength());
        JsonAssert.Text(Programmes.Day(56), adjusted, "retestDate");

        using var bad = await runner.PutJson($"/api/athletes/{athleteId}/programme", new { weeks = 9, sessionsPerWeek = 1 });
        await bad.AssertFieldErrors("weeks", "sessionsPerWeek");
    }

    [Fact]
    public async Task Starting_without_a_screening_or_with_a_bad_shape_names_the_fields()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete()).Id();

        using (var none = await runner.PostJson($"/api/athletes/{athleteId}/programme", new { }))
        {
            await none.AssertFieldErrors("screeningId");
        }

        await runner.CreateScreening(athleteId, Bodies.Screening(Programmes.Day(-1), RiskReports.HipExtension18()));
        using var bad = await runner.PostJson($"/api/athletes/{athleteId}/programme",
            new { weeks = 5, sessionsPerWeek = 5, startDate = Programmes.Day(-2), screeningId = Guid.NewGuid() });
        await bad.AssertFieldErrors("weeks", "sessionsPerWeek", "screeningId");
        using var early = await runner.PostJson($"/api/athletes/{athleteId}/programme", new { startDate = Programmes.Day(-2) });
        await early.AssertFieldErrors("startDate"); // before the screening it is built from

        using var missing = await runner.Get($"/api/athletes/{athleteId}/programme");
        await missing.AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stranger_gets_404_for_every_programme_route()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var (athleteId, _) = await runner.RunnerWith18PercentLeftDeficit(Programmes.Day(-3));
        var programmeId = (await runner.StartProgramme(athleteId)).Id();
        var stranger = await App.RegisterAndLogin("eve@example.org", role: "coach");

        foreach (var url in new[] { $"/api/athletes/{athleteId}/programme", $"/api/programmes/{programmeId}/sessions",
                     $"/api/programmes/{programmeId}/adherence", $"/api/programmes/{programmeId}/pdf" })
        {
            using var get = await stranger.Get(url);
            await get.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var start = await stranger.PostJson($"/api/athletes/{athleteId}/programme", new { }))
        {
            await start.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var adjust = await stranger.PutJson($"/api/athletes/{athleteId}/programme", new { weeks = 8 }))
        {
            await adjust.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var log = await stranger.PostJson($"/api/programmes/{programmeId}/sessions", Programmes.Session(Programmes.Day(0), "done")))
        {
            await log.AssertStatus(HttpStatusCode.NotFound);
        }

        Assert.Empty((await runner.GetOk($"/api/programmes/{programmeId}/sessions")).Items());
    }

    [Fact]
    public async Task The_coach_of_the_team_starts_and_reads_an_athletes_programme()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var team = await coach.CreateTeam("Harriers");
        var (athleteId, _) = await coach.AthleteWithScreening(Bodies.Athlete().InTeam(team.Id()), Programmes.Day(-1), RiskReports.HipExtension18());

        var programme = await coach.StartProgramme(athleteId, new { weeks = 8, sessionsPerWeek = 2 });

        JsonAssert.Number(8, programme, "weeks");
        JsonAssert.Number(2, programme, "sessionsPerWeek");
    }
}
