using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>Risk reports, teams and the shipped evidence catalogue, for the risk and team tests.</summary>
public static class RiskReports
{
    /// <summary>The hip-extension trials of the worked example: left mean 615 / 3 = 205 N, right 750 / 3 = 250 N,
    /// asymmetry 100 x (250 - 205) / 250 = 18 %, weaker side left.</summary>
    public static JsonObject HipExtension18() => Bodies.HipExtension([200, 210, 205], [250, 245, 255]);

    /// <summary>Left 180 N, right 200 N: asymmetry 100 x (200 - 180) / 200 = 10 %, weaker side left.</summary>
    public static JsonObject HipExtension10() => Bodies.HipExtension([180, 180, 180], [200, 200, 200]);

    public static async Task<JsonElement> Report(this HttpClient client, string screeningId) =>
        await client.GetOk($"/api/screenings/{screeningId}/report");

    /// <summary>The outcome of one rule in a report document, found by its id.</summary>
    public static JsonElement Rule(this JsonElement report, string ruleId)
    {
        var matches = report.GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == ruleId).ToList();
        Assert.True(matches.Count == 1, $"expected one rule '{ruleId}' in {report.GetProperty("rules")}");
        return matches[0];
    }

    public static string Status(this JsonElement rule) => rule.GetProperty("status").GetString()!;

    /// <summary>Creates a team as a coach (201) and returns its document.</summary>
    public static async Task<JsonElement> CreateTeam(this HttpClient coach, string name)
    {
        using var response = await coach.PostJson("/api/teams", new { name });
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    /// <summary>An athlete body placed in a coach's team.</summary>
    public static JsonObject InTeam(this JsonObject athlete, string teamId)
    {
        athlete["teamId"] = teamId;
        return athlete;
    }

    /// <summary>Creates an athlete and one screening of the given tests on the given date; answers (athlete id, screening id).</summary>
    public static async Task<(string AthleteId, string ScreeningId)> AthleteWithScreening(
        this HttpClient client, JsonObject athlete, string date, params JsonObject[] tests)
    {
        var athleteId = (await client.CreateAthlete(athlete)).Id();
        var screeningId = (await client.CreateScreening(athleteId, Bodies.Screening(date, tests))).Id();
        return (athleteId, screeningId);
    }
}

/// <summary>The evidence catalogue as shipped in the source tree, read independently of the app's loader.</summary>
public static class ShippedCatalogue
{
    public static string Path { get; } = System.IO.Path.Combine(RepoRoot(), "src", "HipCheck.Core", "Risk", "evidence-catalogue.json");

    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.Clone();
    });

    public static JsonElement Json => Root.Value;

    public static string Version => Json.GetProperty("version").GetString()!;

    public static JsonElement[] Rules => [.. Json.GetProperty("rules").EnumerateArray()];

    public static JsonElement Rule(string id) => Rules.Single(r => r.GetProperty("id").GetString() == id);

    public static JsonElement Study(string id) =>
        Json.GetProperty("studies").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HipCheck.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No HipCheck.slnx above {AppContext.BaseDirectory}");
    }
}

/// <summary>Logs a member into the web pages with the login form (cookie), as a browser would.</summary>
public static class CookieLogin
{
    public static async Task<HttpClient> LogInWithCookie(this HipCheckApp app, string email, string password = HipCheckApp.Password)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        using var form = await client.Get("/Account/Login");
        await form.AssertStatus(HttpStatusCode.OK);
        var token = AntiforgeryToken(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var login = await client.PostAsync("/Account/Login", body, TestContext.Current.CancellationToken);
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"cookie login {email}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return client;
    }

    public static string AntiforgeryToken(string html)
    {
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>");
        Assert.True(input.Success, "no antiforgery token in the form");
        return System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(input.Value, "value=\"([^\"]*)\"").Groups[1].Value);
    }
}
