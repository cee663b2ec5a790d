using System.Net;
using System.Text.RegularExpressions;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Teams;

/// <summary>The team page's CSV download (/Teams/{id}?handler=Csv) behind the login cookie, and the page's link to it.</summary>
public partial class TeamPageCsvTests : ApiTest
{
    private async Task<string> TeamWithAda()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var teamId = (await coach.CreateTeam("Harriers")).Id();
        await coach.AthleteWithScreening(Bodies.Athlete(name: "Ada").InTeam(teamId), "2025-03-01", RiskReports.HipExtension18());
        await coach.AthleteWithScreening(Bodies.Athlete(name: "Cy", sex: "male").InTeam(teamId), "2025-03-01", RiskReports.HipExtension10());
        return teamId;
    }

    private static async Task<string[]> CsvLines(HttpResponseMessage response)
    {
        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        return System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Coach_downloads_the_csv_from_the_page_route_with_the_cookie()
    {
        var teamId = await TeamWithAda();
        var coach = await App.LogInWithCookie("coach@example.org");

        using var response = await coach.Get($"/Teams/{teamId}?handler=Csv&sex=female");

        var lines = await CsvLines(response);
        Assert.Equal(2, lines.Length); // header + Ada
        Assert.StartsWith("athlete_id,name,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Ada,female,34,2025-03-01,18,left,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")] // the unfiltered page
    [InlineData("?sex=female")]
    [InlineData("?flag=any&sort=hip-extension&dir=desc")]
    public async Task Download_link_on_the_team_page_leads_to_the_csv(string query)
    {
        var teamId = await TeamWithAda();
        var coach = await App.LogInWithCookie("coach@example.org");
        using var page = await coach.Get($"/Teams/{teamId}{query}");
        await page.AssertStatus(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var link = DownloadLink().Match(html);
        Assert.True(link.Success, "no Download CSV link on the team page");
        var href = WebUtility.HtmlDecode(link.Groups["href"].Value);
        Assert.True(href.StartsWith($"/Teams/{teamId}?", StringComparison.Ordinal),
            $"the Download CSV link should be /Teams/{teamId}?...handler=Csv, got {href}");

        using var response = await coach.Get(href);
        var lines = await CsvLines(response);
        Assert.StartsWith("athlete_id,name,", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_coach_gets_404_a_runner_is_refused_and_anonymous_is_sent_to_log_in()
    {
        var teamId = await TeamWithAda();
        await App.RegisterAndLogin("other.coach@example.org", role: "coach");
        await App.RegisterAndLogin("ann@example.org");
        var url = $"/Teams/{teamId}?handler=Csv";

        var other = await App.LogInWithCookie("other.coach@example.org");
        using (var response = await other.Get(url))
        {
            await response.AssertStatus(HttpStatusCode.NotFound);
            Assert.DoesNotContain("Ada", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var runner = await App.LogInWithCookie("ann@example.org");
        using (var response = await runner.Get(url))
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase)),
                $"a runner should be refused, got {(int)response.StatusCode} {response.Headers.Location}");
        }

        using (var response = await App.Anonymous().Get(url))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<a[^>]*href=\"(?<href>[^\"]*)\"[^>]*>\\s*Download CSV\\s*</a>")]
    private static partial Regex DownloadLink();
}
