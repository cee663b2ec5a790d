using System.Security.Claims;
using HipCheck.Core.Validation;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Import;

public static class ImportsApi
{
    /// <summary>Largest file taken, by the API and the page: about four million rows of the screening CSV.</summary>
    public const long MaxFileBytes = 256L << 20;

    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/teams").WithTags("Imports")
            .RequireAuthorization(IdentityExtensions.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Coach, Roles.Researcher, Roles.Admin));

        // Bearer tokens only (the API policy): a cross-site form cannot carry one, so no antiforgery token is needed.
        group.MapPost("/{id:guid}/imports", async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, NotFound, ValidationProblem>> (
            Guid id, [FromQuery] bool? validOnly, HttpRequest request, ClaimsPrincipal user, HipCheckDb db, TeamImporter importer, CancellationToken ct) =>
        {
            if (await db.ImportableTeamAsync(user, id, ct) is not { } team)
            {
                return TypedResults.NotFound();
            }

            if (!request.HasFormContentType)
            {
                return new[] { new FieldError("file", "Send the CSV file as multipart/form-data in a field named 'file'.") }.ToValidationProblem();
            }

            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
            {
                return new[] { new FieldError("file", "Attach a non-empty CSV file in the field 'file'.") }.ToValidationProblem();
            }

            await using var stream = file.OpenReadStream();
            var report = await importer.ImportAsync(team, user.UserId(), stream, validOnly ?? false, ct);
            return report.Committed ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        })
        .DisableAntiforgery()
        .WithFormOptions(multipartBodyLengthLimit: MaxFileBytes)
        .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + (1 << 20)), new ImportUploadLimitAttribute())
        .WithSummary("Import a CSV of screenings into a team")
        .WithDescription("multipart/form-data with the file in 'file'. Layouts: the screening CSV or a dynamometer export (docs/import.md). "
            + "All or nothing by default: one invalid row and nothing is stored (422 with the report); validOnly=true stores the valid rows. "
            + "Re-importing a file adds nothing: rows whose athlete, date and test were imported before are skipped.");

        return group;
    }

    /// <summary>The team, when this user may import into it: its coach, or an admin. Null otherwise (answered 404).</summary>
    public static Task<Team?> ImportableTeamAsync(this HipCheckDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        var admin = user.IsInRole(Roles.Admin);
        return db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && (admin || t.CoachUserId == userId), ct);
    }
}

/// <summary>
/// On the import endpoints (API and page): files up to <see cref="ImportsApi.MaxFileBytes"/> plus 1 MiB for the
/// multipart framing, instead of the 1 MiB every other endpoint takes (<see cref="RequestLimitsOptions"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ImportUploadLimitAttribute : Attribute, IRequestBodyLimit
{
    public long MaxBodyBytes(IServiceProvider services) => ImportsApi.MaxFileBytes + (1 << 20);
}
