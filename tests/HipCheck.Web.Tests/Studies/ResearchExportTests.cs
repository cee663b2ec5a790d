using System.Net;
using System.Text;
using HipCheck.Core.Studies.Exports;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Studies;

/// <summary>
/// The long, wide and REDCap exports and the R script (issue 10 item 7), through the API. Baseline window
/// 2025-08-22 to 2025-09-11, baseline locked 2025-09-01, 180 days of follow-up, data locked 200 days later.
/// Ada (F, born 1990-04-15, 60 kg): 2025-08-30 hip extension 200, 210, 205 / 250, 245, 255 N and back hold 95 s;
/// 2025-10-01 (61 kg) hip extension 230 / 240 N; low back pain needing treatment on 2025-10-15 (day 44).
/// Cy (M, 72 kg): 2025-08-30 hip extension 180 / 200 N. Jo: enrolled, never screened (not in the files).
/// </summary>
public class ResearchExportTests : ClockedTest
{
    private sealed record World(HttpClient Researcher, string StudyId, string Ada, string Cy);

    private async Task<World> Study()
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var ada = (await researcher.CreateAthlete(Bodies.Athlete(name: "Ada Lovelace", sex: "female", bodyMassKg: 60))).Id();
        var cy = (await researcher.CreateAthlete(Bodies.Athlete(name: "Cy Twombly", sex: "male", bodyMassKg: 72))).Id();
        var jo = (await researcher.CreateAthlete(Bodies.Athlete(name: "Jo March", sex: "female", bodyMassKg: 55))).Id();
        await researcher.CreateScreening(ada, Bodies.Screening("2025-08-30", RiskReports.HipExtension18(), Bodies.BackExtension(95)));
        await researcher.CreateScreening(cy, Bodies.Screening("2025-08-30", RiskReports.HipExtension10()));
        var study = (await researcher.CreateStudy(StudyApi.Study("2025-08-22", "2025-09-11", followUpDays: 180))).Id();
        foreach (var id in new[] { ada, cy, jo })
        {
            await researcher.Enrol(study, id, "2025-08-29");
        }

        await researcher.LockBaseline(study);
        await AdvanceDays(200, (researcher, ResearcherEmail));
        var later = Bodies.Screening("2025-10-01", Bodies.HipExtension([230, 230], [240, 240]));
        later["bodyMassKg"] = 61;
        await researcher.CreateScreening(ada, later);
        await researcher.RecordInjury(ada, StudyApi.Injury("2025-10-15"));
        await researcher.LockData(study);
        return new World(researcher, study, ada, cy);
    }

    private static async Task<string> Download(HttpClient client, string url, bool bom)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(bom, bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        foreach (var secret in new[] { "Ada", "Lovelace", "Twombly", "1990-04-15" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        return text;
    }

    private static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Long_csv_has_a_row_per_time_point_test_and_side_with_codes_only()
    {
        var w = await Study();
        var codes = (await w.Researcher.Enrolments(w.StudyId)).ToDictionary(e => e.Text("name").Split(' ')[0], e => e.Text("code"));

        var lines = Lines(await Download(w.Researcher, $"/api/studies/{w.StudyId}/long.csv", bom: true));

        Assert.Equal(ExportTable.Line(LongLayout.Columns.Select(c => c.Name)), lines[0]);
        var ada = lines.Where(l => l.StartsWith(codes["Ada"] + ",", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
        [
            $"{codes["Ada"]},F,1990,1,2025-08-30,0,60,hip-extension,left,205,N,3.4166666666666665,N/kg,3,2.4390243902439024,18,82,left",
            $"{codes["Ada"]},F,1990,1,2025-08-30,0,60,hip-extension,right,250,N,4.166666666666667,N/kg,3,2,18,82,left",
            $"{codes["Ada"]},F,1990,1,2025-08-30,0,60,back-extension-endurance,none,95,s,,,,,,,",
            $"{codes["Ada"]},F,1990,2,2025-10-01,32,61,hip-extension,left,230,N,3.7704918032786887,N/kg,2,0,4.166666666666667,95.83333333333333,left",
            $"{codes["Ada"]},F,1990,2,2025-10-01,32,61,hip-extension,right,240,N,3.9344262295081966,N/kg,2,0,4.166666666666667,95.83333333333333,left",
        ], ada);
        Assert.Equal(2, lines.Count(l => l.StartsWith(codes["Cy"] + ",M,", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith(codes["Jo"] + ",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wide_csv_has_one_row_per_athlete_with_the_outcome_and_suffixed_time_points()
    {
        var w = await Study();
        var codes = (await w.Researcher.Enrolments(w.StudyId)).ToDictionary(e => e.Text("name").Split(' ')[0], e => e.Text("code"));

        var lines = Lines(await Download(w.Researcher, $"/api/studies/{w.StudyId}/wide.csv", bom: true));

        var header = lines[0].Split(',');
        Assert.Equal(WideLayout.Columns(2).Select(c => c.Name), header);
        Assert.Equal(3, lines.Length);
        var ada = header.Zip(lines.Single(l => l.StartsWith(codes["Ada"], StringComparison.Ordinal)).Split(',')).ToDictionary(x => x.First, x => x.Second);
        Assert.Equal(("F", "1990", "2", "1", "180", "44"), (ada["sex"], ada["birth_year"], ada["n_time_points"], ada["event"], ada["followup_days"], ada["days_to_event"]));
        Assert.Equal(("205", "250", "18", "left", "95"), (ada["hip_ext_left_N_t1"], ada["hip_ext_right_N_t1"], ada["hip_ext_asym_pct_t1"], ada["hip_ext_weaker_t1"], ada["back_end_s_t1"]));
        Assert.Equal(("2025-10-01", "32", "61", "230"), (ada["date_t2"], ada["day_t2"], ada["body_mass_kg_t2"], ada["hip_ext_left_N_t2"]));
        var cy = header.Zip(lines.Single(l => l.StartsWith(codes["Cy"], StringComparison.Ordinal)).Split(',')).ToDictionary(x => x.First, x => x.Second);
        Assert.Equal(("M", "0", "180", "10", ""), (cy["sex"], cy["event"], cy["days_to_event"], cy["hip_ext_asym_pct_t1"], cy["date_t2"]));

        var codebook = Lines(await Download(w.Researcher, $"/api/studies/{w.StudyId}/wide-codebook.csv", bom: true));
        Assert.Equal("column,type,unit,allowed_values,label,description", codebook[0]);
        Assert.Equal(header.Length, codebook.Length - 1);
        Assert.StartsWith("hip_ext_left_Nkg_t2,number,N/kg,0 to 100,", codebook.Single(l => l.StartsWith("hip_ext_left_Nkg_t2,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(LongLayout.Columns.Count + 1, Lines(await Download(w.Researcher, $"/api/studies/{w.StudyId}/long-codebook.csv", bom: true)).Length);
    }

    [Fact]
    public async Task Redcap_data_columns_are_the_dictionarys_variables_and_the_r_script_is_served()
    {
        var w = await Study();

        var dictionary = Lines(await Download(w.Researcher, $"/api/studies/{w.StudyId}/redcap-dictionary.csv", bom: false));
        var data = Lines(await Download(w.Researcher, $"/api/studies/{w.StudyId}/redcap-data.csv", bom: false));

        Assert.Equal(RedcapProject.DictionaryCsv(WideLayout.Columns(2)).Split('\n')[0], dictionary[0]);
        Assert.Equal(dictionary.Skip(1).Select(l => l.Split(',')[0]), data[0].Split(','));
        Assert.Equal(3, data.Length);
        Assert.All(data.Skip(1), row => Assert.Matches("^[^,]+,[12],1990,", row));

        using var script = await w.Researcher.GetAsync($"/api/studies/{w.StudyId}/hipcheck-exports.R", TestContext.Current.CancellationToken);
        await script.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("attachment", script.Content.Headers.ContentDisposition?.DispositionType);
        var text = await script.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("hipcheck_read_wide <- function(path, codebook = NULL)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_researchers_study_exports_are_not_found()
    {
        var w = await Study();
        var other = await App.RegisterAndLogin("other-researcher@example.org", role: "researcher");

        foreach (var file in new[] { "long.csv", "wide.csv", "redcap-data.csv", "redcap-dictionary.csv", "hipcheck-exports.R" })
        {
            using var response = await other.GetAsync($"/api/studies/{w.StudyId}/{file}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
