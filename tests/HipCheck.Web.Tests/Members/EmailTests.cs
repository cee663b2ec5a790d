using System.Net;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;

namespace HipCheck.Web.Tests.Members;

/// <summary>Account emails through the outbox folder: confirmation on registration, password reset by link.</summary>
public class EmailTests : ApiTest
{
    private const string NewPassword = "N3w!Passw0rd";

    [Fact]
    public async Task Registering_on_the_page_writes_a_confirmation_email_whose_link_confirms_the_address()
    {
        var client = App.Anonymous();
        using var registered = await client.PostForm("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = HipCheckApp.Password,
            ["Input.ConfirmPassword"] = HipCheckApp.Password,
            ["Input.Role"] = "Runner",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var message = App.Message("ann@example.org", "Confirm your HipCheck email address");
        Assert.Contains("Content-Type: text/plain; charset=utf-8", message, StringComparison.Ordinal);
        var link = Outbox.Link(message, "/Account/ConfirmEmail");
        Assert.Contains("userId=", link, StringComparison.Ordinal);
        Assert.Contains("code=", link, StringComparison.Ordinal);

        using (var before = await client.Get("/Members"))
        {
            Assert.Contains("(not confirmed yet)", await before.Html(), StringComparison.Ordinal);
        }

        using var confirm = await App.Anonymous().Get(link);
        await confirm.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Email confirmed", await confirm.Html(), StringComparison.Ordinal);

        using var after = await client.Get("/Members");
        Assert.Contains("(confirmed)", await after.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_through_the_api_writes_a_confirmation_email_too()
    {
        await App.RegisterAndLogin("ann@example.org");

        var message = App.Message("ann@example.org", "Confirm your HipCheck email address");
        Assert.Contains("/Account/ConfirmEmail?", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_confirms_nothing()
    {
        await App.RegisterAndLogin("ann@example.org", confirmEmail: false);
        var link = Outbox.Link(App.Message("ann@example.org", "Confirm"), "/Account/ConfirmEmail");

        using var confirm = await App.Anonymous().Get(link[..^4] + "AAAA");

        Assert.Contains("Link not valid", await confirm.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_and_reset_password_round_trip_through_the_outbox()
    {
        await App.RegisterAndLogin("ann@example.org");
        var client = App.Anonymous();

        using var forgot = await client.PostForm("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "ann@example.org" });
        await forgot.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("If there is a HipCheck account for that address", await forgot.Html(), StringComparison.Ordinal);

        var link = Outbox.Link(App.Message("ann@example.org", "Reset your HipCheck password"), "/Account/ResetPassword");
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("https://localhost" + link).Query)["code"]!;
        using var reset = await client.PostForm(link, "/Account/ResetPassword", new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
            ["Input.Code"] = code,
        });
        await reset.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Your password has been changed", await reset.Html(), StringComparison.Ordinal);

        await HipCheckApp.Login(App.Anonymous(), "ann@example.org", NewPassword);
        using var old = await App.Anonymous().PostJson("/api/auth/login", new { email = "ann@example.org", password = HipCheckApp.Password });
        await old.AssertStatus(HttpStatusCode.Unauthorized);

        // The link works once.
        using var again = await client.PostForm(link, "/Account/ResetPassword", new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = "An0ther!Pass",
            ["Input.ConfirmPassword"] = "An0ther!Pass",
            ["Input.Code"] = code,
        });
        Assert.Contains("not valid or has expired", await again.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_email_shows_the_same_page_and_writes_nothing()
    {
        await App.RegisterAndLogin("ann@example.org");
        var client = App.Anonymous();
        var before = App.Messages().Count;

        using var known = await client.PostForm("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "ann@example.org" });
        using var unknown = await client.PostForm("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });

        await unknown.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(MainOf(await known.Html()), MainOf(await unknown.Html()));
        Assert.Equal(before + 1, App.Messages().Count);
        Assert.DoesNotContain(App.Messages(), m => m.Contains("nobody@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reset_with_a_weak_password_says_so_beside_the_field()
    {
        await App.RegisterAndLogin("ann@example.org");
        var client = App.Anonymous();
        using var forgot = await client.PostForm("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "ann@example.org" });
        var link = Outbox.Link(App.Message("ann@example.org", "Reset"), "/Account/ResetPassword");
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("https://localhost" + link).Query)["code"]!;

        using var reset = await client.PostForm(link, "/Account/ResetPassword", new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
            ["Input.Code"] = code,
        });

        var html = await reset.Html();
        Assert.Matches("id=\"password-error\"[^>]*>[^<]*Passwords must", html);
    }

    /// <summary>The page's main element without the per-request antiforgery token.</summary>
    private static string MainOf(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Replace(main, "name=\"__RequestVerificationToken\"[^>]*", "");
    }
}

/// <summary>With an SMTP host configured, mail goes there and not to the outbox; a server that cannot be reached does not undo a registration.</summary>
public sealed class SmtpFailureTests : IAsyncDisposable
{
    private readonly HipCheckApp app = new(new Dictionary<string, string>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        // Port 1 (tcpmux) is closed on any normal machine: the connection is refused at once.
        ["Email:Smtp:Port"] = "1",
        ["Email:Smtp:EnableSsl"] = "false",
    });

    [Fact]
    public async Task An_unreachable_smtp_server_leaves_the_registration_in_place_and_the_outbox_empty()
    {
        var member = await app.RegisterAndLogin("ann@example.org", confirmEmail: false);

        using var guide = await member.Get("/api/guide.pdf?paper=a4");
        await guide.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(app.Messages());
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
