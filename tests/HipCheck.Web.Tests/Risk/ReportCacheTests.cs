using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Web.Account;
using HipCheck.Web.Reports;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Tests.Risk;

/// <summary>
/// GET /api/screenings/{id}/report answers from a cache of serialised reports: the cached bytes are the report's,
/// and an edit of anything the report depends on, a deletion or a stranger's request is never answered from it.
/// Every test reads the report once first, so the cache holds it when the change happens.
/// </summary>
public class ReportCacheTests : ApiTest
{
    private const string Rule = "lbp-hip-extension-asymmetry-female"; // catalogue: >= 15 %, women only

    private async Task<(HttpClient Coach, string AthleteId, string ScreeningId, JsonObject Athlete)> CoachWithFlaggedWoman()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var team = await coach.CreateTeam("Harriers");
        var athlete = Bodies.Athlete(name: "Flo", birthDate: "1990-04-15").InTeam(team.Id());
        var (athleteId, screeningId) = await coach.AthleteWithScreening(athlete, "2025-03-01", RiskReports.HipExtension18());
        return (coach, athleteId, screeningId, athlete);
    }

    private static async Task<byte[]> ReportBytes(HttpClient client, string screeningId)
    {
        using var response = await client.Get($"/api/screenings/{screeningId}/report");
        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    private static async Task AssertNotFound(HttpClient client, string screeningId)
    {
        using var response = await client.Get($"/api/screenings/{screeningId}/report");
        await response.AssertStatus(HttpStatusCode.NotFound);
    }

    private static async Task Edit(HttpClient client, string athleteId, JsonObject athlete)
    {
        using var response = await client.PutJson($"/api/athletes/{athleteId}", athlete);
        await response.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cached_report_is_byte_for_byte_the_report_serialised_with_the_apps_json_options()
    {
        var (coach, _, screeningId, _) = await CoachWithFlaggedWoman();

        var first = await ReportBytes(coach, screeningId); // built and stored
        var second = await ReportBytes(coach, screeningId); // from the cache

        // What Ok<ReportDocument> wrote before the cache: the document serialised with the app's JSON options.
        await using var scope = App.Services.CreateAsyncScope();
        var coachId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("coach@example.org"))!.Id;
        var document = await scope.ServiceProvider.GetRequiredService<ScreeningReporter>()
            .ForUserAsync(coachId, Guid.Parse(screeningId), TestContext.Current.CancellationToken);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var uncached = JsonSerializer.SerializeToUtf8Bytes(document, options);

        Assert.Equal(uncached, first);
        Assert.Equal(uncached, second);
        using var parsed = JsonDocument.Parse(second);
        Assert.Equal("flagged", parsed.RootElement.Clone().Rule(Rule).Status());
    }

    [Fact]
    public async Task Report_follows_an_edit_of_the_athletes_sex()
    {
        var (coach, athleteId, screeningId, athlete) = await CoachWithFlaggedWoman();
        Assert.Equal("flagged", (await coach.Report(screeningId)).Rule(Rule).Status());

        athlete["sex"] = "male";
        await Edit(coach, athleteId, athlete);

        var report = await coach.Report(screeningId);
        JsonAssert.Text("male", report, "sex");
        Assert.Equal("not-applicable", report.Rule(Rule).Status()); // a women's rule
    }

    [Fact]
    public async Task Report_follows_an_edit_of_the_athletes_birth_date_and_name()
    {
        var (coach, athleteId, screeningId, athlete) = await CoachWithFlaggedWoman();
        var before = await coach.Report(screeningId);
        JsonAssert.Number(34, before, "ageYears"); // 1990-04-15 to 2025-03-01

        athlete["birthDate"] = "1980-01-01";
        await Edit(coach, athleteId, athlete);
        JsonAssert.Number(45, await coach.Report(screeningId), "ageYears");

        athlete["name"] = "Florence";
        await Edit(coach, athleteId, athlete);
        JsonAssert.Text("Florence", await coach.Report(screeningId), "athleteName");
    }

    [Fact]
    public async Task Report_follows_the_organisations_threshold_and_its_removal()
    {
        var (coach, _, screeningId, _) = await CoachWithFlaggedWoman();
        Assert.Equal("flagged", (await coach.Report(screeningId)).Rule(Rule).Status()); // 18 % >= 15 %

        using (var put = await coach.PutJson($"/api/organisation/thresholds/{Rule}", new { threshold = 20 }))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var raised = await coach.Report(screeningId);
        Assert.Equal("clear", raised.Rule(Rule).Status());
        JsonAssert.Number(20, raised.Rule(Rule), "threshold");
        Assert.False(string.IsNullOrEmpty(raised.GetProperty("thresholdsFrom").GetString()));

        using (var restore = await coach.PutJson($"/api/organisation/thresholds/{Rule}", new { threshold = (double?)null }))
        {
            await restore.AssertStatus(HttpStatusCode.OK);
        }

        var restored = await coach.Report(screeningId);
        Assert.Equal("flagged", restored.Rule(Rule).Status());
        JsonAssert.Null(restored, "thresholdsFrom");
    }

    [Fact]
    public async Task Report_cached_for_its_coach_is_404_for_another_coach_and_a_runner()
    {
        var (coach, _, screeningId, _) = await CoachWithFlaggedWoman();
        await ReportBytes(coach, screeningId);
        var otherCoach = await App.RegisterAndLogin("other.coach@example.org", role: "coach");
        var runner = await App.RegisterAndLogin("ann@example.org");

        await AssertNotFound(otherCoach, screeningId);
        await AssertNotFound(runner, screeningId);
        await ReportBytes(coach, screeningId); // still there for its coach
    }

    [Fact]
    public async Task Report_cached_for_its_coach_is_404_once_the_screening_is_deleted()
    {
        // The runner linked to the team athlete deletes their account, and with it the athlete and its screenings.
        var (coach, athleteId, screeningId, _) = await CoachWithFlaggedWoman();
        var runner = await App.RegisterAndLogin("flo@example.org");
        using (var link = await coach.PostJson($"/api/athletes/{athleteId}/owner", new { email = "flo@example.org" }))
        {
            await link.AssertStatus(HttpStatusCode.NoContent);
        }

        await ReportBytes(coach, screeningId);
        await ReportBytes(runner, screeningId);

        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = System.Net.Http.Json.JsonContent.Create(new { password = HipCheckApp.Password }) })
        using (var deleted = await runner.SendAsync(request, TestContext.Current.CancellationToken))
        {
            await deleted.AssertStatus(HttpStatusCode.NoContent);
        }

        await AssertNotFound(coach, screeningId);
    }
}
