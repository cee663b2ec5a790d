using System.Data.Common;
using System.Net;
using System.Text.Json;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Audit;
using HipCheck.Web.Data;
using HipCheck.Web.Tests.Articles;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Audit;

/// <summary>"Changes are traceable" (TRUST.md): every create, change and delete of health data, with who, when and before/after.</summary>
public class AuditTrailTests : ApiTest
{
    private static string Today(int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> UserIdOf(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    private static JsonElement[] Entries(JsonElement history, string entity, string action) =>
        [.. history.Items().Where(e => e.Text("entityType") == entity && e.Text("action") == action)];

    [Fact]
    public async Task Every_write_to_an_athletes_records_is_recorded_with_who_when_and_before_and_after()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var runnerId = await UserIdOf("ann@example.org");
        var before = DateTime.UtcNow.AddSeconds(-1);
        var athleteId = (await runner.CreateAthlete(Bodies.Athlete(name: "Ann Secretname", bodyMassKg: 60))).Id();
        using (var put = await runner.PutJson($"/api/athletes/{athleteId}", Bodies.Athlete(name: "Ann Secretname", bodyMassKg: 61.5)))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var screeningId = (await runner.CreateScreening(athleteId, Bodies.Screening(Today(-1), Bodies.HipExtension([200, 210, 220], [180, 190, 200])))).Id();
        var injuryId = (await runner.RecordInjury(athleteId, StudyApi.Injury(Today(-3), diagnosisText: "first words"))).Id();
        using (var put = await runner.PutJson($"/api/injuries/{injuryId}", StudyApi.Injury(Today(-3), diagnosisText: "second words")))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var history = await runner.GetOk($"/api/athletes/{athleteId}/history");

        // One entry per write: athlete created and changed, screening and its one test created, injury created and changed.
        Assert.Equal(
            ["Athlete created", "Athlete changed", "Screening created", "ScreeningTest created", "Injury created", "Injury changed"],
            history.Items().Select(e => $"{e.Text("entityType")} {e.Text("action")}").ToArray());
        foreach (var e in history.Items())
        {
            Assert.Equal(runnerId, e.Text("actorUserId"));
            Assert.Equal("runner", e.Text("actorRole"));
            var utc = e.GetProperty("utc").GetDateTime();
            Assert.InRange(utc, before, DateTime.UtcNow.AddSeconds(1));
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
        }

        var changed = Entries(history, "Athlete", "changed").Single();
        Assert.Equal(athleteId, changed.Text("entityId"));
        Assert.Equal(["bodyMassKg", "updatedUtc"], changed.GetProperty("changed").EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(60, changed.GetProperty("before").GetProperty("bodyMassKg").GetDouble());
        Assert.Equal(61.5, changed.GetProperty("after").GetProperty("bodyMassKg").GetDouble());

        var test = Entries(history, "ScreeningTest", "created").Single();
        Assert.Equal(JsonValueKind.Null, test.GetProperty("before").ValueKind);
        Assert.Equal([200.0, 210, 220], test.GetProperty("after").GetProperty("leftTrials").EnumerateArray().Select(x => x.GetDouble()).ToArray());
        Assert.Equal([180.0, 190, 200], test.GetProperty("after").GetProperty("rightTrials").EnumerateArray().Select(x => x.GetDouble()).ToArray());
        Assert.Equal(screeningId, test.GetProperty("after").GetProperty("screeningId").GetString());

        var injury = Entries(history, "Injury", "changed").Single();
        Assert.Equal(injuryId, injury.Text("entityId"));
        Assert.Equal("first words", injury.GetProperty("before").GetProperty("diagnosisText").GetString());
        Assert.Equal("second words", injury.GetProperty("after").GetProperty("diagnosisText").GetString());

        // The name never enters the audit trail (erasure must not leave it behind).
        Assert.DoesNotContain("Secretname", history.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(AuditInterceptor.NotKept, Entries(history, "Athlete", "created").Single().GetProperty("after").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Each_records_latest_snapshot_rebuilds_the_live_record()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var athleteId = (await coach.CreateAthlete(Bodies.Athlete(bodyMassKg: 70, heightCm: 180))).Id();
        foreach (var mass in new[] { 71.0, 72.5, 69.8 })
        {
            using var put = await coach.PutJson($"/api/athletes/{athleteId}", Bodies.Athlete(bodyMassKg: mass, heightCm: 180, sport: $"sport {mass}"));
            await put.AssertStatus(HttpStatusCode.OK);
        }

        await coach.CreateScreening(athleteId, Bodies.Screening(Today(-2), Bodies.HipExtension([300, 310], [250, 260]), Bodies.BackExtension(95)));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
        var ct = TestContext.Current.CancellationToken;
        var athlete = await db.Athletes.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(athleteId), ct);
        var tests = await db.ScreeningTests.AsNoTracking().Where(t => db.Screenings.Any(s => s.Id == t.ScreeningId && s.AthleteId == athlete.Id)).ToListAsync(ct);
        var audit = await db.Audit.AsNoTracking().Where(e => e.AthleteId == athlete.Id).OrderBy(e => e.Id).ToListAsync(ct);

        var latest = JsonDocument.Parse(audit.Last(e => e.EntityType == "Athlete").After!).RootElement;
        Assert.Equal(athlete.BodyMassKg, latest.GetProperty("bodyMassKg").GetDouble());
        Assert.Equal(athlete.Sport, latest.GetProperty("sport").GetString());
        Assert.Equal(athlete.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), latest.GetProperty("birthDate").GetString());
        Assert.Equal(athlete.UpdatedUtc, latest.GetProperty("updatedUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(4, audit.Count(e => e.EntityType == "Athlete"));

        Assert.Equal(2, tests.Count);
        foreach (var t in tests)
        {
            var snapshot = JsonDocument.Parse(audit.Single(e => e.EntityType == "ScreeningTest" && e.EntityId == t.Id.ToString()).After!).RootElement;
            Assert.Equal(t.LeftTrials, snapshot.GetProperty("leftTrials").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal(t.RightTrials, snapshot.GetProperty("rightTrials").EnumerateArray().Select(x => x.GetDouble()));
            Assert.Equal(t.Seconds, snapshot.GetProperty("seconds").ValueKind == JsonValueKind.Null ? null : snapshot.GetProperty("seconds").GetDouble());
        }
    }

    [Fact]
    public async Task Study_enrolment_and_consent_are_recorded_and_the_studys_researcher_reads_an_enrolled_athletes_history()
    {
        var researcher = await App.RegisterAndLogin("res@example.org", role: "researcher");
        var athleteId = (await researcher.CreateAthlete()).Id();
        var studyId = (await researcher.CreateStudy(StudyApi.Study(Today(-5), Today(20)))).Id();
        await researcher.Enrol(studyId, athleteId, Today(-1), retainOnWithdrawal: true);
        using (var withdraw = await researcher.DeleteAsync($"/api/studies/{studyId}/enrolments/{athleteId}", TestContext.Current.CancellationToken))
        {
            await withdraw.AssertStatus(HttpStatusCode.NoContent);
        }

        // Move the athlete to another coach's team: the researcher no longer coaches them, but still reads
        // their history as the researcher of the study they are enrolled in.
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var teamId = (await coach.CreateTeam("Other squad")).Id();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            var athlete = await db.Athletes.SingleAsync(a => a.Id == Guid.Parse(athleteId), TestContext.Current.CancellationToken);
            athlete.TeamId = Guid.Parse(teamId);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using (var page = await researcher.Get($"/api/athletes/{athleteId}"))
        {
            await page.AssertStatus(HttpStatusCode.NotFound);
        }

        var history = await researcher.GetOk($"/api/athletes/{athleteId}/history");
        var enrolled = Entries(history, "Enrolment", "created").Single();
        Assert.Equal($"{studyId}/{athleteId}", enrolled.Text("entityId"));
        Assert.Equal(studyId, enrolled.Text("studyId"));
        Assert.True(enrolled.GetProperty("after").GetProperty("retainOnWithdrawal").GetBoolean());
        Assert.Equal(Today(-1), enrolled.GetProperty("after").GetProperty("consentDate").GetString());
        var withdrawn = Entries(history, "Enrolment", "changed").Single();
        Assert.Equal(["withdrawnUtc"], withdrawn.GetProperty("changed").EnumerateArray().Select(x => x.GetString()).ToArray());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("before").GetProperty("withdrawnUtc").ValueKind);

        // The team move made outside a request is recorded with the system as the actor.
        var moved = Entries(history, "Athlete", "changed").Single();
        Assert.Equal((AuditEntry.SystemActor, AuditEntry.SystemActor), (moved.Text("actorUserId"), moved.Text("actorRole")));
        Assert.Equal(teamId, moved.GetProperty("after").GetProperty("teamId").GetString());

        // The study itself: created, by the researcher.
        var admin = await App.Admin("admin@example.org");
        var studies = await admin.GetOk($"/api/audit?entity=Study");
        var study = Assert.Single(studies.GetProperty("items").Items());
        Assert.Equal(studyId, study.Text("entityId"));
        Assert.Equal(("created", "researcher"), (study.Text("action"), study.Text("actorRole")));
    }

    [Fact]
    public async Task Strangers_get_404_and_the_admin_reads_every_athletes_history()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete()).Id();
        var stranger = await App.RegisterAndLogin("bob@example.org");
        var strangerCoach = await App.RegisterAndLogin("cora@example.org", role: "coach");
        var admin = await App.Admin("admin@example.org");

        foreach (var client in new[] { stranger, strangerCoach })
        {
            using var response = await client.Get($"/api/athletes/{athleteId}/history");
            await response.AssertStatus(HttpStatusCode.NotFound);
            using var audit = await client.Get("/api/audit");
            await audit.AssertStatus(HttpStatusCode.Forbidden);
        }

        using (var anonymous = await App.Anonymous().Get($"/api/athletes/{athleteId}/history"))
        {
            await anonymous.AssertStatus(HttpStatusCode.Unauthorized);
        }

        var history = await admin.GetOk($"/api/athletes/{athleteId}/history");
        Assert.Equal("Athlete created", $"{history.Items().Single().Text("entityType")} {history.Items().Single().Text("action")}");
    }

    [Fact]
    public async Task The_admins_audit_search_filters_by_entity_and_time_and_pages_newest_first()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        for (var i = 0; i < 5; i++)
        {
            await coach.CreateAthlete(Bodies.Athlete(name: $"Athlete {i}", bodyMassKg: 60 + i));
        }

        var admin = await App.Admin("admin@example.org");
        var page1 = await admin.GetOk("/api/audit?entity=Athlete&pageSize=2");
        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        var ids1 = page1.GetProperty("items").Items().Select(e => e.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(2, ids1.Length);
        Assert.True(ids1[0] > ids1[1], "newest first");
        var page3 = await admin.GetOk("/api/audit?entity=Athlete&pageSize=2&page=3");
        var last = Assert.Single(page3.GetProperty("items").Items());
        Assert.Equal(64.0 - 4, last.GetProperty("after").GetProperty("bodyMassKg").GetDouble());

        var future = DateTime.UtcNow.AddMinutes(5).ToString("O");
        var none = await admin.GetOk($"/api/audit?entity=Athlete&from={Uri.EscapeDataString(future)}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var past = DateTime.UtcNow.AddMinutes(-5).ToString("O");
        var all = await admin.GetOk($"/api/audit?from={Uri.EscapeDataString(past)}&to={Uri.EscapeDataString(future)}");
        Assert.Equal(5, all.GetProperty("total").GetInt32());

        using var bad = await admin.Get("/api/audit?pageSize=501");
        await bad.AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_audit_table_refuses_updates_and_deletes_in_the_app_and_in_the_database()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        await runner.CreateAthlete();
        var ct = TestContext.Current.CancellationToken;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();

        var entry = await db.Audit.FirstAsync(ct);
        entry.Action = "forged";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
        db.ChangeTracker.Clear();
        db.Audit.Remove(await db.Audit.FirstAsync(ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
        db.ChangeTracker.Clear();

        // Behind the app's back, the database's own triggers refuse.
        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'forged'", ct));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", ct));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "created", ct));
    }

    [Fact]
    public async Task The_history_page_shows_each_change_with_before_and_after()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete(Bodies.Athlete(bodyMassKg: 60))).Id();
        using (var put = await runner.PutJson($"/api/athletes/{athleteId}", Bodies.Athlete(bodyMassKg: 63.25)))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var browser = await App.LogInWithCookie("ann@example.org");
        using var page = await browser.Get($"/Athletes/{athleteId}/History");
        await page.AssertStatus(HttpStatusCode.OK);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var entries = document.QuerySelectorAll("li.audit-entry");
        Assert.Equal(["changed", "created"], entries.Select(e => e.GetAttribute("data-action")).ToArray());
        var row = entries[0].QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "bodyMassKg");
        Assert.Equal(["60", "63.25"], row.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Contains("Ada Runner", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
