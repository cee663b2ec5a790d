using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>
/// Base for tests that move time: the app runs on a <see cref="TestClock"/> set to noon UTC on 2025-09-01,
/// so "today", the baseline lock and the follow-up are under the test's control.
/// </summary>
public abstract class ClockedTest : IAsyncDisposable
{
    public const string ResearcherEmail = "researcher@example.org";

    protected ClockedTest()
    {
        Clock = new TestClock(new DateOnly(2025, 9, 1));
        App = new HipCheckApp { Clock = Clock };
    }

    protected TestClock Clock { get; }

    protected HipCheckApp App { get; }

    /// <summary>The date <paramref name="days"/> from the clock's today, as the API writes it.</summary>
    protected string Day(int days) => Iso(Clock.Today.AddDays(days));

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Moves the clock forward. Bearer tokens are issued and checked on the app's clock, so the clients
    /// given log in again (their tokens would have expired).
    /// </summary>
    protected async Task AdvanceDays(int days, params (HttpClient Client, string Email)[] relogin)
    {
        Clock.AdvanceDays(days);
        foreach (var (client, email) in relogin)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", await HipCheckApp.Login(client, email, HipCheckApp.Password));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Study and injury request bodies and calls.</summary>
public static class StudyApi
{
    public static JsonObject Study(string baselineStart, string baselineEnd, string title = "Hip asymmetry and low back pain",
        string design = "prospective-cohort", string eventCode = "lbp-treated-non-traumatic", int followUpDays = 180,
        double? exposureThresholdPercent = 15)
    {
        var body = new JsonObject
        {
            ["title"] = title,
            ["design"] = design,
            ["eventCode"] = eventCode,
            ["baselineStart"] = baselineStart,
            ["baselineEnd"] = baselineEnd,
            ["followUpDays"] = followUpDays,
        };
        if (exposureThresholdPercent is { } t)
        {
            body["exposureThresholdPercent"] = t;
        }

        return body;
    }

    public static JsonObject Enrolment(string? athleteId, string? consentDate, bool? consentGiven = true, bool? retainOnWithdrawal = null)
    {
        var body = new JsonObject();
        if (retainOnWithdrawal is { } retain)
        {
            body["retainOnWithdrawal"] = retain;
        }

        if (athleteId is not null)
        {
            body["athleteId"] = athleteId;
        }

        if (consentGiven is { } given)
        {
            body["consentGiven"] = given;
        }

        if (consentDate is not null)
        {
            body["consentDate"] = consentDate;
        }

        return body;
    }

    /// <summary>A valid injury: low back pain, overuse, needed treatment, 5 days lost.</summary>
    public static JsonObject Injury(string onsetDate, string region = "lumbar-spine", string diagnosis = "low-back-pain",
        string mechanism = "overuse", bool neededTreatment = true, int daysLost = 5, string? diagnosisText = null)
    {
        var body = new JsonObject
        {
            ["region"] = region,
            ["diagnosis"] = diagnosis,
            ["onsetDate"] = onsetDate,
            ["mechanism"] = mechanism,
            ["neededTreatment"] = neededTreatment,
            ["daysLost"] = daysLost,
        };
        if (diagnosisText is not null)
        {
            body["diagnosisText"] = diagnosisText;
        }

        return body;
    }

    public static async Task<JsonElement> CreateStudy(this HttpClient researcher, JsonObject body)
    {
        using var response = await researcher.PostJson("/api/studies", body);
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    public static async Task Enrol(this HttpClient researcher, string studyId, string athleteId, string consentDate, bool? retainOnWithdrawal = null)
    {
        using var response = await researcher.PostJson($"/api/studies/{studyId}/enrolments", Enrolment(athleteId, consentDate, retainOnWithdrawal: retainOnWithdrawal));
        await response.AssertStatus(HttpStatusCode.NoContent);
    }

    public static async Task<JsonElement> LockBaseline(this HttpClient researcher, string studyId)
    {
        using var response = await researcher.PostAsync($"/api/studies/{studyId}/lock-baseline", null, TestContext.Current.CancellationToken);
        await response.AssertStatus(HttpStatusCode.OK);
        return await response.Body();
    }

    public static async Task<JsonElement> LockData(this HttpClient researcher, string studyId)
    {
        using var response = await researcher.PostAsync($"/api/studies/{studyId}/lock-data", null, TestContext.Current.CancellationToken);
        await response.AssertStatus(HttpStatusCode.OK);
        return await response.Body();
    }

    public static async Task<JsonElement> RecordInjury(this HttpClient client, string athleteId, JsonObject body)
    {
        using var response = await client.PostJson($"/api/athletes/{athleteId}/injuries", body);
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    public static async Task<JsonElement[]> Audit(this HttpClient researcher, string studyId) =>
        (await researcher.GetOk($"/api/studies/{studyId}/audit")).Items();

    /// <summary>The details of the study's "lock-violation" audit entries, oldest first.</summary>
    public static async Task<string[]> Violations(this HttpClient researcher, string studyId) =>
        [.. (await researcher.Audit(studyId))
            .Where(e => e.GetProperty("action").GetString() == "lock-violation")
            .Select(e => e.GetProperty("detail").GetString()!)];

    public static async Task<JsonElement[]> Enrolments(this HttpClient researcher, string studyId) =>
        (await researcher.GetOk($"/api/studies/{studyId}/enrolments")).Items();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
