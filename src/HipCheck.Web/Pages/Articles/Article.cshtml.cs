using HipCheck.Core.Articles;
using HipCheck.Web.Account;
using HipCheck.Web.Articles;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Pages.Athletes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace HipCheck.Web.Pages.Articles;

/// <summary>
/// One article with its comments. Everyone reads; posting needs a login (an anonymous POST is sent to the login
/// page and stores nothing); writes are rate-limited per member like the API's.
/// </summary>
[EnableRateLimiting(ArticlesApi.CommentPolicy)]
public sealed class ArticleModel(ArticleService articles, TimeProvider clock) : PageModel
{
    public Article Article { get; private set; } = null!;

    public IReadOnlyList<Article> Related { get; private set; } = [];

    public IReadOnlyList<CommentDocument> Threads { get; private set; } = [];

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    /// <summary>The comment whose edit form failed validation, so it opens again with its message.</summary>
    public Guid? FailedEditId { get; private set; }

    public string? FailedEditText { get; private set; }

    public string? Notice { get; private set; }

    public bool IsMember => User.Identity?.IsAuthenticated == true;

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public string ReturnUrl => $"/Articles/{Article.Slug}#comments";

    public string ViewerName { get; private set; } = "";

    public TimeProvider Clock => clock;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!IsMember)
        {
            return Challenge();
        }

        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var (comment, errors) = await articles.PostAsync(Article, User.UserId(), new CommentEntry(Input.Text, Input.ParentId, Input.DisplayName), ct);
        if (comment is null)
        {
            ModelState.AddFieldErrors(errors);
            return Page();
        }

        return Redirect($"/Articles/{slug}#comment-{comment.Id}");
    }

    public async Task<IActionResult> OnPostEditAsync(string slug, Guid commentId, string? editText, CancellationToken ct)
    {
        if (!IsMember)
        {
            return Challenge();
        }

        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var (outcome, errors) = await articles.EditAsync(Article.Id, commentId, User.UserId(), editText, ct);
        switch (outcome)
        {
            case CommentOutcome.Done:
                return Redirect($"/Articles/{slug}#comment-{commentId}");
            case CommentOutcome.NotFound:
                return NotFound();
            case CommentOutcome.EditWindowClosed:
                Notice = ArticleService.EditWindowClosedMessage;
                return Page();
            default:
                FailedEditId = commentId;
                FailedEditText = editText;
                ModelState.AddFieldErrors(errors, "Edit.");
                return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid commentId, CancellationToken ct)
    {
        if (!IsMember)
        {
            return Challenge();
        }

        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        switch (await articles.DeleteAsync(Article.Id, commentId, User.UserId(), IsAdmin, ct))
        {
            case CommentOutcome.Done:
                return Redirect($"/Articles/{slug}#comments");
            case CommentOutcome.EditWindowClosed:
                Notice = ArticleService.EditWindowClosedMessage;
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostHideAsync(string slug, Guid commentId, bool hidden, CancellationToken ct)
    {
        if (!IsMember)
        {
            return Challenge();
        }

        if (!IsAdmin)
        {
            return Forbid();
        }

        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        return await articles.SetHiddenAsync(Article.Id, commentId, hidden, ct) == CommentOutcome.Done
            ? Redirect($"/Articles/{slug}#comment-{commentId}")
            : NotFound();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await articles.FindAsync(slug, ct) is not { } article)
        {
            return false;
        }

        Article = article;
        Related = await articles.RelatedAsync(article, ct);
        var viewerId = IsMember ? User.UserId() : null;
        Threads = await articles.ThreadsAsync(article.Id, viewerId, IsAdmin, ct);
        if (viewerId is not null)
        {
            ViewerName = await articles.DisplayNameAsync(viewerId, ct) ?? CommentRules.DefaultDisplayName(viewerId);
        }

        return true;
    }

    public sealed class CommentInput
    {
        public string? Text { get; set; }

        public Guid? ParentId { get; set; }

        public string? DisplayName { get; set; }
    }
}
