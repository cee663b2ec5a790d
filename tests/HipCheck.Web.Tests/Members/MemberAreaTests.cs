using System.Net;
using HipCheck.Core.Training;
using HipCheck.Web.Account;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using HipCheck.Web.Tests.Studies;

namespace HipCheck.Web.Tests.Members;

/// <summary>The member area and its downloads: refused to visitors (login redirect on pages, 401 on files), open to members.</summary>
public class MemberAreaTests : ApiTest
{
    [Theory]
    [InlineData("/Members")]
    [InlineData("/Members/Course")]
    [InlineData("/Members/Course/why-runners-get-injured")]
    [InlineData("/Members/Course/Complete")]
    public async Task A_visitor_is_sent_to_log_in_and_brought_back(string page)
    {
        using var response = await App.Anonymous().Get(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/Account/Login", location, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(page), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_passes_the_return_address_on_to_register_and_back()
    {
        var client = App.Anonymous();
        using var login = await client.Get("/Account/Login?ReturnUrl=%2FMembers");
        var loginHtml = await login.Html();
        Assert.Contains("href=\"/Account/Register?returnUrl=%2FMembers\"", loginHtml, StringComparison.Ordinal);

        using var registered = await client.PostForm("/Account/Register?returnUrl=%2FMembers", "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = HipCheckApp.Password,
            ["Input.ConfirmPassword"] = HipCheckApp.Password,
            ["Input.Role"] = "Runner",
            ["ReturnUrl"] = "/Members",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Members", registered.Headers.Location!.ToString());

        using var area = await client.Get("/Members");
        await area.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("Member area", await area.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_refuses_a_return_address_on_another_site()
    {
        var client = App.Anonymous();
        using var registered = await client.PostForm("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = HipCheckApp.Password,
            ["Input.ConfirmPassword"] = HipCheckApp.Password,
            ["Input.Role"] = "Runner",
            ["ReturnUrl"] = "https://evil.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/Athletes", registered.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_member_area_lists_the_guide_videos_course_and_account()
    {
        await App.RegisterAndLogin("ann@example.org");
        var member = await App.LogInWithCookie("ann@example.org");

        using var response = await member.Get("/Members");
        await response.AssertStatus(HttpStatusCode.OK);
        var html = await response.Html();

        Assert.Contains("/api/guide.pdf?paper=a4", html, StringComparison.Ordinal);
        Assert.Contains("/api/guide.pdf?paper=letter", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Exercises\"", html, StringComparison.Ordinal);
        Assert.Contains("Start the course", html, StringComparison.Ordinal);
        Assert.Contains("0 of 6 lessons done", html, StringComparison.Ordinal);
        Assert.Contains("ann@example.org", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_member_area_lists_the_videos_attached_in_the_exercise_library()
    {
        var editor = await App.RegisterAndLogin("editor@example.org");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync("editor@example.org"))!, Roles.Admin)).Succeeded);
        }

        editor.DefaultRequestHeaders.Authorization = new("Bearer", await HipCheckApp.Login(editor, "editor@example.org", HipCheckApp.Password));
        var exercise = ExerciseLibrary.All[1];
        using (var attach = await editor.PutJson($"/api/exercises/{exercise.Id}/video", new { url = "https://videos.example.org/bridge" }))
        {
            await attach.AssertStatus(HttpStatusCode.OK);
        }

        var member = await App.LogInWithCookie("editor@example.org");
        using var response = await member.Get("/Members");
        var html = await response.Html();

        Assert.Contains($"href=\"/Exercises/{exercise.Id}\">{exercise.Name}</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://videos.example.org/bridge\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No videos have been added yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guide_is_refused_to_visitors_with_401()
    {
        using var response = await App.Anonymous().Get("/api/guide.pdf?paper=a4");

        await response.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Theory]
    [InlineData("cookie")]
    [InlineData("bearer")]
    public async Task A_member_downloads_the_guide_as_an_attachment_with_nosniff(string credential)
    {
        var bearer = await App.RegisterAndLogin("ann@example.org");
        var member = credential == "cookie" ? await App.LogInWithCookie("ann@example.org") : bearer;

        using var response = await member.Get("/api/guide.pdf?paper=a4");

        await response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }
}
