using System.Net;
using System.Text;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Teams;

/// <summary>GET /api/teams/{id}/overview.csv: UTF-8 with BOM, a header, one row per athlete, safe in a spreadsheet.</summary>
public class TeamCsvTests : ApiTest
{
    private const string Header =
        "athlete_id,name,sex,age_years,screening_date,"
        + "hip_extension_asymmetry_pct,hip_extension_weaker_side,hip_extension_weaker_percentile,"
        + "hip_abduction_asymmetry_pct,hip_abduction_weaker_side,hip_abduction_weaker_percentile,"
        + "hip_external_rotation_asymmetry_pct,hip_external_rotation_weaker_side,hip_external_rotation_weaker_percentile,"
        + "single_leg_bridge_asymmetry_pct,single_leg_bridge_weaker_side,single_leg_bridge_weaker_percentile,"
        + "back_extension_endurance_s,flag_count,flags";

    private static async Task<(byte[] Bytes, string Text, HttpResponseMessage Response)> Download(HttpClient client, string url)
    {
        var response = await client.Get(url);
        await response.AssertStatus(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (bytes, new UTF8Encoding(false).GetString(bytes), response);
    }

    /// <summary>The lines of a CSV text without the BOM and without the empty string after the final line break.</summary>
    private static string[] Lines(string text)
    {
        var lines = text.TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.None).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return [.. lines];
    }

    [Fact]
    public async Task Csv_is_utf8_with_bom_a_header_and_one_row_per_athlete_with_the_latest_values()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var teamId = (await coach.CreateTeam("Harriers")).Id();
        var (ada, _) = await coach.AthleteWithScreening(
            Bodies.Athlete(name: "Ada", sex: "female", birthDate: "1990-04-15").InTeam(teamId), "2025-03-01",
            RiskReports.HipExtension18(), Bodies.BackExtension(150));
        var (ben, _) = await coach.AthleteWithScreening(
            Bodies.Athlete(name: "Ben", sex: "male", birthDate: "1985-01-01").InTeam(teamId), "2025-03-01",
            Bodies.HipExtension([200, 200], [250, 250]), Bodies.BackExtension(175.5));

        var (bytes, text, response) = await Download(coach, $"/api/teams/{teamId}/overview.csv");
        using var _ = response;

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3)); // UTF-8 BOM, so Excel reads accents right
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var lines = Lines(text);
        Assert.Equal(3, lines.Length); // header + Ada + Ben
        Assert.Equal(Header, lines[0]);
        // Ada: 34 on 2025-03-01; hip extension 18 % weaker left, no norm; back hold 150 s (the men's rule does not apply to her).
        Assert.Equal($"{ada},Ada,female,34,2025-03-01,18,left,,,,,,,,,,,150,1,lbp-hip-extension-asymmetry-female", lines[1]);
        // Ben: 40; 100 x (250 - 200) / 250 = 20 % weaker left, no women's flag; 175.5 s < 176 s flags the men's back rule.
        Assert.Equal($"{ben},Ben,male,40,2025-03-01,20,left,,,,,,,,,,,175.5,1,lbp-back-extension-endurance-male", lines[2]);
    }

    [Fact]
    public async Task Csv_neutralises_formulas_and_quotes_commas()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var teamId = (await coach.CreateTeam("Harriers")).Id();
        var formula = (await coach.CreateAthlete(Bodies.Athlete(name: "=HYPERLINK(\"http://evil.example\")").InTeam(teamId))).Id();
        var comma = (await coach.CreateAthlete(Bodies.Athlete(name: "Smith, Jo").InTeam(teamId))).Id();
        var plus = (await coach.CreateAthlete(Bodies.Athlete(name: "+Zed").InTeam(teamId))).Id();

        var (_, text, response) = await Download(coach, $"/api/teams/{teamId}/overview.csv");
        using var _ = response;

        var lines = Lines(text);
        Assert.Equal(4, lines.Length);
        // Sorted by name: '+' (0x2B) and '=' (0x3D) come before letters. A formula gets an apostrophe; the quote inside
        // is doubled and the field quoted because it holds a quote.
        Assert.StartsWith($"{plus},'+Zed,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{formula},\"'=HYPERLINK(\"\"http://evil.example\"\")\",", lines[2], StringComparison.Ordinal);
        Assert.StartsWith($"{comma},\"Smith, Jo\",", lines[3], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",,0,", l, StringComparison.Ordinal)); // never screened: no values, no flags
    }

    [Fact]
    public async Task Csv_follows_the_same_filters_as_the_overview()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var teamId = (await coach.CreateTeam("Harriers")).Id();
        await coach.AthleteWithScreening(Bodies.Athlete(name: "Ada", sex: "female").InTeam(teamId), "2025-03-01", RiskReports.HipExtension18());
        await coach.AthleteWithScreening(Bodies.Athlete(name: "Bea", sex: "female").InTeam(teamId), "2025-03-01", RiskReports.HipExtension10());
        await coach.AthleteWithScreening(Bodies.Athlete(name: "Cy", sex: "male").InTeam(teamId), "2025-03-01", RiskReports.HipExtension18());

        var (_, text, response) = await Download(coach, $"/api/teams/{teamId}/overview.csv?sex=female&sort=hip-extension&dir=desc");
        using var _ = response;

        var names = Lines(text).Skip(1).Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(["Ada", "Bea"], names); // 18 %, 10 %; Cy filtered out
    }
}
