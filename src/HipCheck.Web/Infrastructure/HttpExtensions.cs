using System.Security.Claims;
using HipCheck.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HipCheck.Web.Infrastructure;

public static class HttpExtensions
{
    /// <summary>The signed-in user's id; endpoints that call it require authentication.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    /// <summary>RFC 9457 validation problem with one entry per bad field.</summary>
    public static ValidationProblem ToValidationProblem(this IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            title: "The request has invalid fields.");

    /// <summary>
    /// A members-only file download (TRUST.md, ASVS 12.x): <c>X-Content-Type-Options: nosniff</c>, so a browser never
    /// second-guesses the type; the file result itself names the file, which makes the disposition "attachment".
    /// </summary>
    public static TBuilder AsDownload<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return await next(context);
        });
}
