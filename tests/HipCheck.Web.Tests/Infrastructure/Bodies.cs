using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>Request bodies as JSON nodes, so a test can break exactly one field.</summary>
public static class Bodies
{
    public static JsonObject Athlete(string name = "Ada Runner", string sex = "female", string birthDate = "1990-04-15",
        double bodyMassKg = 60, double heightCm = 168, string sport = "running", string dominantLeg = "right") =>
        new()
        {
            ["name"] = name,
            ["sex"] = sex,
            ["birthDate"] = birthDate,
            ["bodyMassKg"] = bodyMassKg,
            ["heightCm"] = heightCm,
            ["sport"] = sport,
            ["dominantLeg"] = dominantLeg,
        };

    public static JsonObject Screening(string date, params JsonObject[] tests) =>
        new() { ["date"] = date, ["tests"] = new JsonArray([.. tests]) };

    public static JsonObject Force(string test, string unit, double[] left, double[] right, double? leverArmM = null)
    {
        var body = new JsonObject
        {
            ["test"] = test,
            ["unit"] = unit,
            ["left"] = Array(left),
            ["right"] = Array(right),
        };
        if (leverArmM is { } lever)
        {
            body["leverArmM"] = lever;
        }

        return body;
    }

    public static JsonObject HipExtension(double[] left, double[] right, string unit = "N", double? leverArmM = null) =>
        Force("hip-extension", unit, left, right, leverArmM);

    public static JsonObject BackExtension(double seconds) =>
        new() { ["test"] = "back-extension-endurance", ["seconds"] = seconds };

    public static JsonObject SingleLegBridge(double[] left, double[] right) =>
        new() { ["test"] = "single-leg-bridge", ["left"] = Array(left), ["right"] = Array(right) };

    /// <summary>A valid, unremarkable screening for tests that are about something else.</summary>
    public static JsonObject SimpleScreening(string date = "2025-03-01") =>
        Screening(date, HipExtension([200, 210, 220], [180, 190, 200]));

    public static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)v)]);

    public static async Task<JsonElement> CreateAthlete(this HttpClient client, JsonObject? body = null)
    {
        using var response = await client.PostJson("/api/athletes", body ?? Athlete());
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    public static async Task<JsonElement> CreateScreening(this HttpClient client, string athleteId, JsonObject? body = null)
    {
        using var response = await client.PostJson($"/api/athletes/{athleteId}/screenings", body ?? SimpleScreening());
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Far enough ahead to be in the future in every time zone.</summary>
    public static string InTwoDays => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
