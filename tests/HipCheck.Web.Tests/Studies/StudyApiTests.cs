using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Studies;

/// <summary>
/// Studies (issue 4 item 2): who may run them, what a valid study is, enrolment with consent, pseudonymous
/// codes and withdrawal. Today is 2025-09-01 on the app's clock.
/// </summary>
public partial class StudyApiTests : ClockedTest
{
    private JsonObject ValidStudy() => StudyApi.Study(Day(-7), Day(14));

    private async Task<HttpClient> Researcher() => await App.RegisterAndLogin(ResearcherEmail, role: "researcher");

    [Fact]
    public async Task Researcher_creates_a_study_and_reads_it_back()
    {
        var researcher = await Researcher();

        using var response = await researcher.PostJson("/api/studies", StudyApi.Study("2025-08-25", "2025-09-15", followUpDays: 365, exposureThresholdPercent: 12.5));

        await response.AssertStatus(HttpStatusCode.Created);
        var study = await response.Body();
        Assert.Equal($"/api/studies/{study.Id()}", response.Headers.Location?.OriginalString);
        JsonAssert.Text("Hip asymmetry and low back pain", study, "title");
        JsonAssert.Text("prospective-cohort", study, "design");
        JsonAssert.Text("lbp-treated-non-traumatic", study, "eventCode");
        JsonAssert.Text("2025-08-25", study, "baselineStart");
        JsonAssert.Text("2025-09-15", study, "baselineEnd");
        Assert.Equal(365, study.GetProperty("followUpDays").GetInt32());
        JsonAssert.Number(12.5, study, "exposureThresholdPercent");
        JsonAssert.Text("set-up", study, "status");
        JsonAssert.Null(study, "followUpStart");
        JsonAssert.Null(study, "baselineLockedUtc");
        JsonAssert.Null(study, "dataLockedUtc");
        Assert.Equal(0, study.GetProperty("enrolled").GetInt32());

        Assert.True(JsonElement.DeepEquals(study, await researcher.GetOk($"/api/studies/{study.Id()}")));
        var list = (await researcher.GetOk("/api/studies")).Items();
        Assert.Single(list);
        Assert.Equal(study.Id(), list[0].Id());
        var audit = await researcher.Audit(study.Id());
        Assert.Equal(["created"], audit.Select(e => e.Text("action")));
    }

    [Theory]
    [InlineData("retrospective-case-control", "patellofemoral-pain")]
    [InlineData("prospective-cohort", "it-band-syndrome")]
    [InlineData("prospective-cohort", "overuse-time-loss")]
    public async Task Every_design_and_event_is_accepted(string design, string eventCode)
    {
        var researcher = await Researcher();

        var study = await researcher.CreateStudy(StudyApi.Study(Day(-7), Day(14), design: design, eventCode: eventCode));

        JsonAssert.Text(design, study, "design");
        JsonAssert.Text(eventCode, study, "eventCode");
    }

    [Fact]
    public async Task Exposure_threshold_defaults_to_15_percent()
    {
        var researcher = await Researcher();

        var study = await researcher.CreateStudy(StudyApi.Study(Day(-7), Day(14), exposureThresholdPercent: null));

        JsonAssert.Number(15, study, "exposureThresholdPercent");
    }

    public static TheoryData<string, string, string?> InvalidStudies => new()
    {
        // field named, property changed, new JSON value (null removes the property)
        { "title", "title", null },
        { "title", "title", "\"   \"" },
        { "title", "title", $"\"{new string('t', 151)}\"" },
        { "design", "design", null },
        { "design", "design", "\"randomised-trial\"" },
        { "eventCode", "eventCode", null },
        { "eventCode", "eventCode", "\"sore-toe\"" },
        { "baselineStart", "baselineStart", null },
        { "baselineEnd", "baselineEnd", null },
        { "baselineEnd", "baselineEnd", "\"2025-08-24\"" }, // before the start (2025-08-25)
        { "baselineEnd", "baselineEnd", "\"2026-08-27\"" }, // 367 days after the start
        { "followUpDays", "followUpDays", null },
        { "followUpDays", "followUpDays", "6" },
        { "followUpDays", "followUpDays", "1096" },
        { "followUpDays", "followUpDays", "-30" },
        { "exposureThresholdPercent", "exposureThresholdPercent", "0" },
        { "exposureThresholdPercent", "exposureThresholdPercent", "-5" },
        { "exposureThresholdPercent", "exposureThresholdPercent", "100" },
    };

    [Theory]
    [MemberData(nameof(InvalidStudies))]
    public async Task Each_invalid_study_field_is_named_and_nothing_is_stored(string field, string property, string? json)
    {
        var researcher = await Researcher();
        var body = StudyApi.Study("2025-08-25", "2025-09-15");
        body.Remove(property);
        if (json is not null)
        {
            body[property] = JsonNode.Parse(json);
        }

        using var response = await researcher.PostJson("/api/studies", body);

        var errors = await response.AssertFieldErrors(field);
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Empty((await researcher.GetOk("/api/studies")).Items());
    }

    [Theory]
    [InlineData("2025-08-25", 7)]
    [InlineData("2025-08-25", 1095)]
    [InlineData("2026-08-26", 180)] // a window of exactly 366 days
    [InlineData("2025-08-25", 365)] // a one-day window
    public async Task Limits_of_the_window_and_the_follow_up_are_accepted(string baselineEnd, int followUpDays)
    {
        var researcher = await Researcher();
        var body = StudyApi.Study("2025-08-25", baselineEnd, followUpDays: followUpDays);

        var study = await researcher.CreateStudy(body);

        JsonAssert.Text(baselineEnd, study, "baselineEnd");
        Assert.Equal(followUpDays, study.GetProperty("followUpDays").GetInt32());
    }

    [Fact]
    public async Task Study_definition_can_change_before_the_lock_and_the_change_is_audited()
    {
        var researcher = await Researcher();
        var study = await researcher.CreateStudy(ValidStudy());

        using var response = await researcher.PutJson($"/api/studies/{study.Id()}", StudyApi.Study(Day(-3), Day(30), title: "Renamed", followUpDays: 300, eventCode: "overuse-time-loss"));

        await response.AssertStatus(HttpStatusCode.OK);
        var changed = await researcher.GetOk($"/api/studies/{study.Id()}");
        JsonAssert.Text("Renamed", changed, "title");
        JsonAssert.Text("overuse-time-loss", changed, "eventCode");
        JsonAssert.Text(Day(30), changed, "baselineEnd");
        Assert.Equal(300, changed.GetProperty("followUpDays").GetInt32());
        Assert.Equal(["created", "changed"], (await researcher.Audit(study.Id())).Select(e => e.Text("action")));

        using var invalid = await researcher.PutJson($"/api/studies/{study.Id()}", StudyApi.Study(Day(30), Day(-3)));
        await invalid.AssertFieldErrors("baselineEnd");
        Assert.True(JsonElement.DeepEquals(changed, await researcher.GetOk($"/api/studies/{study.Id()}")));
    }

    [Theory]
    [InlineData("runner")]
    [InlineData("coach")]
    public async Task Runners_and_coaches_get_403_on_every_study_route(string role)
    {
        var researcher = await Researcher();
        var study = await researcher.CreateStudy(ValidStudy());
        var member = await App.RegisterAndLogin($"{role}@example.org", role: role);

        foreach (var response in await EveryRoute(member, study.Id(), Guid.NewGuid().ToString()))
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                    $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: expected 403, got {(int)response.StatusCode}");
            }
        }

        Assert.Equal("set-up", (await researcher.GetOk($"/api/studies/{study.Id()}")).Text("status"));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_study_route()
    {
        var researcher = await Researcher();
        var study = await researcher.CreateStudy(ValidStudy());

        foreach (var response in await EveryRoute(App.Anonymous(), study.Id(), Guid.NewGuid().ToString()))
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized,
                    $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: expected 401, got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Another_researcher_gets_404_on_every_route_of_the_study_and_changes_nothing()
    {
        var researcher = await Researcher();
        var athleteId = (await researcher.CreateAthlete(Bodies.Athlete(name: "Ada Lovelace"))).Id();
        var study = await researcher.CreateStudy(ValidStudy());
        await researcher.Enrol(study.Id(), athleteId, Day(0));
        var before = await researcher.Audit(study.Id());
        var other = await App.RegisterAndLogin("other.researcher@example.org", role: "researcher");

        foreach (var response in await EveryRoute(other, study.Id(), athleteId, collection: false))
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.NotFound,
                    $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: expected 404, got {(int)response.StatusCode}");
                Assert.DoesNotContain("Ada", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }
        }

        Assert.Empty((await other.GetOk("/api/studies")).Items());
        var after = await researcher.GetOk($"/api/studies/{study.Id()}");
        JsonAssert.Text("set-up", after, "status");
        Assert.Equal(1, after.GetProperty("enrolled").GetInt32());
        Assert.Null((await researcher.Enrolments(study.Id()))[0].GetProperty("withdrawnUtc").GetString());
        Assert.Equal(before.Length, (await researcher.Audit(study.Id())).Length);
    }

    /// <summary>Calls every study route once (state-changing ones with valid bodies); the collection routes too unless told.</summary>
    private async Task<List<HttpResponseMessage>> EveryRoute(HttpClient client, string studyId, string athleteId, bool collection = true)
    {
        var ct = TestContext.Current.CancellationToken;
        var responses = new List<HttpResponseMessage>();
        if (collection)
        {
            responses.Add(await client.Get("/api/studies"));
            responses.Add(await client.PostJson("/api/studies", ValidStudy()));
        }

        return
        [
            .. responses,
            await client.Get($"/api/studies/{studyId}"),
            await client.PutJson($"/api/studies/{studyId}", ValidStudy()),
            await client.Get($"/api/studies/{studyId}/enrolments"),
            await client.PostJson($"/api/studies/{studyId}/enrolments", StudyApi.Enrolment(athleteId, Day(0))),
            await client.DeleteAsync($"/api/studies/{studyId}/enrolments/{athleteId}", ct),
            await client.PostAsync($"/api/studies/{studyId}/lock-baseline", null, ct),
            await client.PostAsync($"/api/studies/{studyId}/lock-data", null, ct),
            await client.Get($"/api/studies/{studyId}/audit"),
        ];
    }

    [Fact]
    public async Task Researcher_adds_athletes_through_a_team_like_a_coach()
    {
        var researcher = await Researcher();

        var first = await researcher.CreateAthlete(Bodies.Athlete(name: "Ada"));
        var team = await researcher.CreateTeam("Study cohort");
        var second = await researcher.CreateAthlete(Bodies.Athlete(name: "Cy").InTeam(team.Id()));

        Assert.Equal(JsonValueKind.String, first.GetProperty("teamId").ValueKind);
        JsonAssert.Text(team.Id(), second, "teamId");
        Assert.Equal(2, (await researcher.GetOk("/api/athletes")).Items().Length);
    }

    [Fact]
    public async Task Enrolment_records_consent_and_gives_a_pseudonymous_code()
    {
        var researcher = await Researcher();
        var athleteId = (await researcher.CreateAthlete(Bodies.Athlete(name: "Ada Lovelace"))).Id();
        var study = await researcher.CreateStudy(ValidStudy());

        using var response = await researcher.PostJson($"/api/studies/{study.Id()}/enrolments", StudyApi.Enrolment(athleteId, "2025-08-30"));

        await response.AssertStatus(HttpStatusCode.NoContent);
        var enrolment = Assert.Single(await researcher.Enrolments(study.Id()));
        JsonAssert.Text(athleteId, enrolment, "athleteId");
        JsonAssert.Text("Ada Lovelace", enrolment, "name");
        JsonAssert.Text("2025-08-30", enrolment, "consentDate");
        JsonAssert.Null(enrolment, "withdrawnUtc");
        Assert.Matches(CodePattern(), enrolment.Text("code"));
        Assert.Equal(1, (await researcher.GetOk($"/api/studies/{study.Id()}")).GetProperty("enrolled").GetInt32());
        var audit = await researcher.Audit(study.Id());
        Assert.Equal(["created", "enrolled"], audit.Select(e => e.Text("action")));
        Assert.Contains(athleteId, audit[1].Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_are_unique_and_look_like_HC_and_eight_unambiguous_characters()
    {
        var researcher = await Researcher();
        var study = await researcher.CreateStudy(ValidStudy());
        for (var i = 0; i < 30; i++)
        {
            var id = (await researcher.CreateAthlete(Bodies.Athlete(name: $"Athlete {i}"))).Id();
            await researcher.Enrol(study.Id(), id, Day(0));
        }

        var codes = (await researcher.Enrolments(study.Id())).Select(e => e.Text("code")).ToList();

        Assert.Equal(30, codes.Count);
        Assert.Equal(30, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches(CodePattern(), c));
    }

    public static TheoryData<string, bool?, bool, bool> InvalidEnrolments => new()
    {
        // field named, consentGiven, send consent date?, date in the future?
        { "consentGiven", false, true, false },
        { "consentGiven", null, true, false },
        { "consentDate", true, false, false },
        { "consentDate", true, true, true },
    };

    [Theory]
    [MemberData(nameof(InvalidEnrolments))]
    public async Task Enrolment_without_recorded_consent_is_400_and_enrols_no_one(string field, bool? consentGiven, bool sendDate, bool future)
    {
        var researcher = await Researcher();
        var athleteId = (await researcher.CreateAthlete()).Id();
        var study = await researcher.CreateStudy(ValidStudy());
        var date = sendDate ? (future ? Day(2) : Day(0)) : null;

        using var response = await researcher.PostJson($"/api/studies/{study.Id()}/enrolments", StudyApi.Enrolment(athleteId, date, consentGiven));

        var errors = await response.AssertFieldErrors(field);
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Empty(await researcher.Enrolments(study.Id()));
        Assert.Equal(["created"], (await researcher.Audit(study.Id())).Select(e => e.Text("action")));
    }

    [Fact]
    public async Task Enrolment_needs_an_athlete_the_researcher_can_see()
    {
        var researcher = await Researcher();
        var study = await researcher.CreateStudy(ValidStudy());
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var coachesAthlete = (await coach.CreateAthlete()).Id();
        var runner = await App.RegisterAndLogin("ann@example.org");
        var runnersOwn = (await runner.CreateAthlete()).Id();

        foreach (var athleteId in new[] { coachesAthlete, runnersOwn, Guid.NewGuid().ToString(), null })
        {
            using var response = await researcher.PostJson($"/api/studies/{study.Id()}/enrolments", StudyApi.Enrolment(athleteId, Day(0)));
            await response.AssertFieldErrors("athleteId");
        }

        Assert.Empty(await researcher.Enrolments(study.Id()));
    }

    [Fact]
    public async Task Enrolling_the_same_athlete_twice_is_400_and_keeps_one_enrolment()
    {
        var researcher = await Researcher();
        var athleteId = (await researcher.CreateAthlete()).Id();
        var study = await researcher.CreateStudy(ValidStudy());
        await researcher.Enrol(study.Id(), athleteId, Day(0));

        using var again = await researcher.PostJson($"/api/studies/{study.Id()}/enrolments", StudyApi.Enrolment(athleteId, Day(0)));

        await again.AssertFieldErrors("athleteId");
        Assert.Single(await researcher.Enrolments(study.Id()));
    }

    [Fact]
    public async Task One_athlete_can_be_in_two_studies_with_different_codes()
    {
        var researcher = await Researcher();
        var athleteId = (await researcher.CreateAthlete()).Id();
        var first = await researcher.CreateStudy(ValidStudy());
        var second = await researcher.CreateStudy(StudyApi.Study(Day(-7), Day(14), title: "Second"));

        await researcher.Enrol(first.Id(), athleteId, Day(0));
        await researcher.Enrol(second.Id(), athleteId, Day(0));

        Assert.NotEqual((await researcher.Enrolments(first.Id()))[0].Text("code"), (await researcher.Enrolments(second.Id()))[0].Text("code"));
    }

    [Fact]
    public async Task Withdrawal_works_before_and_after_the_lock_and_is_audited()
    {
        var researcher = await Researcher();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await researcher.CreateAthlete(Bodies.Athlete(name: $"Athlete {i}"))).Id());
        }

        var study = await researcher.CreateStudy(ValidStudy());
        foreach (var id in ids)
        {
            await researcher.Enrol(study.Id(), id, Day(0));
        }

        var codes = (await researcher.Enrolments(study.Id())).ToDictionary(e => e.Text("athleteId"), e => e.Text("code"));
        var ct = TestContext.Current.CancellationToken;

        using (var before = await researcher.DeleteAsync($"/api/studies/{study.Id()}/enrolments/{ids[0]}", ct))
        {
            await before.AssertStatus(HttpStatusCode.NoContent);
        }

        await researcher.LockBaseline(study.Id());
        Clock.Advance(TimeSpan.FromMinutes(10));
        using (var after = await researcher.DeleteAsync($"/api/studies/{study.Id()}/enrolments/{ids[1]}", ct))
        {
            await after.AssertStatus(HttpStatusCode.NoContent);
        }

        using (var twice = await researcher.DeleteAsync($"/api/studies/{study.Id()}/enrolments/{ids[1]}", ct))
        {
            await twice.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var stranger = await researcher.DeleteAsync($"/api/studies/{study.Id()}/enrolments/{Guid.NewGuid()}", ct))
        {
            await stranger.AssertStatus(HttpStatusCode.NotFound);
        }

        var enrolments = (await researcher.Enrolments(study.Id())).ToDictionary(e => e.Text("athleteId"));
        Assert.Equal(3, enrolments.Count); // withdrawn athletes stay listed, with the date
        Assert.Equal(JsonValueKind.String, enrolments[ids[0]].GetProperty("withdrawnUtc").ValueKind);
        Assert.Equal(JsonValueKind.String, enrolments[ids[1]].GetProperty("withdrawnUtc").ValueKind);
        JsonAssert.Null(enrolments[ids[2]], "withdrawnUtc");
        Assert.Equal(1, (await researcher.GetOk($"/api/studies/{study.Id()}")).GetProperty("enrolled").GetInt32());

        var withdrawals = (await researcher.Audit(study.Id())).Where(e => e.Text("action") == "withdrawn").ToList();
        Assert.Equal(2, withdrawals.Count);
        Assert.Contains(ids[0], withdrawals[0].Text("detail"), StringComparison.Ordinal);
        Assert.Contains(codes[ids[0]], withdrawals[0].Text("detail"), StringComparison.Ordinal);
        Assert.Contains(ids[1], withdrawals[1].Text("detail"), StringComparison.Ordinal);
        Assert.Empty(await researcher.Violations(study.Id()));
    }

    [Fact]
    public async Task Audit_entries_name_the_researcher_and_carry_the_app_clock()
    {
        var researcher = await Researcher();
        var study = await researcher.CreateStudy(ValidStudy());

        var entry = Assert.Single(await researcher.Audit(study.Id()));

        Assert.Equal(Clock.GetUtcNow().UtcDateTime, entry.GetProperty("utc").GetDateTime().ToUniversalTime());
        Assert.False(string.IsNullOrEmpty(entry.Text("userId")));
    }

    [GeneratedRegex("^HC-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$")]
    private static partial Regex CodePattern();
}
