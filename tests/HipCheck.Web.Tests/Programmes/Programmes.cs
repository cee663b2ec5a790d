using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Programmes;

/// <summary>Programmes and sessions through the API, for the programme tests.</summary>
public static class Programmes
{
    public static string Day(int offsetFromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offsetFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A runner's own athlete with one screening: hip extension left 205 N, right 250 N (18 %, left weaker).</summary>
    public static async Task<(string AthleteId, string ScreeningId)> RunnerWith18PercentLeftDeficit(this HttpClient runner, string screeningDate) =>
        await runner.AthleteWithScreening(Bodies.Athlete(), screeningDate, RiskReports.HipExtension18());

    public static async Task<JsonElement> StartProgramme(this HttpClient client, string athleteId, object? body = null)
    {
        using var response = await client.PostJson($"/api/athletes/{athleteId}/programme", body ?? new { });
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    public static JsonObject Session(string date, string status, int? pain = null, params JsonObject[] exercises)
    {
        var body = new JsonObject { ["date"] = date, ["status"] = status, ["exercises"] = new JsonArray([.. exercises]) };
        if (pain is { } p)
        {
            body["pain"] = p;
        }

        return body;
    }

    public static async Task<JsonElement> LogSession(this HttpClient client, string programmeId, JsonObject body)
    {
        using var response = await client.PostJson($"/api/programmes/{programmeId}/sessions", body);
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    /// <summary>Every prescribed exercise of every week of a programme document.</summary>
    public static IEnumerable<(int Week, JsonElement Item)> PlanItems(this JsonElement programme) =>
        programme.GetProperty("plan").GetProperty("weeks").EnumerateArray()
            .SelectMany(w => w.GetProperty("exercises").EnumerateArray().Select(e => (w.GetProperty("week").GetInt32(), e)));
}
