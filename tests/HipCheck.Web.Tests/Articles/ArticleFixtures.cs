using System.Net;
using AngleSharp.Html.Parser;
using HipCheck.Web.Account;
using HipCheck.Web.Articles;
using HipCheck.Web.Data;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Articles;

public static class ArticleFixtures
{
    public const string Slug = ArticleSeeder.BackPainSlug;
    public const string PagePath = "/Articles/" + Slug;
    public const string CommentsPath = "/api/articles/" + Slug + "/comments";

    public static async Task<int> CommentCount(this HipCheckApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HipCheckDb>().ArticleComments.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Makes a registered member an admin (editor) and returns a bearer client carrying the new role.</summary>
    public static async Task<HttpClient> Admin(this HipCheckApp app, string email = "editor@example.org")
    {
        var client = await app.RegisterAndLogin(email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.AddToRoleAsync(user!, Roles.Admin)).Succeeded);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", await HipCheckApp.Login(client, email, HipCheckApp.Password));
        return client;
    }

    /// <summary>An admin's browser session (login cookie).</summary>
    public static async Task<HttpClient> LogInAdminWithCookie(this HipCheckApp app, string email = "editor@example.org")
    {
        await app.Admin(email);
        return await app.LogInWithCookie(email);
    }

    public static async Task<System.Text.Json.JsonElement> Comment(this HttpClient client, string text, string? parentId = null, string? displayName = null)
    {
        using var response = await client.PostJson(CommentsPath, new { text, parentId, displayName });
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    /// <summary>Posts the page's comment form with the token the page gave.</summary>
    public static Task<HttpResponseMessage> PostCommentForm(this HttpClient client, string text, string? handler = null, IDictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>(extra ?? new Dictionary<string, string>());
        if (handler is null)
        {
            fields["Input.Text"] = text;
        }

        return client.PostForm(PagePath, handler is null ? PagePath : $"{PagePath}?handler={handler}", fields);
    }

    public static async Task<AngleSharp.Html.Dom.IHtmlDocument> Document(this HttpClient client, string path = PagePath)
    {
        using var response = await client.Get(path);
        await response.AssertStatus(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new HtmlParser().ParseDocument(html);
    }
}
