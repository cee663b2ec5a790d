using System.Security.Claims;
using HipCheck.Web.Account;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HipCheck.Web.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/athletes/{id:guid}/history", async Task<Results<Ok<List<AuditDocument>>, NotFound>> (
            Guid id, ClaimsPrincipal user, AuditReader audit, CancellationToken ct) =>
            await audit.CanReadAthleteAsync(user, id, ct)
                ? TypedResults.Ok((await audit.AthleteHistoryAsync(id, ct)).Select(AuditDocument.From).ToList())
                : TypedResults.NotFound())
            .WithTags("Audit")
            .RequireAuthorization(IdentityExtensions.ApiPolicy)
            .WithSummary("The audit trail of an athlete's records, oldest first")
            .WithDescription("Every create, change and delete of the athlete, their screenings (with trials), injuries and enrolments: "
                + "who (user id and role), when (UTC), what, and JSON snapshots before and after. Readable by the athlete's runner or coach, "
                + "the researchers of a study the athlete is enrolled in, and admins.");

        routes.MapGet("/api/audit", async Task<Results<Ok<AuditPage>, ValidationProblem>> (
            string? entity, DateTime? from, DateTime? to, int? page, int? pageSize, AuditReader audit, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (page is < 1)
            {
                errors["page"] = ["Pages start at 1."];
            }

            if (pageSize is < 1 or > AuditReader.MaxPageSize)
            {
                errors["pageSize"] = [$"Choose a page size from 1 to {AuditReader.MaxPageSize}."];
            }

            if (from is { } f && to is { } t && t < f)
            {
                errors["to"] = ["'to' is before 'from'."];
            }

            return errors.Count > 0
                ? TypedResults.ValidationProblem(errors)
                : TypedResults.Ok(await audit.SearchAsync(entity, from, to, page ?? 1, pageSize ?? AuditReader.DefaultPageSize, ct));
        })
        .WithTags("Audit")
        .RequireAuthorization(IdentityExtensions.ApiPolicy)
        .RequireAuthorization(p => p.RequireRole(Roles.Admin))
        .WithSummary("The whole audit trail (admins), newest first")
        .WithDescription("entity: Athlete | Screening | ScreeningTest | Injury | Study | Enrolment | Member; from/to: UTC instants (to is exclusive); page (from 1), pageSize (1-500, default 50).");
        return routes;
    }
}
