using System.Net;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Security;

/// <summary>
/// TRUST.md: a burst of logins from one client gets 429 with Retry-After (the built-in limiter, told to
/// answer 429). Limits are lowered here through RateLimits:*; the in-memory server has no client IP, so
/// every client of one app shares the "unknown" partition, as requests from one address would.
/// </summary>
public sealed class RateLimitTests : IAsyncDisposable
{
    private readonly HipCheckApp app = new(new Dictionary<string, string>
    {
        ["RateLimits:LoginPerMinute"] = "3",
        ["RateLimits:RegisterPerMinute"] = "2",
        ["RateLimits:PasswordResetPerMinute"] = "2",
    });

    [Fact]
    public async Task A_burst_of_api_logins_gets_429_with_Retry_After()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = $"Wr0ng!{i}" });
            await wrong.AssertStatus(HttpStatusCode.Unauthorized);
        }

        using var limited = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = "Wr0ng!x" });

        await AssertLimited(limited);
    }

    [Fact]
    public async Task A_burst_of_login_form_posts_gets_429_and_the_form_itself_still_shows()
    {
        var client = Browser();
        var token = await Token(client, "/Account/Login");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await PostForm(client, "/Account/Login", token, new() { ["Input.Email"] = "ann@example.org", ["Input.Password"] = $"Wr0ng!{i}" });
            await wrong.AssertStatus(HttpStatusCode.OK); // the page again, with "Wrong email or password."
        }

        using var limited = await PostForm(client, "/Account/Login", token, new() { ["Input.Email"] = "ann@example.org", ["Input.Password"] = "Wr0ng!x" });
        await AssertLimited(limited);

        using var form = await client.Get("/Account/Login");
        await form.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_and_page_logins_share_one_counter()
    {
        var client = Browser();
        var token = await Token(client, "/Account/Login");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = $"Wr0ng!{i}" });
            await wrong.AssertStatus(HttpStatusCode.Unauthorized);
        }

        using var limited = await PostForm(client, "/Account/Login", token, new() { ["Input.Email"] = "ann@example.org", ["Input.Password"] = "Wr0ng!x" });
        await AssertLimited(limited);
    }

    [Fact]
    public async Task A_burst_of_api_registrations_gets_429()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            using var register = await client.PostJson("/api/auth/register", new { email = $"ann{i}@example.org", password = HipCheckApp.Password });
            await register.AssertStatus(HttpStatusCode.Created);
        }

        using var limited = await client.PostJson("/api/auth/register", new { email = "ann9@example.org", password = HipCheckApp.Password });

        await AssertLimited(limited);
    }

    [Fact]
    public async Task A_burst_of_registration_form_posts_gets_429()
    {
        var client = Browser();
        var token = await Token(client, "/Account/Register");
        for (var i = 0; i < 2; i++)
        {
            // Mismatched confirmation: the form comes back with an error, and the attempt still counts.
            using var invalid = await PostForm(client, "/Account/Register", token, new()
            {
                ["Input.Email"] = $"ann{i}@example.org", ["Input.Password"] = HipCheckApp.Password, ["Input.ConfirmPassword"] = "Other!Pass1",
            });
            await invalid.AssertStatus(HttpStatusCode.OK);
        }

        using var limited = await PostForm(client, "/Account/Register", token, new()
        {
            ["Input.Email"] = "ann9@example.org", ["Input.Password"] = HipCheckApp.Password, ["Input.ConfirmPassword"] = HipCheckApp.Password,
        });
        await AssertLimited(limited);
    }

    [Fact]
    public async Task A_burst_of_password_reset_requests_gets_429()
    {
        var client = Browser();
        var token = await Token(client, "/Account/ForgotPassword");
        for (var i = 0; i < 2; i++)
        {
            using var sent = await PostForm(client, "/Account/ForgotPassword", token, new() { ["Input.Email"] = $"ann{i}@example.org" });
            Assert.True((int)sent.StatusCode is 200 or 302, $"forgot password {i}: {(int)sent.StatusCode}");
        }

        using var limited = await PostForm(client, "/Account/ForgotPassword", token, new() { ["Input.Email"] = "ann9@example.org" });
        await AssertLimited(limited);
    }

    private static async Task AssertLimited(HttpResponseMessage response)
    {
        await response.AssertStatus(HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero && delta <= TimeSpan.FromMinutes(1),
            $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private HttpClient Browser() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private static async Task<string> Token(HttpClient client, string page)
    {
        using var form = await client.Get(page);
        await form.AssertStatus(HttpStatusCode.OK);
        return CookieLogin.AntiforgeryToken(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string action, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        using var body = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, body, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
