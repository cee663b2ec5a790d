using System.Net;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Auth;

/// <summary>TRUST.md: lockout after 5 failures (Identity defaults, ASVS 2.2.1); one account per e-mail even under races.</summary>
public class AccountSafetyTests : ApiTest
{
    private async Task<HttpClient> Registered()
    {
        var client = App.Anonymous();
        using var register = await client.PostJson("/api/auth/register", new { email = "ann@example.org", password = HipCheckApp.Password });
        Assert.True(register.IsSuccessStatusCode);
        return client;
    }

    private static async Task FailLogins(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var wrong = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = $"Wr0ng!{i}" });
            await wrong.AssertStatus(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Four_failed_logins_do_not_lock_the_account()
    {
        var client = await Registered();
        await FailLogins(client, 4);

        await HipCheckApp.Login(client, "ann@example.org", HipCheckApp.Password);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_against_the_right_password()
    {
        var client = await Registered();
        await FailLogins(client, 5);

        using var login = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = HipCheckApp.Password });

        await login.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Racing_registrations_of_one_email_create_one_account_and_refuse_the_rest_with_400()
    {
        var client = App.Anonymous();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => client.PostJson("/api/auth/register", new { email = "ann@example.org", password = HipCheckApp.Password })));
        try
        {
            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            Assert.True(statuses.Count(s => s is 200 or 201) == 1, $"statuses: {string.Join(", ", statuses)}");
            Assert.True(statuses.Count(s => s == 400) == 7, $"statuses: {string.Join(", ", statuses)} (a lost race must not be a 500)");
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        await HipCheckApp.Login(client, "ann@example.org", HipCheckApp.Password);
    }
}
