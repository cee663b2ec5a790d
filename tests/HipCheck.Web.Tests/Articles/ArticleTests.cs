using System.Net;
using HipCheck.Web.Articles;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;
using static HipCheck.Web.Tests.Articles.ArticleFixtures;

namespace HipCheck.Web.Tests.Articles;

/// <summary>The shipped articles (issue 6 item 1): public list and pages, API, references and related articles.</summary>
public class ArticleTests : ApiTest
{
    [Fact]
    public async Task The_shipped_articles_are_listed_for_visitors_newest_first_on_the_page_and_the_api()
    {
        var visitor = App.Anonymous();

        var list = (await visitor.GetOk("/api/articles")).EnumerateArray().ToList();
        Assert.Equal([ArticleSeeder.KneePainSlug, ArticleSeeder.BackPainSlug], list.Select(a => a.GetProperty("slug").GetString()).ToList());
        var page = await visitor.Document("/Articles");
        Assert.Equal(2, page.QuerySelectorAll(".article-list li").Length);
        Assert.NotNull(page.QuerySelector($"a[href='/Articles/{ArticleSeeder.BackPainSlug}']"));
    }

    [Fact]
    public async Task The_back_pain_article_shows_its_studies_references_related_article_and_a_call_to_register_and_screen()
    {
        var page = await App.Anonymous().Document();

        Assert.Equal("Is one weaker hip behind your low back pain?", page.QuerySelector("h1")?.TextContent);
        var references = page.QuerySelectorAll("ol.references li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, references.Count);
        foreach (var (author, year) in new[] { ("Kankaanpää", 1998), ("Nadler", 2000), ("Nadler", 2001), ("Nadler", 2002), ("Biering-Sørensen", 1984) })
        {
            Assert.Contains(references, r => r.Contains(author, StringComparison.Ordinal) && r.Contains($"({year})", StringComparison.Ordinal));
        }

        Assert.NotNull(page.QuerySelector("a[href='https://doi.org/10.1097/00007632-198403000-00002']"));
        Assert.NotNull(page.QuerySelector($"a[href='/Articles/{ArticleSeeder.KneePainSlug}']"));
        Assert.NotNull(page.QuerySelector("a[href^='/Account/Register']"));
        var body = page.QuerySelector(".article-body")!.TextContent;
        Assert.Contains("retrospective", body, StringComparison.Ordinal);
        Assert.Contains("did not change", body, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("h1 ~ h1"));
    }

    [Fact]
    public async Task The_api_gives_an_article_with_structured_references_and_related_articles()
    {
        var article = await App.Anonymous().GetOk($"/api/articles/{ArticleSeeder.BackPainSlug}");

        var references = article.GetProperty("references").EnumerateArray().ToList();
        Assert.Equal(5, references.Count);
        var biering = references.Single(r => r.GetProperty("year").GetInt32() == 1984);
        JsonAssert.Text("10.1097/00007632-198403000-00002", biering, "doi");
        JsonAssert.Text("Spine 9(2):106-119", biering, "journal");
        Assert.Equal(ArticleSeeder.KneePainSlug, article.GetProperty("related")[0].GetProperty("slug").GetString());
        Assert.Contains("<h2>", article.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        using var missing = await App.Anonymous().Get("/api/articles/no-such-article");
        await missing.AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_an_editors_change()
    {
        var admin = await App.LogInAdminWithCookie();
        using (var saved = await admin.PostForm($"/Articles/{ArticleSeeder.KneePainSlug}/Edit", $"/Articles/{ArticleSeeder.KneePainSlug}/Edit",
            EditorForm(title: "Hip strength and sore knees")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await App.Services.SeedArticlesAsync();

        var list = await App.Anonymous().GetOk("/api/articles");
        Assert.Equal(2, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("title").GetString() == "Hip strength and sore knees");
    }

    [Fact]
    public async Task An_editor_writes_an_article_and_bad_fields_get_messages_beside_them()
    {
        var admin = await App.LogInAdminWithCookie();
        using (var bad = await admin.PostForm("/Articles/New", "/Articles/New", EditorForm(slug: "Not A Slug", references: "only | three | parts")))
        {
            await bad.AssertStatus(HttpStatusCode.OK);
            var html = await bad.Html();
            Assert.Contains("Use lower-case letters, digits and single hyphens", html, StringComparison.Ordinal);
            Assert.Contains("Line 1: write authors | year | title | journal | DOI", html, StringComparison.Ordinal);
        }

        using var created = await admin.PostForm("/Articles/New", "/Articles/New", EditorForm(slug: "side-planks"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Articles/side-planks", created.Headers.Location?.OriginalString);
        var page = await App.Anonymous().Document("/Articles/side-planks");
        Assert.Equal("Hip strength and sore knees", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Runners_cannot_open_the_editor()
    {
        await App.RegisterAndLogin("runner@example.org");
        var runner = await App.LogInWithCookie("runner@example.org");

        using var response = await runner.Get("/Articles/New");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static Dictionary<string, string> EditorForm(string title = "Hip strength and sore knees", string slug = ArticleSeeder.KneePainSlug,
        string references = "Ireland ML, et al. | 2003 | Hip strength in females with and without patellofemoral pain | J Orthop Sports Phys Ther 33(11):671-676 |") => new()
    {
        ["Input.Title"] = title,
        ["Input.Slug"] = slug,
        ["Input.Author"] = "HipCheck editorial team",
        ["Input.PublishedOn"] = "2026-11-20",
        ["Input.Summary"] = "A summary.",
        ["Input.Body"] = "Some **text**.",
        ["Input.References"] = references,
        ["Input.RelatedSlugs"] = ArticleSeeder.BackPainSlug,
    };
}
