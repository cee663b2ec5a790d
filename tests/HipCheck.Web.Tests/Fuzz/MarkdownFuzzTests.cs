using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using HipCheck.Web.Articles;

namespace HipCheck.Web.Tests.Fuzz;

/// <summary>
/// Random and hostile Markdown, built from the pieces XSS payloads are made of, rendered by the comment and the article
/// pipelines and parsed by a real HTML parser: only allow-listed elements, only href and rel attributes, no on*
/// handler, and every link http, https, mailto or relative.
/// </summary>
public class MarkdownFuzzTests
{
    public const int CasesPerPipeline = 3000;

    private static readonly string[] Pieces =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "[a](JaVaScRiPt:alert(1))",
        "[a](java\nscript:alert(1))", "[a](java\tscript:alert(1))", "[a](&#106;avascript:alert(1))", "[a](&#x6A;avascript:alert(1))",
        "[a](data:text/html,<script>alert(1)</script>)", "[a](vbscript:msgbox(1))", "<javascript:alert(1)>", "![x](javascript:alert(1))",
        "[r]: javascript:alert(1)\n\n[r]\n", "<a href=\"javascript:x\">x</a>", "\" onmouseover=\"alert(1)", "' onfocus='alert(1)",
        "`<script>`", "```\n<script>alert(1)</script>\n```\n", "<svg/onload=alert(1)>", "<iframe src=javascript:alert(1)>",
        "<style>@import 'x'</style>", "{onclick=alert(1)}", "<!-- x -->", "<![CDATA[x]]>", "<math><mi xlink:href=javascript:alert(1)>",
        "<form action=javascript:alert(1)><input type=submit>", "<object data=javascript:alert(1)>", "[a](  javascript:alert(1)  )",
        "[a](<javascript:alert(1)>)", "[a](\\javascript:alert(1))", "[a](%6Aavascript:alert(1))", "[a](//evil.example/x)",
        "[a](https://example.org/?q=<b>&x=\"y\")", "<https://example.org/a>", "mailto:a@b.c", "www.example.org", "http://x.org\"onclick=\"y",
        "*", "**", "_", "~~", "[", "]", "(", ")", "<", ">", "&", "&amp;", "&#0;", "\"", "'", "`", "\\", "\n", "\n\n", "    ", "|", "| a | b |\n|---|---|\n",
        "---\n", "# ", "## ", "> ", "- ", "1. ", "\u0000", "\u200B", "\uFEFF", "\u202E", "é", "💥", "%0a", "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
    ];

    private static readonly string[] ArticleTags =
        ["a", "em", "strong", "code", "pre", "ul", "ol", "li", "p", "br", "blockquote", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sub", "sup"];

    private static readonly string[] CommentTags = ["a", "em", "strong", "code", "pre", "ul", "ol", "li", "p", "br", "blockquote"];

    private static readonly Gen<string> Markdown =
        Gen.Choose(0, 30).SelectMany(n => Gen.OneOf(Gen.Elements(Pieces), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")).ArrayOf(n))
            .Select(string.Concat);

    [Fact]
    public void Random_hostile_comments_never_render_script_handlers_or_script_links() =>
        AssertInert(ArticleHtml.Comment, CommentTags, "nofollow ugc noopener");

    [Fact]
    public void Random_hostile_articles_never_render_script_handlers_or_script_links() =>
        AssertInert(ArticleHtml.Article, ArticleTags, "noopener");

    private static void AssertInert(Func<string, string> render, string[] allowedTags, string rel)
    {
        var parser = new HtmlParser();
        var cases = Gen.Sample(Markdown, CasesPerPipeline, 50);
        Assert.Equal(CasesPerPipeline, cases.Length);
        var links = 0;
        foreach (var markdown in cases)
        {
            var html = render(markdown);
            var body = parser.ParseDocument($"<body>{html}</body>").Body!;
            foreach (var element in body.QuerySelectorAll("*"))
            {
                var where = $"in the rendering of {Show(markdown)}: {html}";
                Assert.True(allowedTags.Contains(element.LocalName), $"<{element.LocalName}> {where}");
                foreach (var attribute in element.Attributes)
                {
                    Assert.True(attribute.Name is "href" or "rel", $"attribute {attribute.Name} {where}");
                }

                if (element.LocalName == "a")
                {
                    Assert.Equal(rel, element.GetAttribute("rel"));
                    if (element.GetAttribute("href") is { } href)
                    {
                        links++;
                        Assert.True(IsSafeLink(href), $"href=\"{href}\" {where}");
                    }
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{CasesPerPipeline} random Markdown documents rendered, {links} links checked: 0 unsafe");
    }

    /// <summary>As a browser reads a URL: whitespace and controls dropped, case folded; a scheme must be http, https or mailto.</summary>
    private static bool IsSafeLink(string href)
    {
        var compact = new string(href.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        return !hasScheme || compact.StartsWith("http:", StringComparison.Ordinal) || compact.StartsWith("https:", StringComparison.Ordinal)
            || compact.StartsWith("mailto:", StringComparison.Ordinal);
    }

    private static string Show(string markdown) => System.Text.Json.JsonSerializer.Serialize(markdown);
}
