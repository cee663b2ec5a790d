using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Studies;
using HipCheck.Web.Tests.Articles;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Privacy;

/// <summary>"Your data is yours" (TRUST.md, GDPR Art. 15, 17, 20): the export holds every row; erasure leaves only the documented exceptions.</summary>
public class MemberDataTests : ApiTest
{
    private static string Today(int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> Db<T>(Func<HipCheckDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HipCheckDb>());
    }

    private async Task<string> UserIdOf(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<ZipArchive> Zip(HttpResponseMessage response)
    {
        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Data rows of a CSV in the archive (header excluded; no field in these fixtures holds a line break).</summary>
    private static string[] CsvRows(ZipArchive zip, string name) =>
        Read(zip, name).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToArray();

    [Fact]
    public async Task The_export_holds_every_row_of_the_members_data_as_json_and_csv_with_a_readme()
    {
        var researcher = await App.RegisterAndLogin("res@example.org", role: "researcher");
        var id = await UserIdOf("res@example.org");
        var first = (await researcher.CreateAthlete(Bodies.Athlete(name: "First Athlete"))).Id();
        var second = (await researcher.CreateAthlete(Bodies.Athlete(name: "Second Athlete", sex: "male"))).Id();
        await researcher.CreateScreening(first, Bodies.Screening(Today(-2), Bodies.HipExtension([200, 210, 220], [180, 190, 200]), Bodies.BackExtension(80)));
        await researcher.CreateScreening(second);
        await researcher.RecordInjury(first, StudyApi.Injury(Today(-1)));
        using (var programme = await researcher.PostJson($"/api/athletes/{first}/programme", new JsonObject()))
        {
            await programme.AssertStatus(HttpStatusCode.Created);
            var programmeId = (await programme.Body()).Id();
            using var session = await researcher.PostJson($"/api/programmes/{programmeId}/sessions", new { date = Today(), status = "done", exercises = Array.Empty<object>() });
            Assert.True(session.IsSuccessStatusCode, await session.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var study = (await researcher.CreateStudy(StudyApi.Study(Today(-5), Today(20)))).Id();
        await researcher.Enrol(study, first, Today(-1), retainOnWithdrawal: true);
        await researcher.Comment("A comment of mine");
        var cookie = await App.LogInWithCookie("res@example.org");
        using (var lesson = await cookie.PostForm("/Members/Course/why-runners-get-injured", "/Members/Course/why-runners-get-injured?handler=Done", new Dictionary<string, string>()))
        {
            Assert.True((int)lesson.StatusCode is 200 or 302, $"lesson: {(int)lesson.StatusCode}");
        }

        // From the member area's button (cookie) and from the API (bearer): the same archive.
        using var zip = await Zip(await cookie.Get("/api/me/export"));
        using var viaApi = await Zip(await researcher.Get("/api/me/export"));
        Assert.Equal(zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal), viaApi.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var expected = new Dictionary<string, int>
        {
            ["athletes.csv"] = await Db(db => db.Athletes.CountAsync(a => a.Team!.CoachUserId == id)),
            ["teams.csv"] = await Db(db => db.Teams.CountAsync(t => t.CoachUserId == id)),
            ["screenings.csv"] = await Db(db => db.Screenings.CountAsync(s => s.Athlete!.Team!.CoachUserId == id)),
            ["screening_tests.csv"] = await Db(db => db.ScreeningTests.CountAsync(t => db.Screenings.Any(s => s.Id == t.ScreeningId && s.Athlete!.Team!.CoachUserId == id))),
            ["injuries.csv"] = await Db(db => db.Injuries.CountAsync(i => i.Athlete!.Team!.CoachUserId == id)),
            ["programmes.csv"] = await Db(db => db.Programmes.CountAsync(p => p.Athlete!.Team!.CoachUserId == id)),
            ["workout_sessions.csv"] = await Db(db => db.WorkoutSessions.CountAsync(s => db.Programmes.Any(p => p.Id == s.ProgrammeId && p.Athlete!.Team!.CoachUserId == id))),
            ["consents.csv"] = await Db(db => db.Enrolments.CountAsync(e => e.Athlete!.Team!.CoachUserId == id)),
            ["studies.csv"] = await Db(db => db.Studies.CountAsync(s => s.OwnerUserId == id)),
            ["comments.csv"] = await Db(db => db.ArticleComments.CountAsync(c => c.AuthorUserId == id)),
            ["course_progress.csv"] = await Db(db => db.LessonCompletions.CountAsync(c => c.UserId == id)),
            ["profile.csv"] = 1,
        };
        Assert.Equal([2, 1, 2, 3, 1, 1, 1, 1, 1, 1, 1, 1], expected.Values.ToArray());
        foreach (var (file, count) in expected)
        {
            Assert.True(CsvRows(zip, file).Length == count, $"{file}: {CsvRows(zip, file).Length} rows, the database holds {count}");
        }

        using var json = JsonDocument.Parse(Read(zip, "data.json"));
        var data = json.RootElement;
        Assert.Equal("res@example.org", data.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(2, data.GetProperty("athletes").GetArrayLength());
        var screening = data.GetProperty("screenings").EnumerateArray().Single(s => s.GetProperty("athleteId").GetString() == first);
        var hipExtension = screening.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("testCode").GetString() == "hip-extension");
        Assert.Equal([200.0, 210, 220], hipExtension.GetProperty("leftTrials").EnumerateArray().Select(v => v.GetDouble()));
        Assert.True(data.GetProperty("consents")[0].GetProperty("retainOnWithdrawal").GetBoolean());
        Assert.Equal("A comment of mine", data.GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Equal(1, data.GetProperty("workoutSessions").GetArrayLength());
        Assert.Equal(1, data.GetProperty("courseProgress").GetArrayLength());
        Assert.Contains(CsvRows(zip, "screening_tests.csv"), row => row.Contains("200;210;220", StringComparison.Ordinal));

        var readme = Read(zip, "README.txt");
        foreach (var file in expected.Keys.Append("data.json"))
        {
            Assert.Contains(file, readme, StringComparison.Ordinal);
            Assert.NotNull(zip.GetEntry(file));
        }
    }

    [Fact]
    public async Task Deleting_the_account_leaves_no_row_of_the_member_except_the_documented_exceptions()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var id = await UserIdOf("ann@example.org");
        var athleteId = (await runner.CreateAthlete(Bodies.Athlete(name: "Ann Erasable"))).Id();
        await runner.CreateScreening(athleteId, Bodies.Screening(Today(-2), Bodies.HipExtension([200, 210], [190, 195])));
        await runner.RecordInjury(athleteId, StudyApi.Injury(Today(-1)));
        using (var programme = await runner.PostJson($"/api/athletes/{athleteId}/programme", new JsonObject()))
        {
            await programme.AssertStatus(HttpStatusCode.Created);
        }

        var comment = (await runner.Comment("Thoughts of Ann", displayName: "Ann E.")).Id();
        var other = await App.RegisterAndLogin("bob@example.org");
        await other.Comment("A reply to Ann", parentId: comment);

        // Re-authentication: without the right password nothing happens.
        foreach (var body in new object[] { new { password = "wrong-Passw0rd!" }, new { } })
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent(body) };
            using var refused = await runner.SendAsync(request, TestContext.Current.CancellationToken);
            await refused.AssertStatus(HttpStatusCode.Forbidden);
        }

        Assert.Equal(1, await Db(db => db.Athletes.CountAsync(a => a.OwnerUserId == id)));

        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent(new { password = HipCheckApp.Password }) })
        using (var deleted = await runner.SendAsync(request, TestContext.Current.CancellationToken))
        {
            await deleted.AssertStatus(HttpStatusCode.NoContent);
        }

        var guid = Guid.Parse(athleteId);
        Assert.Equal(0, await Db(db => db.Users.CountAsync(u => u.Id == id)));
        Assert.Equal(0, await Db(db => db.Athletes.CountAsync(a => a.Id == guid)));
        Assert.Equal(0, await Db(db => db.Screenings.CountAsync(s => s.AthleteId == guid)));
        Assert.Equal(0, await Db(db => db.ScreeningTests.CountAsync()));
        Assert.Equal(0, await Db(db => db.Injuries.CountAsync(i => i.AthleteId == guid)));
        Assert.Equal(0, await Db(db => db.Programmes.CountAsync(p => p.AthleteId == guid)));
        Assert.Equal(0, await Db(db => db.CommenterProfiles.CountAsync(p => p.UserId == id)));
        Assert.Equal(0, await Db(db => db.ArticleComments.CountAsync(c => c.AuthorUserId == id)));

        // Exception 1: the comment stays, anonymised, and the reply keeps its parent.
        var comments = await App.Anonymous().GetOk(ArticleFixtures.CommentsPath);
        var kept = comments.Items().Single(c => c.Id() == comment);
        Assert.Equal("Former member", kept.GetProperty("author").GetString());
        Assert.Equal("A reply to Ann", kept.GetProperty("replies")[0].GetProperty("text").GetString());

        // Exception 2: the audit trail keeps its entries, a tombstone added, with no name or email in any of them.
        var audit = await Db(db => db.Audit.AsNoTracking().ToListAsync());
        Assert.Contains(audit, e => e.EntityType == "Athlete" && e.EntityId == athleteId && e.Action == "deleted");
        Assert.Contains(audit, e => e.EntityType == "ScreeningTest" && e.Action == "deleted" && e.AthleteId == guid);
        Assert.Contains(audit, e => e.EntityType == "Member" && e.EntityId == id && e.Action == "erased");
        foreach (var e in audit)
        {
            var text = $"{e.ActorUserId} {e.Before} {e.After}";
            Assert.DoesNotContain("Erasable", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ann@example.org", text, StringComparison.Ordinal);
        }

        // The account is gone: logging in fails.
        using var login = await App.Anonymous().PostJson("/api/auth/login", new { email = "ann@example.org", password = HipCheckApp.Password });
        await login.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Study_data_whose_consent_allows_retention_stays_pseudonymised_and_the_rest_is_erased()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete(Bodies.Athlete(name: "Ann Enrolled", birthDate: "1991-09-23"))).Id();
        await runner.CreateScreening(athleteId, Bodies.Screening(Today(-1), Bodies.HipExtension([200, 210], [190, 195])));
        var researcher = await App.RegisterAndLogin("res@example.org", role: "researcher");
        var keeps = (await researcher.CreateStudy(StudyApi.Study(Today(-5), Today(20), title: "Keeps data"))).Id();
        var forgets = (await researcher.CreateStudy(StudyApi.Study(Today(-5), Today(20), title: "Forgets data"))).Id();

        // A runner's own profile joins a study (no self-enrolment page exists yet: the consent is recorded directly).
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            var researcherId = await UserIdOf("res@example.org");
            foreach (var (study, retain, code) in new[] { (keeps, true, "HC-KEEPS234"), (forgets, false, "HC-FORGET56") })
            {
                db.Enrolments.Add(new Enrolment
                {
                    StudyId = Guid.Parse(study), AthleteId = Guid.Parse(athleteId), Code = code, ConsentDate = DateOnly.FromDateTime(DateTime.UtcNow),
                    ConsentRecordedByUserId = researcherId, EnrolledUtc = DateTime.UtcNow, RetainOnWithdrawal = retain,
                });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent(new { password = HipCheckApp.Password }) })
        using (var deleted = await runner.SendAsync(request, TestContext.Current.CancellationToken))
        {
            await deleted.AssertStatus(HttpStatusCode.NoContent);
        }

        var guid = Guid.Parse(athleteId);
        var athlete = await Db(db => db.Athletes.AsNoTracking().SingleAsync(a => a.Id == guid));
        Assert.Equal("Withdrawn participant HC-KEEPS234", athlete.Name);
        Assert.Equal(new DateOnly(1991, 7, 1), athlete.BirthDate);
        Assert.Null(athlete.OwnerUserId);
        Assert.Null(athlete.TeamId);
        Assert.Null(athlete.Sport);
        Assert.Equal(1, await Db(db => db.Screenings.CountAsync(s => s.AthleteId == guid)));

        var kept = Assert.Single(await researcher.Enrolments(keeps));
        Assert.Equal("HC-KEEPS234", kept.Text("code"));
        Assert.NotEqual(JsonValueKind.Null, kept.GetProperty("withdrawnUtc").ValueKind);
        Assert.DoesNotContain("Ann", kept.Text("name"), StringComparison.Ordinal);
        Assert.Empty(await researcher.Enrolments(forgets));
        Assert.Contains(await researcher.Audit(forgets), e => e.Text("action") == "erased" && e.Text("detail").Contains("HC-FORGET56", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_who_runs_studies_cannot_delete_the_account_and_an_unconfirmed_member_cannot_export_or_delete()
    {
        var researcher = await App.RegisterAndLogin("res@example.org", role: "researcher");
        await researcher.CreateStudy(StudyApi.Study(Today(-5), Today(20)));
        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent(new { password = HipCheckApp.Password }) })
        using (var refused = await researcher.SendAsync(request, TestContext.Current.CancellationToken))
        {
            await refused.AssertStatus(HttpStatusCode.Conflict);
        }

        Assert.Equal(1, await Db(db => db.Users.CountAsync(u => u.Email == "res@example.org")));

        var unconfirmed = await App.RegisterAndLogin("new@example.org", confirmEmail: false);
        using (var export = await unconfirmed.Get("/api/me/export"))
        {
            await export.AssertStatus(HttpStatusCode.Forbidden);
            Assert.Contains("Confirm your email address", await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent(new { password = HipCheckApp.Password }) })
        using (var refused = await unconfirmed.SendAsync(request, TestContext.Current.CancellationToken))
        {
            await refused.AssertStatus(HttpStatusCode.Forbidden);
        }

        Assert.Equal(1, await Db(db => db.Users.CountAsync(u => u.Email == "new@example.org")));
    }

    [Fact]
    public async Task The_delete_page_needs_the_password_and_the_typed_word_then_signs_out()
    {
        await App.RegisterAndLogin("ann@example.org");
        var browser = await App.LogInWithCookie("ann@example.org");
        using (var wrongWord = await browser.PostForm("/Account/Delete", "/Account/Delete", new Dictionary<string, string>
               {
                   ["Input.Password"] = HipCheckApp.Password, ["Input.Confirmation"] = "delete",
               }))
        {
            await wrongWord.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Type DELETE in capitals", await wrongWord.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var wrongPassword = await browser.PostForm("/Account/Delete", "/Account/Delete", new Dictionary<string, string>
               {
                   ["Input.Password"] = "Wr0ng!Password", ["Input.Confirmation"] = "DELETE",
               }))
        {
            Assert.Contains("The password is not right", await wrongPassword.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Equal(1, await Db(db => db.Users.CountAsync(u => u.Email == "ann@example.org")));
        using (var done = await browser.PostForm("/Account/Delete", "/Account/Delete", new Dictionary<string, string>
               {
                   ["Input.Password"] = HipCheckApp.Password, ["Input.Confirmation"] = "DELETE",
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }

        Assert.Equal(0, await Db(db => db.Users.CountAsync(u => u.Email == "ann@example.org")));
        using var members = await browser.Get("/Members");
        Assert.Equal(HttpStatusCode.Redirect, members.StatusCode);
        Assert.Contains("/Account/Login", members.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delete_form_without_its_antiforgery_token_answers_400_and_deletes_nothing()
    {
        await App.RegisterAndLogin("ann@example.org");
        var browser = await App.LogInWithCookie("ann@example.org");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Password"] = HipCheckApp.Password, ["Input.Confirmation"] = "DELETE",
        });
        using var response = await browser.PostAsync("/Account/Delete", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await Db(db => db.Users.CountAsync(u => u.Email == "ann@example.org")));
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
