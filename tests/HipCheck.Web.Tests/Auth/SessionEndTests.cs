using System.Net;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Members;
using HipCheck.Web.Tests.Studies;

namespace HipCheck.Web.Tests.Auth;

/// <summary>
/// "Sessions end when they should" (TRUST.md, ASVS 3.3.x): a password change renews the security stamp, and every
/// session issued before it is refused (cookies at the next check, refresh tokens at once). The tests run with
/// Identity:SecurityStampValidationInterval = 0; production checks every minute.
/// </summary>
public class SessionEndTests : ApiTest
{
    private const string NewPassword = "N3w!Passw0rd";

    private async Task ChangePasswordByResetLink(string email)
    {
        var client = App.Anonymous();
        using var forgot = await client.PostForm("/Account/ForgotPassword", "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        await forgot.AssertStatus(HttpStatusCode.OK);
        var link = Outbox.Link(App.Message(email, "Reset your HipCheck password"), "/Account/ResetPassword");
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("https://localhost" + link).Query)["code"]!;
        using var reset = await client.PostForm(link, "/Account/ResetPassword", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
            ["Input.Code"] = code,
        });
        Assert.Contains("Your password has been changed", await reset.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_password_change_another_sessions_cookie_is_refused()
    {
        await App.RegisterAndLogin("ann@example.org");
        var laptop = await App.LogInWithCookie("ann@example.org");
        var phone = await App.LogInWithCookie("ann@example.org");
        foreach (var session in new[] { laptop, phone })
        {
            using var before = await session.Get("/Members");
            await before.AssertStatus(HttpStatusCode.OK);
        }

        await ChangePasswordByResetLink("ann@example.org");

        foreach (var session in new[] { laptop, phone })
        {
            using var after = await session.Get("/Members");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Contains("/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // A new login with the new password works.
        var fresh = await App.LogInWithCookie("ann@example.org", NewPassword);
        using var members = await fresh.Get("/Members");
        await members.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_the_password_while_signed_in_keeps_this_session_and_ends_the_others()
    {
        await App.RegisterAndLogin("ann@example.org");
        var laptop = await App.LogInWithCookie("ann@example.org");
        var phone = await App.LogInWithCookie("ann@example.org");

        // A wrong current password changes nothing.
        using (var wrong = await laptop.PostForm("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Not-the-0ne!",
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }))
        {
            Assert.Contains("The current password is not right.", await wrong.Html(), StringComparison.Ordinal);
        }

        using (var stillIn = await phone.Get("/Members"))
        {
            await stillIn.AssertStatus(HttpStatusCode.OK);
        }

        using (var changed = await laptop.PostForm("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = HipCheckApp.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        // This browser stays signed in; the other session is sent to log in.
        using (var here = await laptop.Get("/Members"))
        {
            await here.AssertStatus(HttpStatusCode.OK);
        }

        using (var there = await phone.Get("/Members"))
        {
            Assert.Equal(HttpStatusCode.Redirect, there.StatusCode);
            Assert.Contains("/Account/Login", there.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // The old password no longer logs in; the new one does.
        using var old = await App.Anonymous().PostJson("/api/auth/login", new { email = "ann@example.org", password = HipCheckApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.False(string.IsNullOrEmpty(await HipCheckApp.Login(App.Anonymous(), "ann@example.org", NewPassword)));
    }

    [Fact]
    public async Task After_a_password_change_a_refresh_token_issued_before_it_no_longer_refreshes()
    {
        await App.RegisterAndLogin("ann@example.org");
        using var login = await App.Anonymous().PostJson("/api/auth/login", new { email = "ann@example.org", password = HipCheckApp.Password });
        var refreshToken = (await login.Body()).GetProperty("refreshToken").GetString()!;

        // Before the change the token refreshes (the control), and the refreshed one is just as old a session.
        using (var refreshed = await App.Anonymous().PostJson("/api/auth/refresh", new { refreshToken }))
        {
            await refreshed.AssertStatus(HttpStatusCode.OK);
            refreshToken = (await refreshed.Body()).GetProperty("refreshToken").GetString()!;
        }

        await ChangePasswordByResetLink("ann@example.org");

        using var refused = await App.Anonymous().PostJson("/api/auth/refresh", new { refreshToken });
        await refused.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Production_checks_the_stamp_every_minute_unless_configured()
    {
        using var app = new HipCheckApp(new Dictionary<string, string> { ["Identity:SecurityStampValidationInterval"] = "00:01:00" });
        var options = app.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>))
            as Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>;
        Assert.Equal(TimeSpan.FromMinutes(1), options!.Value.ValidationInterval);
        Assert.Equal(TimeSpan.Zero, ((Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>)App.Services
            .GetService(typeof(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>))!).Value.ValidationInterval);
    }
}
