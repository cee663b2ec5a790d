using System.Security.Claims;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Screenings;

public static class ScreeningsApi
{
    public static RouteGroupBuilder MapScreeningsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/screenings").WithTags("Screenings").RequireAuthorization(IdentityExtensions.ApiPolicy);

        group.MapGet("/{id:guid}", async Task<Results<Ok<ScreeningDocument>, NotFound>> (
            Guid id, ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
            await db.FindVisibleScreeningAsync(user.UserId(), id, ct) is { } screening
                ? TypedResults.Ok(ScreeningDocuments.ToDocument(screening))
                : TypedResults.NotFound())
            .WithSummary("Get a screening's results");

        group.MapGet("/{id:guid}/report", async Task<Results<ReportJson, NotFound>> (
            Guid id, ClaimsPrincipal user, ScreeningReporter reporter, CancellationToken ct) =>
            await reporter.JsonForUserAsync(user.UserId(), id, ct) is { } utf8Json
                ? new ReportJson(utf8Json)
                : TypedResults.NotFound())
            .WithSummary("Get a screening's risk report")
            .WithDescription("Every rule of the evidence catalogue with its status (flagged, clear, not-assessed, not-applicable), "
                + "the threshold used, the evidence behind it, norms and percentiles where a matching norm exists, and the disclaimer.");

        return group;
    }

    /// <summary>A screening of an athlete the user may see, with its tests; null otherwise.</summary>
    public static Task<Screening?> FindVisibleScreeningAsync(this HipCheckDb db, string userId, Guid id, CancellationToken ct) =>
        db.Screenings.AsNoTracking().Include(s => s.Tests).Include(s => s.Athlete)
            .Where(s => db.VisibleTo(userId).Any(a => a.Id == s.AthleteId))
            .FirstOrDefaultAsync(s => s.Id == id, ct);
}
