using System.Security.Claims;
using System.Threading.RateLimiting;
using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace HipCheck.Web.Articles;

public sealed record CommentHidden(bool Hidden);

public static class ArticlesApi
{
    /// <summary>Rate-limit policy of comment writes: 5 per minute per member, answered with 429.</summary>
    public const string CommentPolicy = "comments";

    public const int CommentsPerMinute = 5;

    /// <summary>
    /// Comment writes (page and API) are limited per member id (5 a minute unless Comments:PerMinute says otherwise); reads and anonymous requests are not counted
    /// (anonymous writes are refused before they get here). Counters live in the database, shared by every instance.
    /// </summary>
    public static IServiceCollection AddCommentRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        // Comments:PerMinute exists for tests that post many comments on purpose (the XSS corpus).
        var perMinute = configuration.GetValue("Comments:PerMinute", CommentsPerMinute);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(CommentPolicy, context =>
                !HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method)
                    || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : HipCheck.Web.Infrastructure.SharedRateLimits.FixedWindow(context, CommentPolicy, userId, perMinute, TimeSpan.FromMinutes(1)));
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder routes)
    {
        var articles = routes.MapGroup("/api/articles").WithTags("Articles");

        articles.MapGet("/", async (ArticleService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ct)).Select(ArticleSummaryDocument.From).ToList()))
            .WithSummary("List the articles, newest first");

        articles.MapGet("/{slug}", async Task<Results<Ok<ArticleDocument>, NotFound>> (string slug, ArticleService service, CancellationToken ct) =>
            await service.FindAsync(slug, ct) is { } article
                ? TypedResults.Ok(ArticleDocument.From(article, await service.RelatedAsync(article, ct)))
                : TypedResults.NotFound())
            .WithSummary("Get one article: Markdown body, its safe HTML, references and related articles");

        articles.MapGet("/{slug}/comments", async Task<Results<Ok<List<CommentDocument>>, NotFound>> (string slug, ArticleService service, CancellationToken ct) =>
            await service.FindAsync(slug, ct) is { } article
                ? TypedResults.Ok(await service.ThreadsAsync(article.Id, null, false, ct))
                : TypedResults.NotFound())
            .WithSummary("The article's comments as threads (replies inside their comment), oldest first");

        var write = routes.MapGroup("/api/articles/{slug}/comments").WithTags("Articles")
            .RequireAuthorization(IdentityExtensions.ApiPolicy).RequireRateLimiting(CommentPolicy);

        write.MapPost("/", async Task<Results<Created<CommentDocument>, ValidationProblem, NotFound>> (
            string slug, CommentEntry entry, ClaimsPrincipal user, ArticleService service, CancellationToken ct) =>
        {
            if (await service.FindAsync(slug, ct) is not { } article)
            {
                return TypedResults.NotFound();
            }

            var (comment, errors) = await service.PostAsync(article, user.UserId(), entry, ct);
            if (comment is null)
            {
                return errors.ToValidationProblem();
            }

            var created = Find(await service.ThreadsAsync(article.Id, user.UserId(), user.IsInRole(Roles.Admin), ct), comment.Id)!;
            return TypedResults.Created($"/api/articles/{slug}/comments/{comment.Id}", created);
        })
        .WithSummary("Post a comment or a reply (members only, 5 a minute)")
        .WithDescription("Body { text, parentId?, displayName? }. Text is plain text or limited Markdown (emphasis, links, lists, code), "
            + "at most 2000 characters. displayName is the name shown with your comments; without one you appear as 'Member' and a short id.");

        write.MapPut("/{id:guid}", async Task<Results<Ok<CommentDocument>, ValidationProblem, NotFound, ProblemHttpResult>> (
            string slug, Guid id, CommentEdit edit, ClaimsPrincipal user, ArticleService service, CancellationToken ct) =>
        {
            if (await service.FindAsync(slug, ct) is not { } article)
            {
                return TypedResults.NotFound();
            }

            var (outcome, errors) = await service.EditAsync(article.Id, id, user.UserId(), edit.Text, ct);
            return outcome switch
            {
                CommentOutcome.Done => TypedResults.Ok(Find(await service.ThreadsAsync(article.Id, user.UserId(), user.IsInRole(Roles.Admin), ct), id)!),
                CommentOutcome.Invalid => errors.ToValidationProblem(),
                CommentOutcome.EditWindowClosed => WindowClosed(),
                _ => TypedResults.NotFound(),
            };
        })
        .WithSummary("Edit your own comment (within 15 minutes of posting)");

        write.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (
            string slug, Guid id, ClaimsPrincipal user, ArticleService service, CancellationToken ct) =>
        {
            if (await service.FindAsync(slug, ct) is not { } article)
            {
                return TypedResults.NotFound();
            }

            return await service.DeleteAsync(article.Id, id, user.UserId(), user.IsInRole(Roles.Admin), ct) switch
            {
                CommentOutcome.Done => TypedResults.NoContent(),
                CommentOutcome.EditWindowClosed => WindowClosed(),
                _ => TypedResults.NotFound(),
            };
        })
        .WithSummary("Delete your own comment (within 15 minutes), or any comment as an admin; its replies go with it");

        write.MapPut("/{id:guid}/hidden", async Task<Results<NoContent, NotFound, ForbidHttpResult>> (
            string slug, Guid id, CommentHidden body, ClaimsPrincipal user, ArticleService service, CancellationToken ct) =>
        {
            if (!user.IsInRole(Roles.Admin))
            {
                return TypedResults.Forbid();
            }

            return await service.FindAsync(slug, ct) is { } article
                && await service.SetHiddenAsync(article.Id, id, body.Hidden, ct) == CommentOutcome.Done
                ? TypedResults.NoContent()
                : TypedResults.NotFound();
        })
        .WithSummary("Hide or show a comment (admins)");

        return routes;
    }

    private static ProblemHttpResult WindowClosed() =>
        TypedResults.Problem(ArticleService.EditWindowClosedMessage, statusCode: StatusCodes.Status403Forbidden, title: "Edit window closed");

    private static CommentDocument? Find(IEnumerable<CommentDocument> threads, Guid id) =>
        threads.SelectMany(t => t.Replies.Prepend(t)).FirstOrDefault(c => c.Id == id);
}
