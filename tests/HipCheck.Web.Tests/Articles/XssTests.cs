using System.Net;
using AngleSharp.Dom;
using HipCheck.Web.Articles;
using HipCheck.Web.Tests.Infrastructure;
using static HipCheck.Web.Tests.Articles.ArticleFixtures;

namespace HipCheck.Web.Tests.Articles;

/// <summary>
/// TRUST.md "comments cannot carry script": every payload of xss-payloads.txt (>= 100 known vectors) is stored
/// through the API and the article page, parsed with a real HTML parser, holds 0 script elements, 0 on* attributes
/// and 0 javascript: (or vbscript:, data:) URLs.
/// </summary>
public sealed class XssTests : IAsyncDisposable
{
    private readonly HipCheckApp app = new(new Dictionary<string, string> { ["Comments:PerMinute"] = "10000" });

    private static readonly string[] CommentTags = ["a", "em", "strong", "code", "pre", "ul", "ol", "li", "p", "br", "blockquote"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "srcset", "background", "poster", "dynsrc", "lowsrc", "to", "values"];

    public static IReadOnlyList<string> Payloads() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Articles", "xss-payloads.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Replace("\\n", "\n", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public async Task Stored_payloads_render_without_script_elements_event_handlers_or_script_urls()
    {
        var payloads = Payloads();
        Assert.True(payloads.Count >= 100, $"only {payloads.Count} payloads");
        var member = await app.RegisterAndLogin("mallory@example.org");
        string? root = null;
        for (var i = 0; i < payloads.Count; i++)
        {
            // Every fourth payload is a reply, so the threaded rendering is covered too.
            var comment = await member.Comment(payloads[i], parentId: root is not null && i % 4 == 0 ? root : null);
            root ??= comment.Id();
        }

        Assert.Equal(payloads.Count, await app.CommentCount());
        foreach (var viewer in new[] { app.Anonymous(), await app.LogInWithCookie("mallory@example.org"), await app.LogInAdminWithCookie() })
        {
            var page = await viewer.Document();
            Assert.Equal(payloads.Count, page.QuerySelectorAll("article.comment").Length);
            AssertInert(page);
        }

        var api = await app.Anonymous().GetOk(CommentsPath);
        foreach (var html in api.EnumerateArray().SelectMany(t => t.GetProperty("replies").EnumerateArray().Prepend(t)).Select(c => c.GetProperty("html").GetString()!))
        {
            AssertInert(new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>"));
        }
    }

    [Fact]
    public void Safe_markdown_survives_and_links_are_marked_ugc()
    {
        var html = ArticleHtml.Comment("*a* **b** `c` [site](https://example.org) <https://example.org/x>\n\n- one\n- two\n\n> quote");

        Assert.Contains("<em>a</em>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>b</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<code>c</code>", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org\" rel=\"nofollow ugc noopener\">site</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", ArticleHtml.Comment("![x](https://example.org/a.png)"), StringComparison.Ordinal);
    }

    private static void AssertInert(IDocument page)
    {
        Assert.Empty(page.QuerySelectorAll("script"));
        var all = page.QuerySelectorAll("*").ToList();
        var handlers = all.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            .Select(a => $"<{e.LocalName} {a.Name}=\"{a.Value}\">")).ToList();
        Assert.True(handlers.Count == 0, "event handlers: " + string.Join(", ", handlers));
        var scriptUrls = all.SelectMany(e => e.Attributes.Where(a => UrlAttributes.Contains(a.Name.ToLowerInvariant()) && IsScriptUrl(a.Value))
            .Select(a => $"<{e.LocalName} {a.Name}=\"{a.Value}\">")).ToList();
        Assert.True(scriptUrls.Count == 0, "script URLs: " + string.Join(", ", scriptUrls));
        var outside = page.QuerySelectorAll(".comment-body *").Select(e => e.LocalName).Where(n => !CommentTags.Contains(n)).Distinct().ToList();
        Assert.True(outside.Count == 0, "elements outside the comment allow-list: " + string.Join(", ", outside));
    }

    /// <summary>As a browser reads a URL: control characters and whitespace dropped, case folded.</summary>
    private static bool IsScriptUrl(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("vbscript:", StringComparison.Ordinal)
            || compact.StartsWith("data:", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
