using System.Security.Claims;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Screenings;
using HipCheck.Web.Studies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Athletes;

public static class AthletesApi
{
    public static RouteGroupBuilder MapAthletesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/athletes").WithTags("Athletes").RequireAuthorization(IdentityExtensions.ApiPolicy);

        group.MapGet("/", async (ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.VisibleTo(user.UserId()).AsNoTracking().Include(a => a.Team)
                .OrderBy(a => a.Name).Select(a => AthleteDocument.From(a)).ToListAsync(ct)))
            .WithSummary("List the athletes you own or coach");

        group.MapGet("/{id:guid}", async Task<Results<Ok<AthleteDocument>, NotFound>> (Guid id, ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
            await db.VisibleTo(user.UserId()).AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct) is { } athlete
                ? TypedResults.Ok(AthleteDocument.From(athlete))
                : TypedResults.NotFound())
            .WithSummary("Get one athlete");

        group.MapPost("/", async Task<Results<Created<AthleteDocument>, ValidationProblem, ProblemHttpResult>> (
            AthleteRequest request, ClaimsPrincipal user, AthleteService athletes, CancellationToken ct) =>
        {
            var result = await athletes.CreateAsync(user.UserId(), user.IsRunnerOnly(), request, ct);
            return result.Outcome switch
            {
                SaveOutcome.Saved => TypedResults.Created($"/api/athletes/{result.Athlete!.Id}", AthleteDocument.From(result.Athlete)),
                SaveOutcome.Conflict => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "Profile exists"),
                _ => result.Errors.ToValidationProblem(),
            };
        })
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Create an athlete")
        .WithDescription("A runner creates their own profile (one per account); a coach adds athletes to a team (teamId, or their first team).");

        group.MapPut("/{id:guid}", async Task<Results<Ok<AthleteDocument>, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid id, AthleteRequest request, ClaimsPrincipal user, HipCheckDb db, AthleteService athletes, CancellationToken ct) =>
        {
            var athlete = await db.VisibleTo(user.UserId()).Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (athlete is null)
            {
                return TypedResults.NotFound();
            }

            var result = await athletes.UpdateAsync(user.UserId(), athlete, request, ct);
            return result.Outcome switch
            {
                SaveOutcome.Saved => TypedResults.Ok(AthleteDocument.From(athlete)),
                SaveOutcome.Conflict => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "Study data locked"),
                _ => result.Errors.ToValidationProblem(),
            };
        })
        .WithSummary("Update an athlete");

        group.MapPost("/{id:guid}/owner", async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid id, OwnerLinkRequest request, ClaimsPrincipal user, AthleteOwnerLinks links, CancellationToken ct) =>
        {
            var result = await links.LinkAsync(user.UserId(), id, request.Email, ct);
            return result.Outcome switch
            {
                LinkOutcome.Linked => TypedResults.NoContent(),
                LinkOutcome.NotFound => TypedResults.NotFound(),
                LinkOutcome.Invalid => new[] { new HipCheck.Core.Validation.FieldError("email", result.Message!) }.ToValidationProblem(),
                LinkOutcome.AlreadyLinked => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Already linked"),
                _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Cannot link"),
            };
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Coach, Roles.Researcher))
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Link a team athlete to the runner's account")
        .WithDescription("The coach of the athlete's team names the runner's email; the runner (a confirmed runner account without a profile) "
            + "then sees the athlete as their own profile and answers its weekly check-ins, and the athlete stays in the team. "
            + "204 when linked; 409 when it cannot be, with one answer for every reason about the account, so nothing about accounts leaks.");

        group.MapGet("/{id:guid}/screenings", async Task<Results<Ok<List<ScreeningDocument>>, NotFound>> (
            Guid id, ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
        {
            if (!await db.VisibleTo(user.UserId()).AnyAsync(a => a.Id == id, ct))
            {
                return TypedResults.NotFound();
            }

            var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests)
                .Where(s => s.AthleteId == id)
                .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedUtc)
                .ToListAsync(ct);
            return TypedResults.Ok(screenings.Select(ScreeningDocuments.ToDocument).ToList());
        })
        .WithSummary("List an athlete's screenings, newest first");

        group.MapPost("/{id:guid}/screenings", async Task<Results<Created<ScreeningDocument>, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid id, ScreeningRequest request, ClaimsPrincipal user, PreparedReads reads, ScreeningRecorder recorder, CancellationToken ct) =>
        {
            // The athlete and whether a study locks its baseline, in one prepared read (the API's busiest write).
            var userId = user.UserId();
            if (await reads.ReadAsync(ScreeningSubjectStatement.Instance, [id, userId], ct) is not { } athlete)
            {
                return TypedResults.NotFound();
            }

            var errors = recorder.Validate(athlete, request);
            if (errors.Count > 0)
            {
                return errors.ToValidationProblem();
            }

            var (screening, refusal) = await recorder.RecordAsync(athlete, request, userId, ct);
            return screening is null
                ? TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "Study data locked")
                : TypedResults.Created($"/api/screenings/{screening.Id}", ScreeningDocuments.ToDocument(screening));
        })
        .WithSummary("Record a screening")
        .WithDescription("Trials per side in N, kgf or lbf; results come back in newtons with N/kg, asymmetry %, LSI % and the weaker side.");

        return group;
    }
}

/// <summary>The runner's email, as the coach types it.</summary>
public sealed record OwnerLinkRequest(string? Email);
