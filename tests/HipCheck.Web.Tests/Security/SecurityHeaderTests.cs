using System.Net;
using System.Text.RegularExpressions;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Security;

/// <summary>
/// TRUST.md / issue 8 item 2: every response carries the security headers, the pages' CSP allows no inline
/// script (only /scalar is relaxed), the auth cookie is HttpOnly, SameSite=Lax and Secure outside Development.
/// </summary>
public class SecurityHeaderTests : ApiTest
{
    public const string StrictCsp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' https:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static TheoryData<string> AnonymousUrls =>
    [
        "/", "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Athletes", "/no-such-page",
        "/api/articles", "/api/athletes", "/api/no-such-endpoint", "/health/live", "/openapi/v1.json", "/css/site.css",
    ];

    [Theory]
    [MemberData(nameof(AnonymousUrls))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await App.Anonymous().Get(url);

        AssertSecurityHeaders(response, StrictCsp);
    }

    [Fact]
    public async Task Member_pages_and_api_responses_carry_the_headers()
    {
        var api = await App.RegisterAndLogin("ann@example.org");
        using (var athletes = await api.Get("/api/athletes"))
        {
            await athletes.AssertStatus(HttpStatusCode.OK);
            AssertSecurityHeaders(athletes, StrictCsp);
        }

        var pages = await App.LogInWithCookie("ann@example.org");
        foreach (var url in new[] { "/Athletes", "/Members" })
        {
            using var page = await pages.Get(url);
            Assert.True(page.StatusCode is HttpStatusCode.OK, $"{url}: {(int)page.StatusCode}");
            AssertSecurityHeaders(page, StrictCsp);
        }
    }

    [Fact]
    public async Task Failed_api_requests_carry_the_headers()
    {
        using var bad = await App.Anonymous().PostRaw("/api/auth/login", "{ not json");

        Assert.True((int)bad.StatusCode is >= 400 and < 500, $"{(int)bad.StatusCode}");
        AssertSecurityHeaders(bad, StrictCsp);
    }

    [Fact]
    public async Task Only_the_api_reference_under_scalar_allows_inline_script()
    {
        using var scalar = await App.Anonymous().Get("/scalar/");
        await scalar.AssertStatus(HttpStatusCode.OK);
        var html = await scalar.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("cdn.jsdelivr", html); // the bundle comes from the app, not a CDN
        var csp = Header(scalar, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("http", csp); // no CDN: the bundle is served by the app

        using var page = await App.Anonymous().Get("/Account/Login");
        Assert.DoesNotContain("unsafe-inline", Header(page, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-eval", Header(page, "Content-Security-Policy"));
    }

    [Fact]
    public async Task The_auth_cookie_is_HttpOnly_SameSite_Lax_and_Secure_outside_Development()
    {
        // Environment "Testing" over https: the non-Development case, where SecurePolicy is Always.
        var client = App.Anonymous();
        using (var register = await client.PostJson("/api/auth/register", new { email = "ann@example.org", password = HipCheckApp.Password }))
        {
            Assert.True(register.IsSuccessStatusCode);
        }

        var browser = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        using var form = await browser.Get("/Account/Login");
        var token = CookieLogin.AntiforgeryToken(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = HipCheckApp.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var login = await browser.PostAsync("/Account/Login", body, TestContext.Current.CancellationToken);
        await login.AssertStatus(HttpStatusCode.Redirect);

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hipcheck.auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("secure", attributes);
    }

    [Fact]
    public void No_razor_page_has_inline_script_style_attributes_or_event_handlers()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);

        var offences = new List<string>();
        foreach (var path in pages)
        {
            var text = File.ReadAllText(path);
            // A <script> without src is inline script; with src it must come from this origin (CSP 'self').
            foreach (Match script in Regex.Matches(text, "<script\\b[^>]*>", RegexOptions.IgnoreCase))
            {
                if (!Regex.IsMatch(script.Value, "\\bsrc\\s*=", RegexOptions.IgnoreCase))
                {
                    offences.Add($"{path}: inline {script.Value}");
                }
            }

            if (Regex.IsMatch(text, "<style\\b", RegexOptions.IgnoreCase))
            {
                offences.Add($"{path}: <style> element");
            }

            foreach (Match attribute in Regex.Matches(text, "<[a-z][^>]*\\s(style|on[a-z]+)\\s*=", RegexOptions.IgnoreCase))
            {
                offences.Add($"{path}: inline attribute {attribute.Groups[1].Value}=");
            }

            if (text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                offences.Add($"{path}: javascript: URL");
            }
        }

        Assert.True(offences.Count == 0, "CSP forbids inline script and style:\n" + string.Join("\n", offences));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string csp)
    {
        var where = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})";
        Assert.True(Header(response, "Content-Security-Policy") == csp, $"{where}: CSP {Header(response, "Content-Security-Policy")}");
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{where}: X-Content-Type-Options");
        Assert.True(Header(response, "X-Frame-Options") == "DENY", $"{where}: X-Frame-Options");
        Assert.True(Header(response, "Referrer-Policy") == "strict-origin-when-cross-origin", $"{where}: Referrer-Policy");
        Assert.True(Header(response, "Permissions-Policy") == "camera=(), microphone=(), geolocation=()", $"{where}: Permissions-Policy");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HipCheck.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No HipCheck.slnx above {AppContext.BaseDirectory}");
    }
}
