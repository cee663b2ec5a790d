using System.Net;
using System.Net.Http.Headers;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Platform;

/// <summary>
/// Two HipCheck instances, each a real Kestrel server on its own port, over one database (PostgreSQL when
/// the suite runs on it): what one instance issues (login cookie, antiforgery token, bearer token), the
/// other accepts, because the Data Protection keys live in the database and not in either process.
/// </summary>
public sealed class MultiInstanceTests : TwoInstances
{
    [Fact]
    public async Task The_instances_listen_on_two_ports()
    {
        var a = Address(First);
        var b = Address(Second);

        Assert.NotEqual(a.Port, b.Port);
        using var client = new HttpClient();
        foreach (var address in new[] { a, b })
        {
            using var ready = await client.GetAsync(new Uri(address, "/health/ready"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    /// <summary>
    /// In one test process both instances would also share ASP.NET Core's default key folder (~/.aspnet), so the
    /// cross-instance tests below pass even without shared storage; two machines would not. This test pins where the
    /// keys are: in the database, read through EF Core, by both instances.
    /// </summary>
    [Fact]
    public async Task The_data_protection_keys_live_in_the_database_for_both_instances()
    {
        using var api = Client(First);
        using (await Register(api, "keys@example.org")) { }

        foreach (var app in new[] { First, Second })
        {
            var repository = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository;
            Assert.IsType<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.EntityFrameworkCoreXmlRepository<HipCheck.Web.Data.HipCheckDb>>(repository);
        }

        await using var scope = Second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheck.Web.Data.HipCheckDb>();
        Assert.NotEmpty(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_form_from_one_instance_logs_in_on_the_other_and_the_cookie_works_on_both()
    {
        using var api = Client(First);
        using (await Register(api, "ann@example.org")) { }

        // The login form (antiforgery cookie + token) comes from the First instance ...
        using var form = await api.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        await form.AssertStatus(HttpStatusCode.OK);
        var antiforgeryCookie = Cookies(form);
        var token = CookieLogin.AntiforgeryToken(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // ... and is posted to the Second, which must accept a token it did not issue.
        using var other = Client(Second);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "ann@example.org",
                ["Input.Password"] = HipCheckApp.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var login = await other.SendAsync(post, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Cookies(login);
        Assert.Contains("hipcheck.auth=", session, StringComparison.Ordinal);

        // The session cookie the Second instance set opens a members-only page on both instances.
        foreach (var client in new[] { api, other })
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, "/Athletes");
            page.Headers.Add("Cookie", session);
            using var answer = await client.SendAsync(page, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        // Control: without the cookie the same page sends a visitor to log in.
        using var anonymous = await api.GetAsync("/Athletes", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_from_one_instance_is_honoured_by_the_other()
    {
        using var api = Client(First);
        using (await Register(api, "coach@example.org", "coach")) { }
        var token = await HipCheckApp.Login(api, "coach@example.org", HipCheckApp.Password);

        using var other = Client(Second);
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await other.PostJson("/api/athletes", Bodies.Athlete());
        await created.AssertStatus(HttpStatusCode.Created);
        var athlete = await created.Body();

        // Written through the Second instance, read through the First with the same token.
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var read = await api.GetOk($"/api/athletes/{athlete.Id()}");
        Assert.Equal(athlete.GetProperty("name").GetString(), read.GetProperty("name").GetString());
    }

    private static async Task<HttpResponseMessage> Register(HttpClient client, string email, string role = "runner")
    {
        var response = await client.PostJson("/api/auth/register", new { email, password = HipCheckApp.Password, role });
        await response.AssertStatus(HttpStatusCode.Created);
        return response;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);
}
