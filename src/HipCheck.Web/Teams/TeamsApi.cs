using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HipCheck.Core.Validation;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Teams;

public sealed record TeamRequest(string? Name);

public sealed record TeamDocument(Guid Id, string Name, int AthleteCount);

public static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/teams").WithTags("Teams")
            .RequireAuthorization(IdentityExtensions.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Coach, Roles.Researcher));

        group.MapGet("/", async (ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
        {
            var userId = user.UserId();
            return TypedResults.Ok(await db.Teams.AsNoTracking().Where(t => t.CoachUserId == userId).OrderBy(t => t.Name)
                .Select(t => new TeamDocument(t.Id, t.Name, db.Athletes.Count(a => a.TeamId == t.Id))).ToListAsync(ct));
        })
        .WithSummary("List the teams you coach");

        group.MapPost("/", async Task<Results<Created<TeamDocument>, ValidationProblem>> (
            TeamRequest request, ClaimsPrincipal user, HipCheckDb db, OrganisationService organisations, TimeProvider clock, CancellationToken ct) =>
        {
            var name = request.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > Team.NameMaxLength)
            {
                return new[] { new FieldError("name", $"Name the team (at most {Team.NameMaxLength} characters).") }.ToValidationProblem();
            }

            var organisation = await organisations.GetOrAddForUserAsync(user.UserId(), ct);
            var team = new Team
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                CoachUserId = user.UserId(),
                OrganisationId = organisation.Id,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Teams.Add(team);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/teams/{team.Id}", new TeamDocument(team.Id, team.Name, 0));
        })
        .WithSummary("Create a team");

        group.MapGet("/{id:guid}/overview", async Task<Results<Ok<TeamOverviewDocument>, NotFound>> (
            Guid id, [AsParameters] TeamQueryParameters query, ClaimsPrincipal user, TeamOverview overview, CancellationToken ct) =>
            await overview.BuildAsync(user.UserId(), id, query.ToQuery(), ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound())
            .WithSummary("Every athlete's latest screening: asymmetries, percentiles and flags")
            .WithDescription("Filter with sex=female|male and flag=any|none|<rule id>; sort=name|date|flags|<test code> and dir=asc|desc.");

        group.MapGet("/{id:guid}/overview.csv", async Task<Results<EmptyHttpResult, NotFound>> (
            Guid id, [AsParameters] TeamQueryParameters query, ClaimsPrincipal user, TeamOverview overview, HttpContext http, CancellationToken ct) =>
        {
            if (await overview.BuildAsync(user.UserId(), id, query.ToQuery(), ct) is not { } team)
            {
                return TypedResults.NotFound();
            }

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"team-{team.TeamId}-latest.csv\"";
            await TeamCsv.WriteAsync(team, http.Response.Body, ct);
            return TypedResults.Empty;
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .WithSummary("The team overview as CSV (UTF-8 with BOM, one row per athlete)");

        return group;
    }
}

/// <summary>The team view's query string.</summary>
public sealed record TeamQueryParameters(
    [property: FromQuery] string? Sex,
    [property: FromQuery] string? Flag,
    [property: FromQuery] string? Sort,
    [property: FromQuery] string? Dir)
{
    public TeamQuery ToQuery() => new(Sex, Flag, Sort, string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase));
}
