using System.Globalization;
using HipCheck.Core.Articles;
using HipCheck.Core.Validation;
using HipCheck.Web.Account;
using HipCheck.Web.Articles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Articles;

/// <summary>The article form of editors (admins). References are one per line: authors | year | title | journal | DOI.</summary>
public sealed class ArticleInput
{
    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Author { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public string? References { get; set; }

    public string? RelatedSlugs { get; set; }

    public static ArticleInput From(Article a) => new()
    {
        Title = a.Title, Slug = a.Slug, Author = a.Author, PublishedOn = a.PublishedOn, Summary = a.Summary, Body = a.Body,
        References = string.Join("\n", a.References.Select(r => string.Join(" | ", r.Authors, r.Year.ToString(CultureInfo.InvariantCulture), r.Title, r.Journal, r.Doi ?? ""))),
        RelatedSlugs = string.Join(", ", a.RelatedSlugs),
    };

    public ArticleEntry ToEntry(List<FieldError> parseErrors)
    {
        var references = new List<ArticleReference>();
        var lines = (References ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 4 or > 5 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                parseErrors.Add(new FieldError("references", $"Line {i + 1}: write authors | year | title | journal | DOI (the DOI may be left out)."));
                continue;
            }

            references.Add(new ArticleReference(parts[0], year, parts[2], parts[3], parts.Length == 5 && parts[4].Length > 0 ? parts[4] : null));
        }

        var related = (RelatedSlugs ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return new ArticleEntry(Title, Slug, Author, PublishedOn, Summary, Body, references, related);
    }
}

/// <summary>Shared by the New and Edit pages: validation from Core, messages beside the fields.</summary>
[Authorize(Roles = Roles.Admin)]
public abstract class ArticleEditorModel(ArticleService articles) : PageModel
{
    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    protected ArticleService Articles => articles;

    protected async Task<IActionResult> SaveAsync(Article? existing, CancellationToken ct)
    {
        var parseErrors = new List<FieldError>();
        var entry = Input.ToEntry(parseErrors);
        var (article, errors) = await articles.SaveArticleAsync(entry, existing, ct);
        var all = parseErrors.Concat(errors.Select(e => e.Field.StartsWith("references[", StringComparison.Ordinal)
            ? new FieldError("references", $"Line {int.Parse(e.Field[11..e.Field.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture) + 1}: {e.Message}")
            : e.Field.StartsWith("relatedSlugs[", StringComparison.Ordinal) ? new FieldError("relatedSlugs", e.Message) : e)).ToList();
        if (article is null || all.Count > 0)
        {
            HipCheck.Web.Pages.Athletes.ModelStateExtensions.AddFieldErrors(ModelState, all);
            return Page();
        }

        return Redirect($"/Articles/{article.Slug}");
    }
}

public sealed class NewModel(ArticleService articles, TimeProvider clock) : ArticleEditorModel(articles)
{
    public void OnGet() => Input = new ArticleInput { PublishedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) };

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(null, ct);
}

public sealed class EditModel(ArticleService articles) : ArticleEditorModel(articles)
{
    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await Articles.FindAsync(slug, ct) is not { } article)
        {
            return NotFound();
        }

        Slug = slug;
        Input = ArticleInput.From(article);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await Articles.FindAsync(slug, ct) is not { } article)
        {
            return NotFound();
        }

        Slug = slug;
        return await SaveAsync(article, ct);
    }
}
