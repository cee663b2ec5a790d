using System.Net;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Auth;

/// <summary>Sensitive actions wait for a confirmed email address: creating a study, exporting study data or one's own data, deleting the account.</summary>
public class ConfirmedEmailTests : ApiTest
{
    private static string Today(int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_unconfirmed_researcher_is_refused_until_the_link_is_followed_then_allowed_without_logging_in_again()
    {
        var researcher = await App.RegisterAndLogin("res@example.org", role: "researcher", confirmEmail: false);
        using (var refused = await researcher.PostJson("/api/studies", StudyApi.Study(Today(-5), Today(20))))
        {
            await refused.AssertStatus(HttpStatusCode.Forbidden);
            Assert.Contains("Confirm your email address", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Empty((await researcher.GetOk("/api/studies")).Items());
        var cookie = await App.LogInWithCookie("res@example.org");
        using (var page = await cookie.PostForm("/Studies/Create", "/Studies/Create", new Dictionary<string, string>
               {
                   ["Input.Title"] = "Unconfirmed", ["Input.Design"] = "prospective-cohort", ["Input.EventCode"] = "lbp-treated-non-traumatic",
                   ["Input.BaselineStart"] = Today(-5), ["Input.BaselineEnd"] = Today(20), ["Input.FollowUpDays"] = "365",
               }))
        {
            await page.AssertStatus(HttpStatusCode.OK);
            Assert.Contains("Confirm your email address", await page.Html(), StringComparison.Ordinal);
        }

        await App.ConfirmEmail("res@example.org");

        var study = (await researcher.CreateStudy(StudyApi.Study(Today(-5), Today(20)))).Id();
        using var export = await researcher.Get($"/api/studies/{study}/codebook.csv");
        await export.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Study_exports_are_refused_to_a_researcher_whose_email_is_not_confirmed()
    {
        var researcher = await App.RegisterAndLogin("res@example.org", role: "researcher");
        var study = (await researcher.CreateStudy(StudyApi.Study(Today(-5), Today(20)))).Id();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HipCheck.Web.Account.AppUser>>();
            var user = await users.FindByEmailAsync("res@example.org");
            user!.EmailConfirmed = false;
            await users.UpdateAsync(user);
        }

        foreach (var file in new[] { "cohort.csv", "codebook.csv", "cohort.json" })
        {
            using var refused = await researcher.Get($"/api/studies/{study}/{file}");
            await refused.AssertStatus(HttpStatusCode.Forbidden);
        }

        var cookie = await App.LogInWithCookie("res@example.org");
        using var page = await cookie.Get($"/Studies/{study}/Export?format=csv");
        await page.AssertStatus(HttpStatusCode.Forbidden);
    }
}
