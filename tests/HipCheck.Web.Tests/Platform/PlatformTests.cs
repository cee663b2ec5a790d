using System.Net;
using System.Text.Json;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Platform;

public class PlatformTests : ApiTest
{
    [Fact]
    public async Task OpenApi_document_describes_the_athlete_and_screening_routes()
    {
        var document = await App.Anonymous().GetOk("/openapi/v1.json");

        Assert.True(document.TryGetProperty("openapi", out var version), "not an OpenAPI document");
        Assert.StartsWith("3.", version.GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/athletes", out _), "no /api/athletes in the OpenAPI paths");
        Assert.True(paths.TryGetProperty("/api/athletes/{id}/screenings", out _), "no /api/athletes/{id}/screenings in the OpenAPI paths");
    }

    [Fact]
    public async Task Liveness_probe_answers_200()
    {
        using var response = await App.Anonymous().Get("/health/live");
        await response.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_api_route_gets_a_404_problem()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");

        using var response = await runner.Get("/api/no-such-thing");

        var problem = await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Problem_bodies_are_json_objects_with_a_title()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        using var response = await runner.PostRaw("/api/athletes", "{");
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("title").ValueKind);
    }
}
