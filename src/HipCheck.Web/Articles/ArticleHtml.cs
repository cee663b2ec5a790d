using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace HipCheck.Web.Articles;

/// <summary>
/// Markdown to safe HTML. Both pipelines disable raw HTML in Markdig, then HtmlSanitizer keeps only an
/// allow-list of elements and attributes and only http, https and mailto links (TRUST.md: comments cannot
/// carry script; ASVS 5.2.1, 5.2.8). Articles get headings and tables; comments get emphasis, links,
/// lists, quotes and code, with links marked rel="nofollow ugc noopener".
/// </summary>
public static class ArticleHtml
{
    private static readonly MarkdownPipeline ArticlePipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UsePipeTables().UseAutoLinks().UseEmphasisExtras().Build();

    private static readonly MarkdownPipeline CommentPipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UseAutoLinks().Build();

    private static readonly string[] CommentTags = ["a", "em", "strong", "code", "pre", "ul", "ol", "li", "p", "br", "blockquote"];

    private static readonly string[] ArticleTags =
    [
        .. CommentTags, "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sub", "sup",
    ];

    public static string Article(string markdown) => Sanitize(Markdown.ToHtml(markdown, ArticlePipeline), ArticleTags, "noopener");

    public static string Comment(string markdown) => Sanitize(Markdown.ToHtml(markdown, CommentPipeline), CommentTags, "nofollow ugc noopener");

    private static string Sanitize(string html, string[] tags, string rel)
    {
        // A sanitizer per call: its settings and event are ours alone, whatever thread renders.
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", rel);
            }
        };
        return sanitizer.Sanitize(html);
    }
}
