using System.Net;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Programmes;

public class SessionTests : ApiTest
{
    /// <summary>A programme of 3 sessions a week that started 14 days ago, so today is day 1 of week 3.</summary>
    private async Task<(HttpClient Runner, string ProgrammeId, string FirstExercise)> ProgrammeStartedTwoWeeksAgo()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var (athleteId, _) = await runner.RunnerWith18PercentLeftDeficit(Programmes.Day(-20));
        var programme = await runner.StartProgramme(athleteId, new { startDate = Programmes.Day(-14), sessionsPerWeek = 3 });
        return (runner, programme.Id(), programme.PlanItems().First().Item.GetProperty("exerciseId").GetString()!);
    }

    [Fact]
    public async Task Adherence_counts_done_sessions_fully_partly_ones_half_and_plans_only_the_days_so_far()
    {
        var (runner, programmeId, exercise) = await ProgrammeStartedTwoWeeksAgo();
        // Week 1 (days -14..-8): done, done, partly. Week 2 (days -7..-1): done, skipped. Week 3 starts today: nothing yet.
        var logged = await runner.LogSession(programmeId, Programmes.Session(Programmes.Day(-14), "done", 2,
            new JsonObject { ["exerciseId"] = exercise, ["leftReps"] = 12, ["rightReps"] = 10, ["leftLoadKg"] = 0, ["rightLoadKg"] = 2.5 }));
        await runner.LogSession(programmeId, Programmes.Session(Programmes.Day(-12), "done"));
        await runner.LogSession(programmeId, Programmes.Session(Programmes.Day(-10), "partly", 4));
        await runner.LogSession(programmeId, Programmes.Session(Programmes.Day(-6), "done"));
        await runner.LogSession(programmeId, Programmes.Session(Programmes.Day(-3), "skipped"));

        JsonAssert.Number(1, logged, "week");
        JsonAssert.Number(2, logged, "pain");
        var sides = Assert.Single(logged.GetProperty("exercises").EnumerateArray());
        JsonAssert.Number(12, sides, "leftReps");
        JsonAssert.Number(10, sides, "rightReps");
        JsonAssert.Number(2.5, sides, "rightLoadKg");

        var adherence = await runner.GetOk($"/api/programmes/{programmeId}/adherence");
        var weeks = adherence.GetProperty("weeks").Items();
        Assert.Equal(3, weeks.Length); // weeks 4-6 have not begun
        JsonAssert.Number(3, weeks[0], "planned");
        JsonAssert.Number(2, weeks[0], "done");
        JsonAssert.Number(1, weeks[0], "partly");
        JsonAssert.Number(250.0 / 3, weeks[0], "adherencePercent"); // 100 x (2 + 0.5) / 3
        JsonAssert.Number(3, weeks[1], "planned");
        JsonAssert.Number(1, weeks[1], "skipped");
        JsonAssert.Number(100.0 / 3, weeks[1], "adherencePercent"); // 100 x 1 / 3
        JsonAssert.Number(1, weeks[2], "planned"); // day 1 of 7: ceil(1 x 3 / 7) = 1 session due so far
        JsonAssert.Number(0, weeks[2], "adherencePercent");
        JsonAssert.Number(50.0 / 3, adherence, "recentAdherencePercent"); // weeks 2 and 3: (33.3 + 0) / 2

        Assert.Equal(5, (await runner.GetOk($"/api/programmes/{programmeId}/sessions")).Items().Length);
    }

    [Fact]
    public async Task Logging_a_day_again_corrects_it()
    {
        var (runner, programmeId, _) = await ProgrammeStartedTwoWeeksAgo();
        await runner.LogSession(programmeId, Programmes.Session(Programmes.Day(-1), "partly"));

        using var again = await runner.PostJson($"/api/programmes/{programmeId}/sessions", Programmes.Session(Programmes.Day(-1), "done", 1));

        await again.AssertStatus(HttpStatusCode.OK);
        var session = Assert.Single((await runner.GetOk($"/api/programmes/{programmeId}/sessions")).Items());
        JsonAssert.Text("done", session, "status");
        JsonAssert.Number(1, session, "pain");
    }

    [Fact]
    public async Task Bad_session_values_are_refused_field_by_field_and_nothing_is_stored()
    {
        var (runner, programmeId, exercise) = await ProgrammeStartedTwoWeeksAgo();
        var body = Programmes.Session(Bodies.InTwoDays, "maybe", 11,
            new JsonObject { ["exerciseId"] = exercise, ["leftReps"] = -1, ["rightLoadKg"] = 900, ["leftHoldSeconds"] = 601 },
            new JsonObject { ["exerciseId"] = "handstand" },
            new JsonObject { ["exerciseId"] = exercise });
        body["note"] = new string('x', 501);

        using var response = await runner.PostJson($"/api/programmes/{programmeId}/sessions", body);

        var errors = await response.AssertFieldErrors("date", "status", "pain", "note", "exercises[0].leftReps", "exercises[0].rightLoadKg",
            "exercises[0].leftHoldSeconds", "exercises[1].exerciseId", "exercises[2].exerciseId");
        Assert.Equal(9, errors.EnumerateObject().Count());

        using (var beforeStart = await runner.PostJson($"/api/programmes/{programmeId}/sessions", Programmes.Session(Programmes.Day(-15), "done")))
        {
            await beforeStart.AssertFieldErrors("date");
        }

        using (var notANumber = await runner.PostRaw($"/api/programmes/{programmeId}/sessions",
                   $$"""{"date":"{{Programmes.Day(0)}}","status":"done","exercises":[{"exerciseId":"{{exercise}}","leftReps":"ten"}]}"""))
        {
            await notANumber.AssertFieldErrors("exercises[0].leftReps");
        }

        Assert.Empty((await runner.GetOk($"/api/programmes/{programmeId}/sessions")).Items());
    }

    [Fact]
    public async Task The_personalised_pdf_downloads_as_an_attachment_on_a4_and_letter()
    {
        var (runner, programmeId, _) = await ProgrammeStartedTwoWeeksAgo();

        foreach (var paper in new[] { "a4", "letter" })
        {
            using var response = await runner.Get($"/api/programmes/{programmeId}/pdf?paper={paper}");
            await response.AssertStatus(HttpStatusCode.OK);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.EndsWith($"-{paper}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
            Assert.Contains("Ada Runner", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
        }

        using var bad = await runner.Get($"/api/programmes/{programmeId}/pdf?paper=a5");
        await bad.AssertFieldErrors("paper");
    }

    [Fact]
    public async Task The_five_exercise_guide_is_for_members_only()
    {
        using (var anonymous = await App.Anonymous().Get("/api/guide.pdf"))
        {
            await anonymous.AssertStatus(HttpStatusCode.Unauthorized);
        }

        var member = await App.RegisterAndLogin("ann@example.org");
        using var response = await member.Get("/api/guide.pdf?paper=letter");
        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }
}
