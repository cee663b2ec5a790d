using System.Text.RegularExpressions;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Articles;

/// <summary>One entry of an article's reference list.</summary>
public sealed record ArticleReference(string Authors, int Year, string Title, string Journal, string? Doi);

/// <summary>What an editor submits for an article (the API's field names).</summary>
public sealed record ArticleEntry(
    string? Title,
    string? Slug,
    string? Author,
    DateOnly? PublishedOn,
    string? Summary,
    string? Body,
    IReadOnlyList<ArticleReference>? References,
    IReadOnlyList<string>? RelatedSlugs);

/// <summary>Rules for articles: every message carries the API path of its field.</summary>
public static partial class ArticleRules
{
    public const int TitleMaxLength = 200;
    public const int SlugMaxLength = 100;
    public const int AuthorMaxLength = 100;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 100_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsSlug(string? value) => value is { Length: > 0 and <= SlugMaxLength } && SlugPattern().IsMatch(value);

    public static IReadOnlyList<FieldError> Validate(ArticleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new FieldErrors();
        Required(errors, "title", entry.Title, TitleMaxLength, "Give the article a title.");
        if (string.IsNullOrWhiteSpace(entry.Slug))
        {
            errors.Add("slug", "Give the article a slug (the last part of its address), e.g. hip-strength-and-back-pain.");
        }
        else if (!IsSlug(entry.Slug.Trim()))
        {
            errors.Add("slug", $"Use lower-case letters, digits and single hyphens, at most {SlugMaxLength} characters.");
        }

        Required(errors, "author", entry.Author, AuthorMaxLength, "Name the author.");
        if (entry.PublishedOn is null)
        {
            errors.Add("publishedOn", "Give the publication date.");
        }

        Required(errors, "summary", entry.Summary, SummaryMaxLength, "Write a short summary.");
        Required(errors, "body", entry.Body, BodyMaxLength, "Write the article.");
        var references = entry.References ?? [];
        for (var i = 0; i < references.Count; i++)
        {
            var r = references[i];
            Required(errors, $"references[{i}].authors", r.Authors, 300, "Name the authors.");
            Required(errors, $"references[{i}].title", r.Title, 400, "Give the title.");
            Required(errors, $"references[{i}].journal", r.Journal, 300, "Give the journal.");
            if (r.Year is < 1800 or > 2200)
            {
                errors.Add($"references[{i}].year", "Give the year of publication.");
            }

            if (r.Doi is { Length: > 0 } doi && !doi.StartsWith("10.", StringComparison.Ordinal))
            {
                errors.Add($"references[{i}].doi", "A DOI starts with 10., e.g. 10.1097/00007632-198403000-00002.");
            }
        }

        var related = entry.RelatedSlugs ?? [];
        for (var i = 0; i < related.Count; i++)
        {
            if (!IsSlug(related[i]))
            {
                errors.Add($"relatedSlugs[{i}]", "Not an article slug.");
            }
            else if (related[i] == entry.Slug?.Trim())
            {
                errors.Add($"relatedSlugs[{i}]", "An article cannot be related to itself.");
            }
        }

        return errors.All;
    }

    private static void Required(FieldErrors errors, string field, string? value, int maxLength, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters (this has {value.Trim().Length}).");
        }
    }
}

/// <summary>Rules for comments on articles: length, display names and the edit window.</summary>
public static class CommentRules
{
    public const int TextMaxLength = 2000;
    public const int DisplayNameMaxLength = 40;

    /// <summary>How long the author may edit or delete their own comment.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public static IReadOnlyList<FieldError> Validate(string? text, string? displayName)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("text", "Write a comment before posting.");
        }
        else if (text.Trim().Length > TextMaxLength)
        {
            errors.Add("text", $"A comment may be at most {TextMaxLength} characters; this one has {text.Trim().Length}. Shorten it or split it in two.");
        }

        if (displayName is { } name && !string.IsNullOrWhiteSpace(name))
        {
            name = name.Trim();
            if (name.Length > DisplayNameMaxLength)
            {
                errors.Add("displayName", $"A display name may be at most {DisplayNameMaxLength} characters.");
            }
            else if (name.Contains('@', StringComparison.Ordinal))
            {
                errors.Add("displayName", "A display name cannot contain @: choose a name, not an email address.");
            }
            else if (name.Any(char.IsControl))
            {
                errors.Add("displayName", "A display name cannot contain control characters.");
            }
        }

        return errors.All;
    }

    /// <summary>True while the author may still change or remove the comment.</summary>
    public static bool WithinEditWindow(DateTime createdUtc, DateTime nowUtc) => nowUtc - createdUtc <= EditWindow;

    /// <summary>The name shown for a member who chose none: never derived from the email.</summary>
    /// <summary>The author id a comment keeps after its author deleted their account: shown as "Former member".</summary>
    public const string FormerMemberId = "former-member";

    public static string DefaultDisplayName(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (userId == FormerMemberId)
        {
            return "Former member";
        }

        var compact = userId.Replace("-", "", StringComparison.Ordinal);
        return "Member " + compact[..Math.Min(6, compact.Length)];
    }
}
