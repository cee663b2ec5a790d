using System.Net;
using System.Net.Http.Headers;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Auth;

public class RegistrationAndLoginTests : ApiTest
{
    [Theory]
    [InlineData("runner")]
    [InlineData("coach")]
    [InlineData("researcher")]
    public async Task Member_can_register_with_a_chosen_role_and_log_in(string role)
    {
        var client = App.Anonymous();

        using var register = await client.PostJson("/api/auth/register",
            new { email = "ann@example.org", password = HipCheckApp.Password, role });
        Assert.True(register.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created,
            $"register: {(int)register.StatusCode} {await register.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");

        using var login = await client.PostJson("/api/auth/login",
            new { email = "ann@example.org", password = HipCheckApp.Password });
        await login.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_answers_a_bearer_token_with_expiry_and_refresh_token()
    {
        var client = App.Anonymous();
        using (var register = await client.PostJson("/api/auth/register",
                   new { email = "ann@example.org", password = HipCheckApp.Password }))
        {
            Assert.True(register.IsSuccessStatusCode);
        }

        using var login = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = HipCheckApp.Password });
        await login.AssertStatus(HttpStatusCode.OK);
        var body = await login.Body();

        JsonAssert.Text("Bearer", body, "tokenType");
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("refreshToken").GetString()));
        Assert.True(body.GetProperty("expiresIn").GetDouble() > 0);
    }

    [Fact]
    public async Task The_access_token_opens_the_api()
    {
        var client = App.Anonymous();
        using (await client.PostJson("/api/auth/register", new { email = "ann@example.org", password = HipCheckApp.Password }))
        {
        }

        var token = await HipCheckApp.Login(client, "ann@example.org", HipCheckApp.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var athletes = await client.GetOk("/api/athletes");
        Assert.Empty(athletes.Items());
    }

    [Fact]
    public async Task Registration_without_a_role_makes_a_runner()
    {
        // The observable difference: a runner owns exactly one athlete profile, so a second one is refused.
        var client = App.Anonymous();
        using (var register = await client.PostJson("/api/auth/register", new { email = "ann@example.org", password = HipCheckApp.Password }))
        {
            Assert.True(register.IsSuccessStatusCode);
        }

        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await HipCheckApp.Login(client, "ann@example.org", HipCheckApp.Password));
        await client.CreateAthlete();

        using var second = await client.PostJson("/api/athletes", Bodies.Athlete(name: "Someone Else"));
        await second.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Eight_character_password_with_every_character_class_is_accepted()
    {
        // "Sh0rt!ab": 8 characters, upper, lower, digit, symbol: the shortest password the policy allows
        // (NIST SP 800-63B's minimum of 8, stricter than Identity's default 6).
        using var register = await App.Anonymous().PostJson("/api/auth/register", new { email = "ann@example.org", password = "Sh0rt!ab" });
        Assert.True(register.IsSuccessStatusCode, $"refused: {(int)register.StatusCode}");
    }

    [Theory]
    [InlineData("Ab1!x")] // 5 characters: shorter than 8
    [InlineData("Sh0rt!a")] // 7 characters: shorter than 8
    [InlineData("lowercase1!")] // no upper case
    [InlineData("UPPERCASE1!")] // no lower case
    [InlineData("NoDigits!!")] // no digit
    [InlineData("NoSymbol123")] // no non-alphanumeric
    public async Task Weak_password_is_refused_with_field_errors(string password)
    {
        var client = App.Anonymous();
        using var register = await client.PostJson("/api/auth/register", new { email = "ann@example.org", password });
        await register.AssertFieldErrors("password");

        using var login = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password });
        await login.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    public async Task Bad_email_is_refused_with_field_errors(string email)
    {
        using var register = await App.Anonymous().PostJson("/api/auth/register", new { email, password = HipCheckApp.Password });
        await register.AssertFieldErrors("email");
    }

    [Theory]
    [InlineData("ann@example.org")]
    [InlineData("ANN@Example.org")] // e-mail addresses compare case-insensitively
    public async Task Duplicate_email_is_refused_with_field_errors(string second)
    {
        var client = App.Anonymous();
        using (var first = await client.PostJson("/api/auth/register", new { email = "ann@example.org", password = HipCheckApp.Password }))
        {
            Assert.True(first.IsSuccessStatusCode);
        }

        using var again = await client.PostJson("/api/auth/register", new { email = second, password = "0ther!Pass" });
        await again.AssertFieldErrors("email");

        // The original account keeps its password.
        await HipCheckApp.Login(client, "ann@example.org", HipCheckApp.Password);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Admin")]
    [InlineData("superuser")] // unknown roles are refused too (the contract lists the three allowed)
    public async Task Admin_or_unknown_role_cannot_be_chosen_at_registration(string role)
    {
        var client = App.Anonymous();
        using var register = await client.PostJson("/api/auth/register", new { email = "eve@example.org", password = HipCheckApp.Password, role });
        await register.AssertFieldErrors("role");

        // Nothing was created: the account cannot log in.
        using var login = await client.PostJson("/api/auth/login", new { email = "eve@example.org", password = HipCheckApp.Password });
        await login.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_gets_401()
    {
        var client = App.Anonymous();
        using (await client.PostJson("/api/auth/register", new { email = "ann@example.org", password = HipCheckApp.Password }))
        {
        }

        using var login = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = "Wr0ng!Pass" });
        await login.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_email_gets_401_like_a_wrong_password()
    {
        using var login = await App.Anonymous().PostJson("/api/auth/login", new { email = "nobody@example.org", password = HipCheckApp.Password });
        await login.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_gets_401()
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-real-token");
        using var response = await client.Get("/api/athletes");
        await response.AssertStatus(HttpStatusCode.Unauthorized);
    }
}
