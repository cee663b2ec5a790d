using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HipCheck.Web.Tests.Articles;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Import;

/// <summary>POST /api/teams/{id}/imports: a CSV into a team, all or nothing, idempotent, reported row by row.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private readonly HipCheckApp app = new();
    private HttpClient coach = null!;
    private string team = "";

    public const string Header =
        "athlete_id,name,sex,birth_date,body_mass_kg,height_cm,dominant_leg,date,test,unit,left_1,left_2,left_3,right_1,right_2,right_3,seconds\n";

    public const string ValidFile = Header
        + "C-17,Ada Runner,F,1994-05-01,58,167,right,2025-03-01,hip-extension,N,200,210,205,250,245,255,\n"
        + "C-17,,,,,,,2025-03-01,hip-abduction,kgf,20,21,,22,23,,\n"
        + "C-17,,,,,,,2025-03-01,back-extension-endurance,s,,,,,,,142\n"
        + "C-17,,,,59.5,,,2025-06-01,hip-extension,N,220,,,240,,,\n"
        + "C-42,Bo Runner,male,1990-01-02,72.5,180,left,2025-03-02,hip-external-rotation,lbf,30,31,,32,,,\n";

    public async ValueTask InitializeAsync()
    {
        coach = await app.RegisterAndLogin("coach@import.example.org", role: "coach");
        using var response = await coach.PostJson("/api/teams", new { name = "Harriers" });
        await response.AssertStatus(HttpStatusCode.Created);
        team = (await response.Body()).Id();
    }

    public async ValueTask DisposeAsync()
    {
        coach.Dispose();
        await app.DisposeAsync();
    }

    public static async Task<HttpResponseMessage> PostCsv(HttpClient client, string teamId, string csv, bool validOnly = false)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "screenings.csv");
        return await client.PostAsync($"/api/teams/{teamId}/imports{(validOnly ? "?validOnly=true" : "")}", content);
    }

    private async Task<JsonElement> Import(string csv, HttpStatusCode expected, bool validOnly = false)
    {
        using var response = await PostCsv(coach, team, csv, validOnly);
        await response.AssertStatus(expected);
        return await response.Body();
    }

    private static void Counts(JsonElement report, bool committed, int rows, int imported, int alreadyPresent, int rejected, int athletes, int screenings)
    {
        Assert.Equal(committed, report.GetProperty("committed").GetBoolean());
        Assert.Equal(
            (rows, imported, alreadyPresent, rejected, athletes, screenings),
            (report.GetProperty("rows").GetInt32(), report.GetProperty("imported").GetInt32(), report.GetProperty("alreadyPresent").GetInt32(),
                report.GetProperty("rejected").GetInt32(), report.GetProperty("athletesCreated").GetInt32(), report.GetProperty("screeningsCreated").GetInt32()));
    }

    private static string[] Errors(JsonElement report) =>
        [.. report.GetProperty("errors").EnumerateArray().Select(e =>
            $"{e.GetProperty("line").GetInt64()}|{(e.GetProperty("column").ValueKind == JsonValueKind.Null ? "" : e.GetProperty("column").GetString())}|{e.GetProperty("message").GetString()}")];

    private async Task<JsonElement[]> TeamAthletes() =>
        (await coach.GetOk("/api/athletes")).Items().OrderBy(a => a.GetProperty("name").GetString(), StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_valid_file_imports_every_row_with_exact_values_readable_through_the_screenings_api()
    {
        var report = await Import(ValidFile, HttpStatusCode.OK);

        Counts(report, committed: true, rows: 5, imported: 5, alreadyPresent: 0, rejected: 0, athletes: 2, screenings: 3);
        Assert.Empty(Errors(report));
        Assert.Equal("screening-csv", report.GetProperty("layout").GetString());

        var athletes = await TeamAthletes();
        Assert.Equal(["Ada Runner", "Bo Runner"], athletes.Select(a => a.GetProperty("name").GetString()));
        var ada = athletes[0];
        JsonAssert.Text("female", ada, "sex");
        JsonAssert.Text("1994-05-01", ada, "birthDate");
        JsonAssert.Number(58, ada, "bodyMassKg");
        JsonAssert.Number(167, ada, "heightCm");
        JsonAssert.Text("right", ada, "dominantLeg");

        var screenings = (await coach.GetOk($"/api/athletes/{ada.Id()}/screenings")).Items();
        Assert.Equal(["2025-06-01", "2025-03-01"], screenings.Select(s => s.GetProperty("date").GetString()));
        JsonAssert.Number(59.5, screenings[0], "bodyMassKg");
        var march = await coach.GetOk($"/api/screenings/{screenings[1].Id()}");
        JsonAssert.Number(58, march, "bodyMassKg");
        var extension = march.Result("hip-extension");
        Assert.Equal([200.0, 210, 205], JsonAssert.Numbers(extension.GetProperty("left"), "trials"));
        Assert.Equal([250.0, 245, 255], JsonAssert.Numbers(extension.GetProperty("right"), "trials"));
        JsonAssert.Text("N", extension, "enteredUnit");
        var abduction = march.Result("hip-abduction");
        Assert.Equal([20 * 9.80665, 21 * 9.80665], JsonAssert.Numbers(abduction.GetProperty("left"), "trials"));
        Assert.Equal([22 * 9.80665, 23 * 9.80665], JsonAssert.Numbers(abduction.GetProperty("right"), "trials"));
        JsonAssert.Text("kgf", abduction, "enteredUnit");
        JsonAssert.Number(142, march.Result("back-extension-endurance"), "seconds");

        var bo = await coach.GetOk($"/api/screenings/{(await coach.GetOk($"/api/athletes/{athletes[1].Id()}/screenings")).Items()[0].Id()}");
        var rotation = bo.Result("hip-external-rotation");
        Assert.Equal([30 * 4.4482216152605, 31 * 4.4482216152605], JsonAssert.Numbers(rotation.GetProperty("left"), "trials"));
        Assert.Equal([32 * 4.4482216152605], JsonAssert.Numbers(rotation.GetProperty("right"), "trials"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        await Import(ValidFile, HttpStatusCode.OK);
        var again = await Import(ValidFile, HttpStatusCode.OK);

        Counts(again, committed: true, rows: 5, imported: 0, alreadyPresent: 5, rejected: 0, athletes: 0, screenings: 0);
        var athletes = await TeamAthletes();
        Assert.Equal(2, athletes.Length);
        var screenings = (await coach.GetOk($"/api/athletes/{athletes[0].Id()}/screenings")).Items();
        Assert.Equal(2, screenings.Length);
        Assert.Equal(3, screenings[1].GetProperty("results").GetArrayLength());

        // A later file adds a new test to the imported screening of that day, and only that.
        var more = await Import(Header + "C-17,,,,,,,2025-03-01,single-leg-bridge,s,30,,,35,,,\n"
            + "C-17,,,,,,,2025-03-01,hip-extension,N,999,,,999,,,\n", HttpStatusCode.OK);
        Counts(more, committed: true, rows: 2, imported: 1, alreadyPresent: 1, rejected: 0, athletes: 0, screenings: 0);
        var march = await coach.GetOk($"/api/screenings/{screenings[1].Id()}");
        Assert.Equal(4, march.GetProperty("results").GetArrayLength());
        Assert.Equal([200.0, 210, 205], JsonAssert.Numbers(march.Result("hip-extension").GetProperty("left"), "trials"));
    }

    [Fact]
    public async Task Two_imports_of_the_same_file_at_once_store_it_once()
    {
        // Three uploads race: whichever order the database lets them write in, every row is stored once and each row
        // is counted once as imported, the other times as already present.
        var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Import(ValidFile, HttpStatusCode.OK)));

        Assert.Equal(5, reports.Sum(r => r.GetProperty("imported").GetInt32()));
        Assert.Equal(10, reports.Sum(r => r.GetProperty("alreadyPresent").GetInt32()));
        Assert.Equal(2, reports.Sum(r => r.GetProperty("athletesCreated").GetInt32()));
        Assert.Equal(3, reports.Sum(r => r.GetProperty("screeningsCreated").GetInt32()));
        var athletes = await TeamAthletes();
        Assert.Equal(["Ada Runner", "Bo Runner"], athletes.Select(a => a.GetProperty("name").GetString()));
        var screenings = (await coach.GetOk($"/api/athletes/{athletes[0].Id()}/screenings")).Items();
        Assert.Equal([1, 3], screenings.Select(s => s.GetProperty("results").GetArrayLength()));
        var history = (await coach.GetOk($"/api/athletes/{athletes[0].Id()}/history")).Items();
        Assert.Equal(3, history.Length); // the athlete and two screenings, audited once
    }

    [Fact]
    public async Task An_import_writes_the_audit_trail_of_what_it_created_and_a_re_import_writes_nothing()
    {
        await Import(ValidFile, HttpStatusCode.OK);
        var ada = (await TeamAthletes())[0];

        var history = (await coach.GetOk($"/api/athletes/{ada.Id()}/history")).Items();
        string[] Kinds(JsonElement[] entries) => [.. entries.Select(e => $"{e.GetProperty("entityType").GetString()} {e.GetProperty("action").GetString()}").Order()];
        Assert.Equal(["Athlete created", "Screening created", "Screening created"], Kinds(history));
        Assert.All(history, e =>
        {
            Assert.Equal("coach", e.GetProperty("actorRole").GetString());
            Assert.Equal(["imported"], e.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        });
        var athlete = history.Single(e => e.GetProperty("entityType").GetString() == "Athlete").GetProperty("after");
        Assert.Equal("[not kept in the audit]", athlete.GetProperty("name").GetString());
        Assert.Equal("C-17", athlete.GetProperty("externalId").GetString());
        var march = history.Single(e => e.GetProperty("entityType").GetString() == "Screening" && e.GetProperty("after").GetProperty("date").GetString() == "2025-03-01").GetProperty("after");
        var tests = march.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(["back-extension-endurance", "hip-abduction", "hip-extension"], tests.Select(t => t.GetProperty("testCode").GetString()));
        Assert.Equal([200.0, 210, 205], tests[2].GetProperty("leftTrials").EnumerateArray().Select(v => v.GetDouble()));

        // Nothing created, nothing audited; a test added to an earlier screening is audited on its own.
        await Import(ValidFile, HttpStatusCode.OK);
        Assert.Equal(3, (await coach.GetOk($"/api/athletes/{ada.Id()}/history")).Items().Length);
        await Import(Header + "C-17,,,,,,,2025-03-01,single-leg-bridge,s,30,,,35,,,\n", HttpStatusCode.OK);
        var added = (await coach.GetOk($"/api/athletes/{ada.Id()}/history")).Items().Single(e => e.GetProperty("entityType").GetString() == "ScreeningTest");
        Assert.Equal("single-leg-bridge", added.GetProperty("after").GetProperty("testCode").GetString());
        Assert.Equal([30.0], added.GetProperty("after").GetProperty("leftTrials").EnumerateArray().Select(v => v.GetDouble()));
    }

    private const string FileWithBadRows = Header
        + "C-17,Ada Runner,F,1994-05-01,58,167,right,2025-03-01,hip-extension,N,200,210,205,250,245,255,\n"
        + "C-17,,,,,,,2025-03-01,hip-abduction,stone,20,,,22,,,\n"
        + "C-99,,,,,,,2025-03-01,hip-extension,N,200,,,250,,,\n"
        + "C-42,Bo Runner,male,1990-01-02,72.5,180,left,2025-03-02,hip-external-rotation,lbf,30,abc,,32,,,\n"
        + "C-42,,,,,,,2025-03-03,hip-extension,N,200,,,250,,,\n";

    private static readonly string[] BadRowErrors =
    [
        "3|unit|unknown unit 'stone'. Use N, kgf or lbf",
        "4|athlete_id|the team has no athlete 'C-99': give name, sex, birth_date, body_mass_kg, height_cm and dominant_leg on the athlete's first row",
        "5|left_2|'abc' is not a number",
        "6|athlete_id|the team has no athlete 'C-42': give name, sex, birth_date, body_mass_kg, height_cm and dominant_leg on the athlete's first row",
    ];

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_reports_every_bad_row()
    {
        var report = await Import(FileWithBadRows, HttpStatusCode.UnprocessableEntity);

        Counts(report, committed: false, rows: 5, imported: 0, alreadyPresent: 0, rejected: 4, athletes: 0, screenings: 0);
        Assert.Equal(BadRowErrors, Errors(report));
        Assert.Empty(await TeamAthletes());
    }

    [Fact]
    public async Task Valid_only_mode_stores_the_valid_rows_and_reports_the_rest()
    {
        var report = await Import(FileWithBadRows, HttpStatusCode.OK, validOnly: true);

        Counts(report, committed: true, rows: 5, imported: 1, alreadyPresent: 0, rejected: 4, athletes: 1, screenings: 1);
        Assert.Equal(BadRowErrors, Errors(report));
        var athletes = await TeamAthletes();
        Assert.Equal(["Ada Runner"], athletes.Select(a => a.GetProperty("name").GetString()));
        var screening = (await coach.GetOk($"/api/athletes/{athletes[0].Id()}/screenings")).Items().Single();
        Assert.Equal(["hip-extension"], screening.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("test").GetString()));
    }

    [Fact]
    public async Task A_coach_imports_only_into_their_own_team_and_runners_cannot_import()
    {
        using var otherCoach = await app.RegisterAndLogin("other-coach@import.example.org", role: "coach");
        using var runner = await app.RegisterAndLogin("runner@import.example.org");
        using var anonymous = app.Anonymous();
        using var admin = await app.Admin("admin@import.example.org");

        using (var response = await PostCsv(otherCoach, team, ValidFile))
        {
            await response.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var response = await PostCsv(runner, team, ValidFile))
        {
            await response.AssertStatus(HttpStatusCode.Forbidden);
        }

        using (var response = await PostCsv(anonymous, team, ValidFile))
        {
            await response.AssertStatus(HttpStatusCode.Unauthorized);
        }

        Assert.Empty(await TeamAthletes());
        Assert.Empty((await otherCoach.GetOk("/api/athletes")).Items());

        using (var response = await PostCsv(admin, team, ValidFile))
        {
            await response.AssertStatus(HttpStatusCode.OK);
        }

        Assert.Equal(2, (await TeamAthletes()).Length);
    }

    [Fact]
    public async Task A_new_athlete_whose_body_mass_is_not_a_number_is_a_reported_row_not_a_server_error()
    {
        var report = await Import(Header + "C-17,Ada Runner,F,1994-05-01,abc,167,right,2025-03-01,hip-extension,N,200,,,250,,,\n", HttpStatusCode.UnprocessableEntity);

        Counts(report, committed: false, rows: 1, imported: 0, alreadyPresent: 0, rejected: 1, athletes: 0, screenings: 0);
        Assert.Equal(["2|body_mass_kg|'abc' is not a number"], Errors(report));
    }

    [Fact]
    public async Task A_request_without_a_file_is_a_validation_problem()
    {
        using var response = await coach.PostJson($"/api/teams/{team}/imports", new { });
        await response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.True((await response.Body()).GetProperty("errors").TryGetProperty("file", out _));
    }
}
