using HipCheck.Core.Articles;
using HipCheck.Core.Validation;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Articles;

public sealed record ArticleSummaryDocument(string Slug, string Title, string Author, DateOnly PublishedOn, string Summary, string Url)
{
    public static ArticleSummaryDocument From(Article a) => new(a.Slug, a.Title, a.Author, a.PublishedOn, a.Summary, $"/Articles/{a.Slug}");
}

public sealed record ArticleDocument(
    string Slug,
    string Title,
    string Author,
    DateOnly PublishedOn,
    string Summary,
    string Body,
    string BodyHtml,
    IReadOnlyList<ArticleReference> References,
    IReadOnlyList<ArticleSummaryDocument> Related,
    string CommentsUrl)
{
    public static ArticleDocument From(Article a, IReadOnlyList<Article> related) => new(
        a.Slug, a.Title, a.Author, a.PublishedOn, a.Summary, a.Body, ArticleHtml.Article(a.Body),
        a.References.Select(r => r.ToReference()).ToList(), related.Select(ArticleSummaryDocument.From).ToList(),
        $"/api/articles/{a.Slug}/comments");
}

/// <summary>A comment as shown: the author's chosen name (never the email), a staff flag, and safe HTML.</summary>
public sealed record CommentDocument(
    Guid Id,
    Guid? ParentId,
    string Author,
    bool Staff,
    string Text,
    string Html,
    DateTime CreatedUtc,
    DateTime? EditedUtc,
    bool Hidden,
    IReadOnlyList<CommentDocument> Replies)
{
    /// <summary>For pages: whether the viewer may still edit or delete it (their own, inside the window).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Editable { get; init; }
}

public sealed record CommentEntry(string? Text, Guid? ParentId, string? DisplayName);

public sealed record CommentEdit(string? Text);

public enum CommentOutcome
{
    Done,
    NotFound,
    EditWindowClosed,
    Invalid,
}

/// <summary>Articles and their comments, for the API and the pages alike.</summary>
public sealed class ArticleService(HipCheckDb db, TimeProvider clock)
{
    public const string EditWindowClosedMessage = "Comments can be changed or deleted only in the first 15 minutes after posting.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<Article>> ListAsync(CancellationToken ct) =>
        db.Articles.AsNoTracking().OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Title).ToListAsync(ct);

    public Task<Article?> FindAsync(string slug, CancellationToken ct) =>
        db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, ct);

    public async Task<List<Article>> RelatedAsync(Article article, CancellationToken ct)
    {
        var slugs = article.RelatedSlugs;
        var found = await db.Articles.AsNoTracking().Where(a => slugs.Contains(a.Slug)).ToListAsync(ct);
        return slugs.Select(s => found.FirstOrDefault(a => a.Slug == s)).OfType<Article>().ToList();
    }

    public async Task<(Article? Article, IReadOnlyList<FieldError> Errors)> SaveArticleAsync(ArticleEntry entry, Article? existing, CancellationToken ct)
    {
        var errors = ArticleRules.Validate(entry).ToList();
        var slug = entry.Slug?.Trim() ?? "";
        if (errors.Count == 0 && await db.Articles.AnyAsync(a => a.Slug == slug && (existing == null || a.Id != existing.Id), ct))
        {
            errors.Add(new FieldError("slug", $"Another article already uses the slug '{slug}'."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var article = existing ?? new Article
        {
            Id = Guid.CreateVersion7(), Slug = slug, Title = "", Author = "", Summary = "", Body = "", CreatedUtc = Now,
        };
        article.Slug = slug;
        article.Title = entry.Title!.Trim();
        article.Author = entry.Author!.Trim();
        article.PublishedOn = entry.PublishedOn!.Value;
        article.Summary = entry.Summary!.Trim();
        article.Body = entry.Body!.Trim();
        article.References = (entry.References ?? []).Select(ArticleReferenceRow.From).ToList();
        article.RelatedSlugs = (entry.RelatedSlugs ?? []).Distinct(StringComparer.Ordinal).ToList();
        article.UpdatedUtc = Now;
        if (existing is null)
        {
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync(ct);
        return (article, []);
    }

    /// <summary>
    /// The article's comments as threads, oldest first. Hidden comments (and their replies) are shown only to
    /// admins. <paramref name="viewerId"/> decides which comments are still editable by the viewer.
    /// </summary>
    public async Task<List<CommentDocument>> ThreadsAsync(Guid articleId, string? viewerId, bool viewerIsAdmin, CancellationToken ct)
    {
        var comments = await db.ArticleComments.AsNoTracking().Where(c => c.ArticleId == articleId)
            .OrderBy(c => c.CreatedUtc).ToListAsync(ct);
        var authorIds = comments.Select(c => c.AuthorUserId).Distinct().ToList();
        var names = await db.CommenterProfiles.AsNoTracking().Where(p => authorIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.DisplayName, ct);
        var staff = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Admin && authorIds.Contains(ur.UserId)
                            select ur.UserId).ToListAsync(ct)).ToHashSet();
        var now = Now;

        CommentDocument Document(ArticleComment c, IReadOnlyList<CommentDocument> replies) =>
            new(c.Id, c.ParentId, names.GetValueOrDefault(c.AuthorUserId) ?? CommentRules.DefaultDisplayName(c.AuthorUserId),
                staff.Contains(c.AuthorUserId), c.Text, ArticleHtml.Comment(c.Text), c.CreatedUtc, c.EditedUtc, c.Hidden, replies)
            {
                Editable = viewerId == c.AuthorUserId && CommentRules.WithinEditWindow(c.CreatedUtc, now),
            };

        bool Visible(ArticleComment c) => viewerIsAdmin || !c.Hidden;
        return comments.Where(c => c.ParentId is null && Visible(c))
            .Select(c => Document(c, comments.Where(r => r.ParentId == c.Id && Visible(r)).Select(r => Document(r, [])).ToList()))
            .ToList();
    }

    public async Task<string?> DisplayNameAsync(string userId, CancellationToken ct) =>
        (await db.CommenterProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct))?.DisplayName;

    /// <summary>Validates and stores a comment or a reply; a reply to a reply joins its thread (one level of nesting).</summary>
    public async Task<(ArticleComment? Comment, IReadOnlyList<FieldError> Errors)> PostAsync(
        Article article, string userId, CommentEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(entry);
        var errors = CommentRules.Validate(entry.Text, entry.DisplayName).ToList();
        Guid? parentId = null;
        if (entry.ParentId is { } wanted)
        {
            var parent = await db.ArticleComments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == wanted && c.ArticleId == article.Id && !c.Hidden, ct);
            if (parent is null)
            {
                errors.Add(new FieldError("parentId", "The comment you reply to is not on this article (it may have been removed)."));
            }
            else
            {
                parentId = parent.ParentId ?? parent.Id;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (!string.IsNullOrWhiteSpace(entry.DisplayName))
        {
            var profile = await db.CommenterProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
            if (profile is null)
            {
                db.CommenterProfiles.Add(new CommenterProfile { UserId = userId, DisplayName = entry.DisplayName.Trim() });
            }
            else
            {
                profile.DisplayName = entry.DisplayName.Trim();
            }
        }

        var comment = new ArticleComment
        {
            Id = Guid.CreateVersion7(), ArticleId = article.Id, ParentId = parentId, AuthorUserId = userId,
            Text = entry.Text!.Trim(), CreatedUtc = Now,
        };
        db.ArticleComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return (comment, []);
    }

    /// <summary>The author edits their own comment inside the edit window.</summary>
    public async Task<(CommentOutcome Outcome, IReadOnlyList<FieldError> Errors)> EditAsync(Guid articleId, Guid commentId, string userId, string? text, CancellationToken ct)
    {
        var comment = await db.ArticleComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ArticleId == articleId && c.AuthorUserId == userId && !c.Hidden, ct);
        if (comment is null)
        {
            return (CommentOutcome.NotFound, []);
        }

        if (!CommentRules.WithinEditWindow(comment.CreatedUtc, Now))
        {
            return (CommentOutcome.EditWindowClosed, [new FieldError("text", EditWindowClosedMessage)]);
        }

        var errors = CommentRules.Validate(text, null);
        if (errors.Count > 0)
        {
            return (CommentOutcome.Invalid, errors);
        }

        comment.Text = text!.Trim();
        comment.EditedUtc = Now;
        await db.SaveChangesAsync(ct);
        return (CommentOutcome.Done, []);
    }

    /// <summary>The author deletes their own comment inside the edit window; an admin deletes any. Replies go with it.</summary>
    public async Task<CommentOutcome> DeleteAsync(Guid articleId, Guid commentId, string userId, bool isAdmin, CancellationToken ct)
    {
        var comment = await db.ArticleComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ArticleId == articleId, ct);
        if (comment is null || (!isAdmin && (comment.AuthorUserId != userId || comment.Hidden)))
        {
            return CommentOutcome.NotFound;
        }

        if (!isAdmin && !CommentRules.WithinEditWindow(comment.CreatedUtc, Now))
        {
            return CommentOutcome.EditWindowClosed;
        }

        db.ArticleComments.Remove(comment);
        await db.SaveChangesAsync(ct);
        return CommentOutcome.Done;
    }

    /// <summary>An admin hides or shows a comment.</summary>
    public async Task<CommentOutcome> SetHiddenAsync(Guid articleId, Guid commentId, bool hidden, CancellationToken ct)
    {
        var comment = await db.ArticleComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ArticleId == articleId, ct);
        if (comment is null)
        {
            return CommentOutcome.NotFound;
        }

        comment.Hidden = hidden;
        await db.SaveChangesAsync(ct);
        return CommentOutcome.Done;
    }
}
