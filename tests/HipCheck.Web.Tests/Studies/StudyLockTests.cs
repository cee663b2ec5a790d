using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Studies;

/// <summary>
/// "Locked data stays locked" (TRUST.md; REDCap record locking): after a study's baseline lock every change to
/// baseline data is refused for every way the app offers it (API and pages), nothing changes, and each attempt is
/// in the study's audit as "lock-violation", counted exactly. After the data lock the same holds for injuries in
/// follow-up. Today is 2025-09-01 on the app's clock; the baseline window runs 2025-08-22 to 2025-09-11.
/// </summary>
public class StudyLockTests : ClockedTest
{
    private sealed record Cohort(HttpClient Researcher, string StudyId, string Ada, string Cy, string Eve, DateOnly Start);

    private static readonly DateOnly WindowStart = new(2025, 8, 22);
    private static readonly DateOnly WindowEnd = new(2025, 9, 11);

    /// <summary>Ada (woman) and Cy (man) screened on 2025-08-30 and enrolled; Eve in the same team, not enrolled.</summary>
    private async Task<Cohort> EnrolledCohort(bool lockBaseline = true)
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var ada = (await researcher.CreateAthlete(Bodies.Athlete(name: "Ada Lovelace", sex: "female"))).Id();
        var cy = (await researcher.CreateAthlete(Bodies.Athlete(name: "Cy Twombly", sex: "male", bodyMassKg: 72))).Id();
        var eve = (await researcher.CreateAthlete(Bodies.Athlete(name: "Eve Arden"))).Id();
        await researcher.CreateScreening(ada, Bodies.Screening("2025-08-30", RiskReports.HipExtension18()));
        await researcher.CreateScreening(cy, Bodies.Screening("2025-08-30", RiskReports.HipExtension10()));
        var study = await researcher.CreateStudy(StudyApi.Study(Iso(WindowStart), Iso(WindowEnd)));
        await researcher.Enrol(study.Id(), ada, "2025-08-29");
        await researcher.Enrol(study.Id(), cy, "2025-08-29");
        if (lockBaseline)
        {
            await researcher.LockBaseline(study.Id());
        }

        return new Cohort(researcher, study.Id(), ada, cy, eve, Clock.Today);
    }

    private static async Task<JsonElement[]> Screenings(HttpClient client, string athleteId) =>
        (await client.GetOk($"/api/athletes/{athleteId}/screenings")).Items();

    private static async Task<JsonElement[]> Injuries(HttpClient client, string athleteId) =>
        (await client.GetOk($"/api/athletes/{athleteId}/injuries")).Items();

    private static async Task AssertLocked(HttpResponseMessage response)
    {
        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("locked", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private static JsonObject AthleteBody(JsonElement current) => new()
    {
        ["name"] = current.Text("name"),
        ["sex"] = current.Text("sex"),
        ["birthDate"] = current.Text("birthDate"),
        ["bodyMassKg"] = current.GetProperty("bodyMassKg").GetDouble(),
        ["heightCm"] = current.GetProperty("heightCm").GetDouble(),
        ["sport"] = current.Text("sport"),
        ["dominantLeg"] = current.Text("dominantLeg"),
    };

    [Fact]
    public async Task Lock_needs_an_enrolled_athlete_and_starts_follow_up_today()
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var athlete = (await researcher.CreateAthlete()).Id();
        var study = await researcher.CreateStudy(StudyApi.Study(Iso(WindowStart), Iso(WindowEnd)));
        var ct = TestContext.Current.CancellationToken;

        using (var empty = await researcher.PostAsync($"/api/studies/{study.Id()}/lock-baseline", null, ct))
        {
            await empty.AssertProblem(HttpStatusCode.Conflict);
        }

        await researcher.Enrol(study.Id(), athlete, Iso(Clock.Today));
        using (var withdrawn = await researcher.DeleteAsync($"/api/studies/{study.Id()}/enrolments/{athlete}", ct))
        {
            await withdrawn.AssertStatus(HttpStatusCode.NoContent);
        }

        using (var onlyWithdrawn = await researcher.PostAsync($"/api/studies/{study.Id()}/lock-baseline", null, ct))
        {
            await onlyWithdrawn.AssertProblem(HttpStatusCode.Conflict);
        }

        JsonAssert.Text("set-up", await researcher.GetOk($"/api/studies/{study.Id()}"), "status");

        var second = (await researcher.CreateAthlete(Bodies.Athlete(name: "Cy"))).Id();
        await researcher.Enrol(study.Id(), second, Iso(Clock.Today));
        var locked = await researcher.LockBaseline(study.Id());

        JsonAssert.Text("follow-up", locked, "status");
        JsonAssert.Text("2025-09-01", locked, "followUpStart");
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, locked.GetProperty("baselineLockedUtc").GetDateTime().ToUniversalTime());
        JsonAssert.Null(locked, "dataLockedUtc");
        Assert.True(JsonElement.DeepEquals(locked, await researcher.GetOk($"/api/studies/{study.Id()}")));
        Assert.Contains("baseline-locked", (await researcher.Audit(study.Id())).Select(e => e.Text("action")));
    }

    [Fact]
    public async Task Lock_is_refused_before_the_window_opens_twice_and_data_lock_before_baseline_lock()
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var athlete = (await researcher.CreateAthlete()).Id();
        var future = await researcher.CreateStudy(StudyApi.Study("2025-10-01", "2025-10-20"));
        await researcher.Enrol(future.Id(), athlete, Iso(Clock.Today));
        var ct = TestContext.Current.CancellationToken;

        using (var early = await researcher.PostAsync($"/api/studies/{future.Id()}/lock-baseline", null, ct))
        {
            await early.AssertProblem(HttpStatusCode.Conflict);
        }

        using (var dataFirst = await researcher.PostAsync($"/api/studies/{future.Id()}/lock-data", null, ct))
        {
            await dataFirst.AssertProblem(HttpStatusCode.Conflict);
        }

        JsonAssert.Text("set-up", await researcher.GetOk($"/api/studies/{future.Id()}"), "status");

        var study = await researcher.CreateStudy(StudyApi.Study(Iso(WindowStart), Iso(WindowEnd)));
        await researcher.Enrol(study.Id(), athlete, Iso(Clock.Today));
        await researcher.LockBaseline(study.Id());
        using (var twice = await researcher.PostAsync($"/api/studies/{study.Id()}/lock-baseline", null, ct))
        {
            await twice.AssertProblem(HttpStatusCode.Conflict);
        }

        await researcher.LockData(study.Id());
        using (var dataTwice = await researcher.PostAsync($"/api/studies/{study.Id()}/lock-data", null, ct))
        {
            await dataTwice.AssertProblem(HttpStatusCode.Conflict);
        }

        JsonAssert.Text("data-locked", await researcher.GetOk($"/api/studies/{study.Id()}"), "status");
        JsonAssert.Text("2025-09-01", await researcher.GetOk($"/api/studies/{study.Id()}"), "followUpStart");
    }

    [Fact]
    public async Task After_the_baseline_lock_every_api_change_to_baseline_data_is_refused_unchanged_and_recorded()
    {
        var (researcher, studyId, ada, _, eve, _) = await EnrolledCohort();
        var study = await researcher.GetOk($"/api/studies/{studyId}");
        var adaBefore = await researcher.GetOk($"/api/athletes/{ada}");
        var audited = (await researcher.Audit(studyId)).Length;

        // 1. Enrol another athlete.
        using (var enrol = await researcher.PostJson($"/api/studies/{studyId}/enrolments", StudyApi.Enrolment(eve, "2025-09-01")))
        {
            await AssertLocked(enrol);
        }

        // 2. Change the study's definition (even to the same values).
        using (var put = await researcher.PutJson($"/api/studies/{studyId}", StudyApi.Study(Iso(WindowStart), Iso(WindowEnd), title: "Changed", followUpDays: 30)))
        {
            await AssertLocked(put);
        }

        // 3. and 4. Screenings dated inside the window: today and the window's first day.
        foreach (var date in new[] { "2025-09-01", "2025-08-22" })
        {
            using var screening = await researcher.PostJson($"/api/athletes/{ada}/screenings", Bodies.Screening(date, RiskReports.HipExtension10()));
            await AssertLocked(screening);
        }

        // 5. Sex; 6. birth date; 7. both, with allowed changes alongside.
        var sex = AthleteBody(adaBefore);
        sex["sex"] = "male";
        var birth = AthleteBody(adaBefore);
        birth["birthDate"] = "1991-04-15";
        var both = AthleteBody(adaBefore);
        both["sex"] = "male";
        both["birthDate"] = "1991-04-15";
        both["bodyMassKg"] = 58;
        foreach (var body in new[] { sex, birth, both })
        {
            using var put = await researcher.PutJson($"/api/athletes/{ada}", body);
            await AssertLocked(put);
        }

        // Nothing changed.
        Assert.True(JsonElement.DeepEquals(study, await researcher.GetOk($"/api/studies/{studyId}")), "the study changed");
        Assert.Equal(2, (await researcher.Enrolments(studyId)).Length);
        DoesNotContainEve(await researcher.Enrolments(studyId), eve);
        Assert.True(JsonElement.DeepEquals(adaBefore, await researcher.GetOk($"/api/athletes/{ada}")), "Ada's profile changed");
        var screenings = await Screenings(researcher, ada);
        Assert.Equal(["2025-08-30"], screenings.Select(s => s.Text("date")));

        // Exactly seven attempts recorded, each naming what was tried.
        var audit = await researcher.Audit(studyId);
        Assert.Equal(audited + 7, audit.Length);
        var violations = await researcher.Violations(studyId);
        Assert.Equal(7, violations.Length);
        Assert.Contains("enrol", violations[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(eve, violations[0], StringComparison.Ordinal);
        Assert.Contains("study definition", violations[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("screening dated 2025-09-01", violations[2], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("screening dated 2025-08-22", violations[3], StringComparison.OrdinalIgnoreCase);
        Assert.All(violations[2..4], v => Assert.Contains(ada, v, StringComparison.Ordinal));
        Assert.All(violations[4..7], v =>
        {
            Assert.Contains("sex or birth date", v, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(ada, v, StringComparison.Ordinal);
        });
        var me = (await researcher.Audit(studyId)).First().Text("userId");
        Assert.All(audit.Where(e => e.Text("action") == "lock-violation"), e => Assert.Equal(me, e.Text("userId")));
    }

    private static void DoesNotContainEve(JsonElement[] enrolments, string eve) =>
        Assert.DoesNotContain(enrolments, e => e.Text("athleteId") == eve);

    [Fact]
    public async Task After_the_baseline_lock_body_mass_and_name_may_change_without_a_violation()
    {
        var (researcher, studyId, ada, _, _, _) = await EnrolledCohort();
        var body = AthleteBody(await researcher.GetOk($"/api/athletes/{ada}"));
        body["name"] = "Ada King";
        body["bodyMassKg"] = 61.5;
        body["sex"] = "F"; // the same sex, written another way, is no change

        using var put = await researcher.PutJson($"/api/athletes/{ada}", body);

        await put.AssertStatus(HttpStatusCode.OK);
        var after = await researcher.GetOk($"/api/athletes/{ada}");
        JsonAssert.Text("Ada King", after, "name");
        JsonAssert.Number(61.5, after, "bodyMassKg");
        JsonAssert.Text("female", after, "sex");
        Assert.Empty(await researcher.Violations(studyId));
    }

    [Fact]
    public async Task Screenings_after_the_window_and_of_athletes_not_enrolled_are_allowed()
    {
        var (researcher, studyId, ada, _, eve, _) = await EnrolledCohort();

        // Eve is not in the study: her screening inside the window is hers to record.
        await researcher.CreateScreening(eve, Bodies.Screening("2025-09-01", RiskReports.HipExtension10()));
        // A screening before the window is not a baseline screening either.
        await researcher.CreateScreening(ada, Bodies.Screening("2025-08-21", RiskReports.HipExtension10()));

        // Follow-up re-tests after the window closes (2025-09-11) are allowed; its last day is not.
        await AdvanceDays(14, (researcher, ResearcherEmail));
        await researcher.CreateScreening(ada, Bodies.Screening("2025-09-12", RiskReports.HipExtension10()));
        await researcher.CreateScreening(ada, Bodies.Screening(Iso(Clock.Today), RiskReports.HipExtension10()));
        using (var lastDay = await researcher.PostJson($"/api/athletes/{ada}/screenings", Bodies.Screening("2025-09-11", RiskReports.HipExtension10())))
        {
            await AssertLocked(lastDay);
        }

        Assert.Equal(["2025-09-15", "2025-09-12", "2025-08-30", "2025-08-21"], (await Screenings(researcher, ada)).Select(s => s.Text("date")));
        var violation = Assert.Single(await researcher.Violations(studyId));
        Assert.Contains("2025-09-11", violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_baseline_lock_the_pages_refuse_the_same_changes_and_record_them()
    {
        var (researcher, studyId, ada, _, eve, _) = await EnrolledCohort();
        var adaBefore = await researcher.GetOk($"/api/athletes/{ada}");
        var web = await App.LogInWithCookie(ResearcherEmail);

        // Enrolment through the study page (the form is gone after the lock; the handler must still refuse).
        using (var enrol = await web.PostForm($"/Studies/{studyId}", $"/Studies/{studyId}?handler=Enrol",
                   new Dictionary<string, string> { ["AthleteId"] = eve, ["ConsentDate"] = "2025-09-01", ["ConsentGiven"] = "true" }))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, enrol.StatusCode);
            Assert.Contains("Refused: the data of the study", await enrol.Html(), StringComparison.Ordinal);
        }

        // A screening inside the window through the screening form.
        using (var screening = await web.PostForm($"/Athletes/{ada}/Screenings/New", $"/Athletes/{ada}/Screenings/New",
                   StudyPages.ScreeningForm("2025-09-01", [180, 180, 180], [200, 200, 200])))
        {
            await screening.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Refused: the data of the study", await screening.Html(), StringComparison.Ordinal);
        }

        // Sex and birth date through the athlete form.
        foreach (var (sex, birthDate) in new[] { ("male", "1990-04-15"), ("female", "1992-01-01") })
        {
            using var edit = await web.PostForm($"/Athletes/{ada}/Edit", $"/Athletes/{ada}/Edit",
                StudyPages.AthleteForm("Ada Lovelace", sex, birthDate, 60));
            await edit.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Refused: the data of the study", await edit.Html(), StringComparison.Ordinal);
        }

        Assert.Equal(2, (await researcher.Enrolments(studyId)).Length);
        Assert.Single(await Screenings(researcher, ada));
        Assert.True(JsonElement.DeepEquals(adaBefore, await researcher.GetOk($"/api/athletes/{ada}")), "Ada's profile changed");
        var violations = await researcher.Violations(studyId);
        Assert.Equal(4, violations.Length);
        Assert.Contains("enrol", violations[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("screening dated 2025-09-01", violations[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sex or birth date", violations[2], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sex or birth date", violations[3], StringComparison.OrdinalIgnoreCase);

        // The study page shows the attempts in its audit trail.
        using var page = await web.Get($"/Studies/{studyId}");
        var html = await page.Html();
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "<li class=\"lock-violation\">"));
    }

    [Fact]
    public async Task Injuries_during_follow_up_can_be_recorded_and_corrected_until_the_data_lock()
    {
        var (researcher, studyId, ada, _, _, start) = await EnrolledCohort();
        await AdvanceDays(40, (researcher, ResearcherEmail));

        var injury = await researcher.RecordInjury(ada, StudyApi.Injury(Iso(start.AddDays(30))));
        using (var correct = await researcher.PutJson($"/api/injuries/{injury.Id()}", StudyApi.Injury(Iso(start.AddDays(28)), daysLost: 9)))
        {
            await correct.AssertStatus(HttpStatusCode.OK);
        }

        var stored = Assert.Single(await Injuries(researcher, ada));
        JsonAssert.Text(Iso(start.AddDays(28)), stored, "onsetDate");
        Assert.Equal(9, stored.GetProperty("daysLost").GetInt32());
        Assert.Empty(await researcher.Violations(studyId));
    }

    [Fact]
    public async Task After_the_data_lock_follow_up_injuries_cannot_be_recorded_or_corrected()
    {
        var (researcher, studyId, ada, cy, _, start) = await EnrolledCohort();
        var old = await researcher.RecordInjury(ada, StudyApi.Injury("2025-06-01", region: "knee", diagnosis: "patellofemoral-pain"));
        await AdvanceDays(200, (researcher, ResearcherEmail));
        var during = await researcher.RecordInjury(ada, StudyApi.Injury(Iso(start.AddDays(100))));
        await researcher.LockData(studyId);

        // 1. A new injury on the first day of follow-up.
        using (var onStart = await researcher.PostJson($"/api/athletes/{ada}/injuries", StudyApi.Injury(Iso(start))))
        {
            await AssertLocked(onStart);
        }

        // 2. A new injury late in follow-up, for the other athlete.
        using (var late = await researcher.PostJson($"/api/athletes/{cy}/injuries", StudyApi.Injury(Iso(start.AddDays(150)), mechanism: "acute-trauma")))
        {
            await AssertLocked(late);
        }

        // 3. Correcting a follow-up injury.
        using (var correct = await researcher.PutJson($"/api/injuries/{during.Id()}", StudyApi.Injury(Iso(start.AddDays(100)), neededTreatment: false)))
        {
            await AssertLocked(correct);
        }

        // 4. Moving a follow-up injury out of follow-up.
        using (var moveOut = await researcher.PutJson($"/api/injuries/{during.Id()}", StudyApi.Injury("2025-08-01")))
        {
            await AssertLocked(moveOut);
        }

        // 5. Moving an older injury into follow-up.
        using (var moveIn = await researcher.PutJson($"/api/injuries/{old.Id()}", StudyApi.Injury(Iso(start.AddDays(10)))))
        {
            await AssertLocked(moveIn);
        }

        // Injuries before follow-up are outside the lock: recorded and corrected.
        var before = await researcher.RecordInjury(ada, StudyApi.Injury(Iso(start.AddDays(-1)), region: "foot", diagnosis: "other", diagnosisText: "Blister"));
        using (var fixOld = await researcher.PutJson($"/api/injuries/{old.Id()}", StudyApi.Injury("2025-06-02", region: "knee", diagnosis: "patellofemoral-pain")))
        {
            await fixOld.AssertStatus(HttpStatusCode.OK);
        }

        var adas = await Injuries(researcher, ada);
        Assert.Equal([Iso(start.AddDays(100)), Iso(start.AddDays(-1)), "2025-06-02"], adas.Select(i => i.Text("onsetDate")));
        Assert.True(JsonElement.DeepEquals(during, adas[0]), "the follow-up injury changed");
        Assert.Equal(before.Id(), adas[1].Id());
        Assert.Empty(await Injuries(researcher, cy));

        var violations = await researcher.Violations(studyId);
        Assert.Equal(5, violations.Length);
        Assert.All(violations, v => Assert.Contains("injury with onset", v, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Iso(start), violations[0], StringComparison.Ordinal);
        Assert.Contains(ada, violations[0], StringComparison.Ordinal);
        Assert.Contains(cy, violations[1], StringComparison.Ordinal);
        Assert.Contains(Iso(start.AddDays(150)), violations[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_data_lock_the_injury_pages_refuse_and_record()
    {
        var (researcher, studyId, ada, _, _, start) = await EnrolledCohort();
        await AdvanceDays(200, (researcher, ResearcherEmail));
        var during = await researcher.RecordInjury(ada, StudyApi.Injury(Iso(start.AddDays(100))));
        await researcher.LockData(studyId);
        var web = await App.LogInWithCookie(ResearcherEmail);

        using (var create = await web.PostForm($"/Athletes/{ada}/Injuries/New", $"/Athletes/{ada}/Injuries/New", StudyPages.InjuryForm(Iso(start.AddDays(120)))))
        {
            await create.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Refused: the data of the study", await create.Html(), StringComparison.Ordinal);
        }

        using (var edit = await web.PostForm($"/Injuries/{during.Id()}/Edit", $"/Injuries/{during.Id()}/Edit", StudyPages.InjuryForm(Iso(start.AddDays(100)), daysLost: 50)))
        {
            await edit.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Refused: the data of the study", await edit.Html(), StringComparison.Ordinal);
        }

        var stored = Assert.Single(await Injuries(researcher, ada));
        Assert.True(JsonElement.DeepEquals(during, stored));
        Assert.Equal(2, (await researcher.Violations(studyId)).Length);
    }

    [Fact]
    public async Task After_the_data_lock_baseline_data_stay_locked_too()
    {
        var (researcher, studyId, ada, _, eve, _) = await EnrolledCohort();
        await researcher.LockData(studyId);

        using (var enrol = await researcher.PostJson($"/api/studies/{studyId}/enrolments", StudyApi.Enrolment(eve, "2025-09-01")))
        {
            await AssertLocked(enrol);
        }

        using (var put = await researcher.PutJson($"/api/studies/{studyId}", StudyApi.Study(Iso(WindowStart), Iso(WindowEnd))))
        {
            await AssertLocked(put);
        }

        using (var screening = await researcher.PostJson($"/api/athletes/{ada}/screenings", Bodies.Screening("2025-09-01", RiskReports.HipExtension10())))
        {
            await AssertLocked(screening);
        }

        var body = AthleteBody(await researcher.GetOk($"/api/athletes/{ada}"));
        body["sex"] = "male";
        using (var sex = await researcher.PutJson($"/api/athletes/{ada}", body))
        {
            await AssertLocked(sex);
        }

        Assert.Equal(4, (await researcher.Violations(studyId)).Length);
    }

    [Fact]
    public async Task Withdrawn_athletes_data_are_no_longer_locked()
    {
        var (researcher, studyId, ada, cy, _, start) = await EnrolledCohort();
        using (var withdraw = await researcher.DeleteAsync($"/api/studies/{studyId}/enrolments/{ada}", TestContext.Current.CancellationToken))
        {
            await withdraw.AssertStatus(HttpStatusCode.NoContent);
        }

        var body = AthleteBody(await researcher.GetOk($"/api/athletes/{ada}"));
        body["sex"] = "male";
        body["birthDate"] = "1991-01-01";
        using (var put = await researcher.PutJson($"/api/athletes/{ada}", body))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        await researcher.CreateScreening(ada, Bodies.Screening("2025-09-01", RiskReports.HipExtension10()));
        await AdvanceDays(30, (researcher, ResearcherEmail));
        await researcher.LockData(studyId);
        await researcher.RecordInjury(ada, StudyApi.Injury(Iso(start.AddDays(10))));

        JsonAssert.Text("male", await researcher.GetOk($"/api/athletes/{ada}"), "sex");
        Assert.Equal(2, (await Screenings(researcher, ada)).Length);
        Assert.Single(await Injuries(researcher, ada));
        Assert.Empty(await researcher.Violations(studyId));

        // Cy is still in the study and still locked.
        using (var cyInjury = await researcher.PostJson($"/api/athletes/{cy}/injuries", StudyApi.Injury(Iso(start.AddDays(10)))))
        {
            await AssertLocked(cyInjury);
        }

        Assert.Single(await researcher.Violations(studyId));
    }

    [Fact]
    public async Task A_lock_in_one_study_guards_an_athlete_enrolled_in_another_still_being_set_up()
    {
        var (researcher, studyId, ada, _, _, _) = await EnrolledCohort();
        var second = await researcher.CreateStudy(StudyApi.Study("2025-09-01", "2025-09-30", title: "Second season"));
        await researcher.Enrol(second.Id(), ada, "2025-09-01");

        // The second study is not locked: it can still change, and enrol.
        using (var put = await researcher.PutJson($"/api/studies/{second.Id()}", StudyApi.Study("2025-09-01", "2025-09-20", title: "Second season")))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        // Ada's baseline is locked by the first study whatever the second says.
        using (var screening = await researcher.PostJson($"/api/athletes/{ada}/screenings", Bodies.Screening("2025-09-01", RiskReports.HipExtension10())))
        {
            await AssertLocked(screening);
        }

        Assert.Single(await researcher.Violations(studyId));
        Assert.Empty(await researcher.Violations(second.Id()));
    }
    [Fact]
    public async Task After_the_data_lock_injuries_after_the_follow_up_period_can_still_be_recorded()
    {
        // The study follows its athletes for 180 days from 2025-09-01 (to 2026-02-28). The data lock freezes that
        // period; the athletes keep training and getting injured afterwards, and their coach must be able to log it.
        var (researcher, studyId, ada, _, _, start) = await EnrolledCohort();
        await AdvanceDays(200, (researcher, ResearcherEmail));
        await researcher.LockData(studyId);
        await AdvanceDays(200, (researcher, ResearcherEmail));
        var nextSeason = Iso(start.AddDays(380));

        using var response = await researcher.PostJson($"/api/athletes/{ada}/injuries", StudyApi.Injury(nextSeason));

        await response.AssertStatus(HttpStatusCode.Created);
        Assert.Empty(await researcher.Violations(studyId));
    }

    [Fact]
    public async Task An_enrolment_attempt_after_the_lock_is_refused_as_locked_and_recorded_even_when_incomplete()
    {
        // TRUST.md: after the lock every edit fails and the attempt is logged. An attempt without the consent box
        // (or for an athlete already in the study) is still an attempt to change the locked enrolment list.
        var (researcher, studyId, ada, _, eve, _) = await EnrolledCohort();

        using (var noConsent = await researcher.PostJson($"/api/studies/{studyId}/enrolments", StudyApi.Enrolment(eve, "2025-09-01", consentGiven: false)))
        {
            await AssertLocked(noConsent);
        }

        using (var again = await researcher.PostJson($"/api/studies/{studyId}/enrolments", StudyApi.Enrolment(ada, "2025-09-01")))
        {
            await AssertLocked(again);
        }

        Assert.Equal(2, (await researcher.Violations(studyId)).Length);
    }
}
