using System.Net;
using System.Text;
using System.Text.Json;
using HipCheck.Core.Studies;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Studies;

/// <summary>
/// The study's exports (issue 4 items 4 and 5): the cohort CSV in the layout <c>hipcheck analyze</c> reads, the same
/// rows as JSON with the excluded athletes, the codebook, and the analysis. Baseline window 2025-08-22 to 2025-09-11,
/// baseline locked on 2025-09-01 (follow-up start), 180 days of follow-up (to 2026-02-28).
/// <list type="bullet">
/// <item>Ada (F, 60 kg): hip extension 205 / 250 N, abduction 150 / 160 N, back hold 95 s; low back pain, overuse,
/// treated, onset 2025-10-15 = day 44 (a second one on 2025-11-01 and an older one before follow-up do not change it).</item>
/// <item>Cy (M, 72 kg): 180 / 200 N; low back pain, overuse, not treated: no event.</item>
/// <item>Eve (F, 60 kg): 205 / 250 N; low back pain from acute trauma, treated: no event for this definition.</item>
/// <item>Gus: enrolled, never screened; Jo: screened only before the window; Hal: withdrawn. All three excluded.</item>
/// </list>
/// </summary>
public class StudyExportTests : ClockedTest
{
    private const string Header = "athlete_id,sex,body_mass_kg,hip_ext_left_N,hip_ext_right_N,hip_abd_left_N,hip_abd_right_N,back_endurance_s,followup_days,lbp_event,days_to_event";

    private static readonly string[] Names = ["Ada Lovelace", "Cy Twombly", "Eve Arden", "Gus Grissom", "Jo March", "Hal Foster"];

    private sealed record Cohort(HttpClient Researcher, string StudyId, Dictionary<string, string> Ids, Dictionary<string, string> Codes);

    private async Task<Cohort> StudyWithFollowUp(bool lockData = true, int daysLater = 200)
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var ids = new Dictionary<string, string>();
        async Task<string> Athlete(string name, string sex, double mass) =>
            ids[name.Split(' ')[0]] = (await researcher.CreateAthlete(Bodies.Athlete(name: name, sex: sex, bodyMassKg: mass))).Id();

        var ada = await Athlete("Ada Lovelace", "female", 60);
        var cy = await Athlete("Cy Twombly", "male", 72);
        var eve = await Athlete("Eve Arden", "female", 60);
        var gus = await Athlete("Gus Grissom", "male", 80);
        var jo = await Athlete("Jo March", "female", 55);
        var hal = await Athlete("Hal Foster", "male", 75);
        await researcher.CreateScreening(ada, Bodies.Screening("2025-08-30", RiskReports.HipExtension18(),
            Bodies.Force("hip-abduction", "N", [150, 150, 150], [160, 160, 160]), Bodies.BackExtension(95)));
        await researcher.CreateScreening(cy, Bodies.Screening("2025-08-30", RiskReports.HipExtension10()));
        await researcher.CreateScreening(eve, Bodies.Screening("2025-08-31", RiskReports.HipExtension18()));
        await researcher.CreateScreening(jo, Bodies.Screening("2025-08-01", RiskReports.HipExtension18()));
        await researcher.CreateScreening(hal, Bodies.Screening("2025-08-30", RiskReports.HipExtension18()));
        await researcher.RecordInjury(ada, StudyApi.Injury("2025-08-01"));

        var study = await researcher.CreateStudy(StudyApi.Study("2025-08-22", "2025-09-11", followUpDays: 180));
        foreach (var id in ids.Values)
        {
            await researcher.Enrol(study.Id(), id, "2025-08-29");
        }

        await researcher.LockBaseline(study.Id());
        using (var withdraw = await researcher.DeleteAsync($"/api/studies/{study.Id()}/enrolments/{hal}", TestContext.Current.CancellationToken))
        {
            await withdraw.AssertStatus(HttpStatusCode.NoContent);
        }

        await AdvanceDays(daysLater, (researcher, ResearcherEmail));
        await researcher.RecordInjury(ada, StudyApi.Injury("2025-10-15"));
        if (daysLater >= 61)
        {
            await researcher.RecordInjury(ada, StudyApi.Injury("2025-11-01"));
        }

        await researcher.RecordInjury(cy, StudyApi.Injury("2025-10-01", neededTreatment: false));
        await researcher.RecordInjury(eve, StudyApi.Injury("2025-10-20", mechanism: "acute-trauma"));
        await researcher.RecordInjury(hal, StudyApi.Injury("2025-10-02"));
        if (lockData)
        {
            await researcher.LockData(study.Id());
        }

        var codes = (await researcher.Enrolments(study.Id())).ToDictionary(e => e.Text("name").Split(' ')[0], e => e.Text("code"));
        return new Cohort(researcher, study.Id(), ids, codes);
    }

    private static async Task<string> Download(HttpResponseMessage response, string mediaType)
    {
        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return new UTF8Encoding(false).GetString(bytes);
    }

    private static string[] Lines(string csv)
    {
        Assert.True(csv.StartsWith('\uFEFF'), "a CSV for Excel, R and SPSS starts with the UTF-8 byte-order mark");
        return csv.TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
    }

    private static void AssertPseudonymous(string text, Cohort cohort)
    {
        foreach (var name in Names)
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name.Split(' ')[1], text, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var id in cohort.Ids.Values)
        {
            Assert.DoesNotContain(id, text, StringComparison.OrdinalIgnoreCase);
        }

        // No email address and no birth date (the athletes were born on 1990-04-15): the exports carry neither.
        Assert.DoesNotContain("example.org", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1990-04-15", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cohort_csv_has_the_exact_header_one_row_per_analysed_athlete_and_codes_only()
    {
        var cohort = await StudyWithFollowUp();

        using var response = await cohort.Researcher.Get($"/api/studies/{cohort.StudyId}/cohort.csv");

        var csv = await Download(response, "text/csv");
        var lines = Lines(csv);
        Assert.Equal(Header, lines[0]);
        var rows = lines[1..].ToDictionary(l => l.Split(',')[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal($"{cohort.Codes["Ada"]},F,60,205,250,150,160,95,180,1,44", rows[cohort.Codes["Ada"]]);
        Assert.Equal($"{cohort.Codes["Cy"]},M,72,180,200,,,,180,0,180", rows[cohort.Codes["Cy"]]);
        Assert.Equal($"{cohort.Codes["Eve"]},F,60,205,250,,,,180,0,180", rows[cohort.Codes["Eve"]]);
        AssertPseudonymous(csv, cohort);
    }

    [Fact]
    public async Task During_follow_up_the_cohort_is_observed_until_today()
    {
        var cohort = await StudyWithFollowUp(lockData: false, daysLater: 60); // today 2025-10-31, day 60

        using var response = await cohort.Researcher.Get($"/api/studies/{cohort.StudyId}/cohort.csv");

        var rows = Lines(await Download(response, "text/csv"))[1..].ToDictionary(l => l.Split(',')[0]);
        Assert.Equal($"{cohort.Codes["Ada"]},F,60,205,250,150,160,95,60,1,44", rows[cohort.Codes["Ada"]]);
        Assert.Equal($"{cohort.Codes["Cy"]},M,72,180,200,,,,60,0,60", rows[cohort.Codes["Cy"]]);
        Assert.Equal($"{cohort.Codes["Eve"]},F,60,205,250,,,,60,0,60", rows[cohort.Codes["Eve"]]);
    }

    [Fact]
    public async Task Exported_csv_is_read_by_the_cli_reader_without_errors()
    {
        var cohort = await StudyWithFollowUp();
        using var response = await cohort.Researcher.Get($"/api/studies/{cohort.StudyId}/cohort.csv");

        var read = CohortCsvReader.Read(await Download(response, "text/csv"));

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal(3, read.Data!.Count);
    }

    [Fact]
    public async Task Cohort_json_holds_the_same_rows_and_lists_the_excluded_with_their_reasons()
    {
        var cohort = await StudyWithFollowUp();

        using var response = await cohort.Researcher.Get($"/api/studies/{cohort.StudyId}/cohort.json");

        var text = await Download(response, "application/json");
        AssertPseudonymous(text, cohort);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var rows = root.GetProperty("rows").Items().ToDictionary(r => r.Text("athlete_id"));
        Assert.Equal(3, rows.Count);
        var ada = rows[cohort.Codes["Ada"]];
        JsonAssert.Text("F", ada, "sex");
        JsonAssert.Number(60, ada, "body_mass_kg");
        JsonAssert.Number(205, ada, "hip_ext_left_N");
        JsonAssert.Number(250, ada, "hip_ext_right_N");
        JsonAssert.Number(150, ada, "hip_abd_left_N");
        JsonAssert.Number(160, ada, "hip_abd_right_N");
        JsonAssert.Number(95, ada, "back_endurance_s");
        JsonAssert.Number(180, ada, "followup_days");
        Assert.Equal("1", ada.GetProperty("lbp_event").ToString());
        JsonAssert.Number(44, ada, "days_to_event");
        var cy = rows[cohort.Codes["Cy"]];
        JsonAssert.Null(cy, "hip_abd_left_N");
        JsonAssert.Null(cy, "back_endurance_s");
        Assert.Equal("0", cy.GetProperty("lbp_event").ToString());
        JsonAssert.Number(180, cy, "days_to_event");
        Assert.Equal("0", rows[cohort.Codes["Eve"]].GetProperty("lbp_event").ToString());
        Assert.All(rows.Values, r => Assert.Equal(Header.Split(','), r.EnumerateObject().Select(p => p.Name)));

        var excluded = root.GetProperty("excluded").Items().ToDictionary(e => e.Text("code"), e => e.Text("reason"));
        Assert.Equal(3, excluded.Count);
        Assert.Contains("baseline", excluded[cohort.Codes["Gus"]], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("baseline", excluded[cohort.Codes["Jo"]], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("withdr", excluded[cohort.Codes["Hal"]], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Codebook_lists_every_column_of_the_cohort_csv()
    {
        var cohort = await StudyWithFollowUp();

        using var response = await cohort.Researcher.Get($"/api/studies/{cohort.StudyId}/codebook.csv");

        var lines = Lines(await Download(response, "text/csv"));
        var described = lines[1..].Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(Header.Split(','), described);
        Assert.All(lines[1..], l => Assert.True(l.Split(',').Length >= 6, $"a codebook row without its description: {l}"));
        Assert.Contains(lines, l => l.StartsWith("lbp_event,", StringComparison.Ordinal) && l.Contains("not from trauma", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Analysis_returns_the_issue_4_json_contract()
    {
        var cohort = await StudyWithFollowUp();

        var analysis = await cohort.Researcher.GetOk($"/api/studies/{cohort.StudyId}/analysis");

        // Extra keys allowed only as documented by the CLI (issue 10's eventsPerVariable and firth, warnings, skippedRows).
        Assert.Equal(["n", "events", "threshold", "bySex", "logistic", "kaplanMeier", "logRank", "cox", "eventsPerVariable", "firth", "warnings", "skippedRows"],
            analysis.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, analysis.GetProperty("n").GetInt32());
        Assert.Equal(1, analysis.GetProperty("events").GetInt32());
        JsonAssert.Number(15, analysis, "threshold");
        foreach (var sex in new[] { "F", "M" })
        {
            var table = analysis.GetProperty("bySex").GetProperty(sex);
            Assert.Equal(["a", "b", "c", "d", "riskRatio", "oddsRatio", "fisherP"], table.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["estimate", "lower", "upper"], table.GetProperty("riskRatio").EnumerateObject().Select(p => p.Name));
            Assert.Equal(["estimate", "lower", "upper"], table.GetProperty("oddsRatio").EnumerateObject().Select(p => p.Name));
        }

        // Ada (18 %, event) and Eve (18 %, no event) are exposed women; Cy (10 %) an unexposed man without event.
        var women = analysis.GetProperty("bySex").GetProperty("F");
        Assert.Equal([1, 1, 0, 0], new[] { "a", "b", "c", "d" }.Select(k => women.GetProperty(k).GetInt32()));
        var men = analysis.GetProperty("bySex").GetProperty("M");
        Assert.Equal([0, 0, 0, 1], new[] { "a", "b", "c", "d" }.Select(k => men.GetProperty(k).GetInt32()));

        Assert.Equal(["intercept", "asymmetry_pct", "female", "ext_n_per_kg", "asymmetry_pct:female"],
            analysis.GetProperty("logistic").GetProperty("terms").Items().Select(t => t.Text("name")));
        Assert.All(analysis.GetProperty("logistic").GetProperty("terms").Items(),
            t => Assert.Equal(["name", "estimate", "se", "z", "p"], t.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["asymmetry_pct", "female", "asymmetry_pct:female"],
            analysis.GetProperty("cox").GetProperty("terms").Items().Select(t => t.Text("name")));
        Assert.All(analysis.GetProperty("cox").GetProperty("terms").Items(),
            t => Assert.Equal(["name", "estimate", "se", "p"], t.EnumerateObject().Select(p => p.Name)));
        Assert.True(analysis.GetProperty("kaplanMeier").GetProperty("exposed").TryGetProperty("s180", out _));
        Assert.True(analysis.GetProperty("kaplanMeier").GetProperty("unexposed").TryGetProperty("s180", out _));
        Assert.Equal(["chisq", "p"], analysis.GetProperty("logRank").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Analysis_of_a_study_without_analysable_athletes_is_409()
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var athlete = (await researcher.CreateAthlete()).Id();
        var study = await researcher.CreateStudy(StudyApi.Study("2025-08-22", "2025-09-11"));
        await researcher.Enrol(study.Id(), athlete, "2025-08-29");

        using var response = await researcher.Get($"/api/studies/{study.Id()}/analysis");

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Page_downloads_match_the_api_and_the_report_page_names_no_athlete()
    {
        var cohort = await StudyWithFollowUp();
        var web = await App.LogInWithCookie(ResearcherEmail);

        foreach (var (format, api, mediaType) in new[] { ("csv", "cohort.csv", "text/csv"), ("codebook", "codebook.csv", "text/csv"), ("json", "cohort.json", "application/json") })
        {
            using var page = await web.Get($"/Studies/{cohort.StudyId}/Export?format={format}");
            using var apiResponse = await cohort.Researcher.Get($"/api/studies/{cohort.StudyId}/{api}");
            Assert.Equal(await Download(apiResponse, mediaType), await Download(page, mediaType));
        }

        using var report = await web.Get($"/Studies/{cohort.StudyId}/Report");
        await report.AssertStatus(HttpStatusCode.OK);
        AssertPseudonymous(await report.Html(), cohort);
    }

    [Fact]
    public async Task Exports_are_the_owners_alone()
    {
        var cohort = await StudyWithFollowUp(lockData: false, daysLater: 60);
        var other = await App.RegisterAndLogin("other.researcher@example.org", role: "researcher");
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var anonymous = App.Anonymous();
        var routes = new[] { "cohort.csv", "cohort.json", "codebook.csv", "analysis" };

        foreach (var route in routes)
        {
            var url = $"/api/studies/{cohort.StudyId}/{route}";
            using var byOther = await other.Get(url);
            using var byCoach = await coach.Get(url);
            using var byNobody = await anonymous.Get(url);
            Assert.True(byOther.StatusCode == HttpStatusCode.NotFound, $"{url} for another researcher: {(int)byOther.StatusCode}");
            AssertPseudonymous(await byOther.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), cohort);
            Assert.DoesNotContain(cohort.Codes["Ada"], await byOther.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.True(byCoach.StatusCode == HttpStatusCode.Forbidden, $"{url} for a coach: {(int)byCoach.StatusCode}");
            Assert.True(byNobody.StatusCode == HttpStatusCode.Unauthorized, $"{url} anonymous: {(int)byNobody.StatusCode}");
        }

        var otherWeb = await App.LogInWithCookie("other.researcher@example.org");
        foreach (var page in new[] { "Export?format=csv", "Export?format=json", "Export?format=codebook", "Report" })
        {
            using var response = await otherWeb.Get($"/Studies/{cohort.StudyId}/{page}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"/Studies/{{id}}/{page} for another researcher: {(int)response.StatusCode}");
        }
    }
}
