using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Web.Surveillance;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Members;
using HipCheck.Web.Tests.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Surveillance;

/// <summary>
/// Injury records with the IOC 2020 fields, weekly check-ins, reminders, exposure and the OSTRC study event, through
/// HTTP. The clock starts on Monday 2025-09-01 (<see cref="ClockedTest"/>).
/// </summary>
public sealed class SurveillanceTests : ClockedTest
{
    private const string RunnerEmail = "runner@example.org";

    private async Task<(HttpClient Runner, string AthleteId)> Runner()
    {
        var runner = await App.RegisterAndLogin(RunnerEmail);
        var athlete = await runner.CreateAthlete(Bodies.Athlete(name: "Rita Runner"));
        return (runner, athlete.Id());
    }

    private static JsonObject Area(string area, int? q1, int? q2 = null, int? q3 = null, int? q4 = null) =>
        new() { ["area"] = area, ["q1"] = q1, ["q2"] = q2, ["q3"] = q3, ["q4"] = q4 };

    private static JsonObject Checkin(params JsonObject[] areas) => new() { ["areas"] = new JsonArray([.. areas]) };

    [Fact]
    public async Task Time_loss_is_counted_from_the_return_date_and_the_subsequent_class_is_suggested()
    {
        var (runner, athlete) = await Runner();
        var first = StudyApi.Injury("2025-08-04", region: "knee", diagnosis: "patellofemoral-pain");
        first.Remove("daysLost");
        first["returnDate"] = "2025-08-11";
        first["tissue"] = "t";
        first["side"] = "left";
        first["contact"] = "non-contact";
        first["activity"] = "running";
        first["onset"] = "gradual";
        var index = await runner.RecordInjury(athlete, first);
        // Hurt Monday, back in full training the next Monday: 6 days (IOC 2020).
        JsonAssert.Number(6, index, "daysLost");
        JsonAssert.Text("T", index, "tissue");
        JsonAssert.Text("left", index, "side");
        JsonAssert.Text("non-contact", index, "contact");
        JsonAssert.Text("running", index, "activity");
        JsonAssert.Text("repetitive", index, "mechanismIoc");
        JsonAssert.Text("first", index, "subsequentSuggested");
        JsonAssert.Null(index, "subsequent");

        var again = StudyApi.Injury("2025-08-08", region: "knee", diagnosis: "patellofemoral-pain", daysLost: 0);
        again["tissue"] = "T";
        JsonAssert.Text("exacerbation", await runner.RecordInjury(athlete, again), "subsequentSuggested");
        var later = StudyApi.Injury("2025-08-20", region: "knee", diagnosis: "patellofemoral-pain", daysLost: 0);
        later["tissue"] = "T";
        later["subsequent"] = "recurrence";
        later["eventId"] = "parkrun-fall";
        var recurrence = await runner.RecordInjury(athlete, later);
        JsonAssert.Text("recurrence", recurrence, "subsequentSuggested");
        JsonAssert.Text("recurrence", recurrence, "subsequent");
        JsonAssert.Text("parkrun-fall", recurrence, "eventId");
        var other = StudyApi.Injury("2025-08-25", region: "foot", diagnosis: "other", daysLost: 0);
        other["diagnosisText"] = "plantar heel pain";
        JsonAssert.Text("new", await runner.RecordInjury(athlete, other), "subsequentSuggested");
    }

    [Fact]
    public async Task Intermittent_absences_count_only_the_days_missed_and_a_disagreeing_days_lost_is_refused()
    {
        var (runner, athlete) = await Runner();
        var body = StudyApi.Injury("2025-08-04", region: "thigh", diagnosis: "other", daysLost: 10);
        body["diagnosisText"] = "hamstring strain";
        body["absences"] = new JsonArray(
            new JsonObject { ["firstDayMissed"] = "2025-08-05", ["returnDate"] = "2025-08-08" },
            new JsonObject { ["firstDayMissed"] = "2025-08-12", ["returnDate"] = "2025-08-14" });
        using (var refused = await runner.PostJson($"/api/athletes/{athlete}/injuries", body))
        {
            await refused.AssertStatus(HttpStatusCode.BadRequest);
            var problem = await refused.Body();
            Assert.Contains("The dates give 5 days", problem.GetProperty("errors").GetProperty("daysLost")[0].GetString(), StringComparison.Ordinal);
        }

        body.Remove("daysLost");
        var injury = await runner.RecordInjury(athlete, body);
        // 5, 6, 7 August and 12, 13 August.
        JsonAssert.Number(5, injury, "daysLost");
        Assert.Equal(2, injury.GetProperty("absences").GetArrayLength());
    }

    [Fact]
    public async Task An_injury_recorded_the_old_way_gets_its_onset_from_the_mechanism()
    {
        var (runner, athlete) = await Runner();
        var acute = await runner.RecordInjury(athlete, StudyApi.Injury("2025-08-20", mechanism: "acute-trauma", daysLost: 3));
        JsonAssert.Text("sudden", acute, "onset");
        JsonAssert.Text("acute", acute, "mechanismIoc");
        JsonAssert.Number(3, acute, "daysLost");
        var overuse = await runner.RecordInjury(athlete, StudyApi.Injury("2025-08-21", mechanism: "repetitive", daysLost: 0));
        JsonAssert.Text("overuse", overuse, "mechanism");
        JsonAssert.Text("gradual", overuse, "onset");
    }

    [Fact]
    public async Task A_check_in_is_scored_by_the_OSTRC_rules_and_read_back()
    {
        var (runner, athlete) = await Runner();
        using (var put = await runner.PutJson($"/api/athletes/{athlete}/checkins/2025-08-25",
            Checkin(Area("knee", 2, 2, 1, 2), Area("lower-back", 0), Area("foot", 1, 1, 0, 1))))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var checkin = await runner.GetOk($"/api/athletes/{athlete}/checkins/2025-08-25");
        Assert.True(checkin.GetProperty("substantial").GetBoolean());
        Assert.Equal(["knee"], checkin.GetProperty("substantialAreas").Items().Select(a => a.GetString()));
        var areas = checkin.GetProperty("areas").Items().ToDictionary(a => a.Text("area"));
        // 17 + 17 + 8 + 17 (Clarsen et al. 2013 scores 0, 8, 17, 25).
        JsonAssert.Number(59, areas["knee"], "severity");
        Assert.True(areas["knee"].GetProperty("substantial").GetBoolean());
        // Item 1's first answer ends the area: items 2-4 recorded as 0, severity 0.
        JsonAssert.Number(0, areas["lower-back"], "q4");
        JsonAssert.Number(0, areas["lower-back"], "severity");
        Assert.False(areas["lower-back"].GetProperty("problem").GetBoolean());
        Assert.True(areas["foot"].GetProperty("problem").GetBoolean());
        Assert.False(areas["foot"].GetProperty("substantial").GetBoolean());
        // 8 + 8 + 0 + 8.
        JsonAssert.Number(24, areas["foot"], "severity");

        using var tuesday = await runner.PutJson($"/api/athletes/{athlete}/checkins/2025-08-26", Checkin(Area("knee", 0)));
        await tuesday.AssertStatus(HttpStatusCode.BadRequest);
        Assert.True((await tuesday.Body()).GetProperty("errors").TryGetProperty("weekStart", out _));
        using var bad = await runner.PutJson($"/api/athletes/{athlete}/checkins/2025-08-25", Checkin(Area("elbow", 4)));
        await bad.AssertStatus(HttpStatusCode.BadRequest);
        var errors = (await bad.Body()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("areas[0].area", out _));
    }

    [Fact]
    public async Task A_substantial_problem_on_the_check_in_page_leads_to_the_prefilled_injury_form()
    {
        var (_, athlete) = await Runner();
        var web = await App.LogInWithCookie(RunnerEmail);
        var form = new Dictionary<string, string> { ["week"] = "2025-08-25" };
        string[] areas = ["lower-back", "hip-groin", "thigh", "knee", "lower-leg", "ankle", "foot"];
        for (var i = 0; i < areas.Length; i++)
        {
            form[$"Areas[{i}].Area"] = areas[i];
            form[$"Areas[{i}].Q1"] = "0";
        }

        // Knee bothered: item 1 alone is not enough.
        form["Areas[3].Q1"] = "3";
        var page = $"/Athletes/{athlete}/CheckIn?week=2025-08-25";
        using (var incomplete = await web.PostForm(page, page, form))
        {
            await incomplete.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Knee: this area bothered you, so answer question 2 too.", await incomplete.Html(), StringComparison.Ordinal);
        }

        form["Areas[3].Q2"] = "3";
        form["Areas[3].Q3"] = "3";
        form["Areas[3].Q4"] = "2";
        using var saved = await web.PostForm(page, page, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Athletes/{athlete}/Injuries/New?region=knee&onset=2025-08-25&area=knee", saved.Headers.Location!.OriginalString);
        using var injuryForm = await web.Get(saved.Headers.Location!.OriginalString);
        var html = await injuryForm.Html();
        Assert.Contains("<option value=\"knee\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-08-25\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Monday_reminder_goes_once_to_each_runner_who_has_not_answered()
    {
        await Runner();
        var other = await App.RegisterAndLogin("answered@example.org");
        var answered = (await other.CreateAthlete(Bodies.Athlete(name: "Al Answered"))).Id();
        using (var put = await other.PutJson($"/api/athletes/{answered}/checkins/2025-08-25", Checkin(Area("knee", 0))))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        async Task<int> Send()
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CheckinReminderSender>().SendDueAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, await Send());
        Assert.Equal(0, await Send());
        var message = Assert.Single(App.Messages(), m => m.Contains("How was your week", StringComparison.Ordinal));
        Assert.Contains(RunnerEmail, message, StringComparison.Ordinal);
        Assert.Contains("/CheckIn?week=2025-08-25", message, StringComparison.Ordinal);

        Clock.AdvanceDays(1);
        Assert.Equal(0, await Send());
        Clock.AdvanceDays(6);
        // The next Monday: a reminder for the week of 2025-09-01.
        Assert.Equal(2, await Send());
    }

    private static string Gpx(string name, string start, string end) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
          <trk><name>{name}</name><type>running</type><trkseg>
            <trkpt lat="59.9000" lon="10.7000"><time>{start}</time></trkpt>
            <trkpt lat="59.9090" lon="10.7000"><time>{end}</time></trkpt>
          </trkseg></trk>
        </gpx>
        """;

    [Fact]
    public async Task Exposure_is_typed_in_or_imported_and_a_second_upload_adds_nothing()
    {
        var (runner, athlete) = await Runner();
        using (var typed = await runner.PostJson($"/api/athletes/{athlete}/exposure", new { date = "2025-08-25", hours = 4.5, km = 42.0, period = "week" }))
        {
            await typed.AssertStatus(HttpStatusCode.Created);
        }

        using (var badWeek = await runner.PostJson($"/api/athletes/{athlete}/exposure", new { date = "2025-08-26", hours = 4.5, period = "week" }))
        {
            await badWeek.AssertStatus(HttpStatusCode.BadRequest);
        }

        var gpx = Gpx("Morning run", "2025-08-28T06:00:00Z", "2025-08-28T06:30:00Z");
        async Task<JsonElement> Import()
        {
            using var content = new StringContent(gpx, Encoding.UTF8, "application/gpx+xml");
            using var response = await runner.PostAsync($"/api/athletes/{athlete}/exposure/import?format=gpx", content, TestContext.Current.CancellationToken);
            await response.AssertStatus(HttpStatusCode.OK);
            return await response.Body();
        }

        var first = await Import();
        JsonAssert.Number(1, first, "kept");
        JsonAssert.Number(0, first, "duplicates");
        JsonAssert.Number(0.5, first, "hours");
        var second = await Import();
        JsonAssert.Number(0, second, "kept");
        JsonAssert.Number(1, second, "duplicates");

        var entries = (await runner.GetOk($"/api/athletes/{athlete}/exposure")).Items();
        Assert.Equal(2, entries.Length);
        Assert.Equal(["gpx", "manual"], entries.Select(e => e.Text("source")).Order());

        using var broken = new StringContent("<gpx", Encoding.UTF8, "application/gpx+xml");
        using var refused = await runner.PostAsync($"/api/athletes/{athlete}/exposure/import?format=gpx", broken, TestContext.Current.CancellationToken);
        await refused.AssertStatus(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_study_with_the_OSTRC_event_counts_athletes_with_a_substantial_problem_during_follow_up()
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var ids = new Dictionary<string, string>();
        foreach (var (name, sex) in new[] { ("Ada", "female"), ("Cy", "male"), ("Eve", "female") })
        {
            ids[name] = (await researcher.CreateAthlete(Bodies.Athlete(name: $"{name} Test", sex: sex))).Id();
            await researcher.CreateScreening(ids[name], Bodies.Screening("2025-08-30", RiskReports.HipExtension18()));
        }

        var study = await researcher.CreateStudy(StudyApi.Study("2025-08-22", "2025-09-11", eventCode: "ostrc-substantial-problem", followUpDays: 180));
        JsonAssert.Text("ostrc-substantial-problem", study, "eventCode");
        foreach (var id in ids.Values)
        {
            await researcher.Enrol(study.Id(), id, "2025-08-29");
        }

        await researcher.LockBaseline(study.Id());
        await AdvanceDays(21, (researcher, ResearcherEmail));
        async Task Answer(string athlete, string week, JsonObject area)
        {
            using var put = await researcher.PutJson($"/api/athletes/{athlete}/checkins/{week}", Checkin(area));
            await put.AssertStatus(HttpStatusCode.OK);
        }

        await Answer(ids["Ada"], "2025-09-01", Area("knee", 1, 1, 0, 1));
        await Answer(ids["Ada"], "2025-09-08", Area("knee", 3, 3, 3, 3));
        await Answer(ids["Cy"], "2025-09-08", Area("hip-groin", 1, 1, 1, 1));
        // Before follow-up began: not an event of this study.
        await Answer(ids["Eve"], "2025-08-25", Area("lower-back", 3, 3, 3, 3));

        var codes = (await researcher.Enrolments(study.Id())).ToDictionary(e => e.Text("name").Split(' ')[0], e => e.Text("code"));
        using var response = await researcher.Get($"/api/studies/{study.Id()}/cohort.json");
        await response.AssertStatus(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var rows = document.RootElement.GetProperty("rows").Items().ToDictionary(r => r.Text("athlete_id"));
        Assert.Equal("1", rows[codes["Ada"]].GetProperty("lbp_event").ToString());
        JsonAssert.Number(7, rows[codes["Ada"]], "days_to_event");
        Assert.Equal("0", rows[codes["Cy"]].GetProperty("lbp_event").ToString());
        Assert.Equal("0", rows[codes["Eve"]].GetProperty("lbp_event").ToString());
    }

    [Fact]
    public async Task The_team_page_shows_the_weekly_prevalence_chart_and_its_table()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        using var teamResponse = await coach.PostJson("/api/teams", new { name = "Harriers" });
        var team = (await teamResponse.Body()).Id();
        foreach (var (name, knee) in new[] { ("Ana", 3), ("Bo", 1), ("Cai", 0), ("Dee", 0) })
        {
            var body = Bodies.Athlete(name: name);
            body["teamId"] = team;
            var id = (await coach.CreateAthlete(body)).Id();
            using var put = await coach.PutJson($"/api/athletes/{id}/checkins/2025-08-25", Checkin(Area("knee", knee, knee, knee, knee)));
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var web = await App.LogInWithCookie("coach@example.org");
        using var page = await web.Get($"/Teams/{team}");
        var html = await page.Html();
        Assert.Contains("Health problems week by week", html, StringComparison.Ordinal);
        Assert.Contains("id=\"team-prevalence-title\"", html, StringComparison.Ordinal);
        // 2 of 4 with a problem, 1 of 4 substantial.
        Assert.Matches(@"2025-08-25</th>\s*<td class=""num"">4</td>\s*<td class=""num"">50 % \(2\)</td>\s*<td class=""num"">25 % \(1\)</td>", html);
    }
}
