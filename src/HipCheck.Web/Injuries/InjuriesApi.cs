using System.Security.Claims;
using HipCheck.Core.Injuries;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Injuries;

public static class InjuriesApi
{
    public static IEndpointRouteBuilder MapInjuriesApi(this IEndpointRouteBuilder routes)
    {
        var athletes = routes.MapGroup("/api/athletes/{athleteId:guid}/injuries").WithTags("Injuries").RequireAuthorization(IdentityExtensions.ApiPolicy);

        athletes.MapGet("/", async Task<Results<Ok<List<InjuryDocument>>, NotFound>> (Guid athleteId, ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
        {
            if (!await db.VisibleTo(user.UserId()).AnyAsync(a => a.Id == athleteId, ct))
            {
                return TypedResults.NotFound();
            }

            var injuries = await db.Injuries.AsNoTracking().Where(i => i.AthleteId == athleteId)
                .OrderByDescending(i => i.OnsetDate).ThenByDescending(i => i.CreatedUtc).ToListAsync(ct);
            return TypedResults.Ok(injuries.Select(InjuryDocument.From).ToList());
        })
        .WithSummary("List an athlete's injuries, newest onset first");

        athletes.MapPost("/", async Task<Results<Created<InjuryDocument>, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid athleteId, InjuryEntry entry, ClaimsPrincipal user, HipCheckDb db, InjuryService injuries, CancellationToken ct) =>
        {
            var athlete = await db.VisibleTo(user.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct);
            if (athlete is null)
            {
                return TypedResults.NotFound();
            }

            var errors = injuries.Validate(athlete, entry);
            if (errors.Count > 0)
            {
                return errors.ToValidationProblem();
            }

            var (injury, refusal) = await injuries.SaveAsync(athlete, entry, user.UserId(), null, ct);
            return injury is null
                ? TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "Study data locked")
                : TypedResults.Created($"/api/injuries/{injury.Id}", InjuryDocument.From(injury));
        })
        .WithSummary("Record an injury")
        .WithDescription("region: lumbar-spine, hip-groin, thigh, knee, lower-leg, ankle, foot, other; diagnosis: low-back-pain, "
            + "patellofemoral-pain, it-band-syndrome, other (with diagnosisText); mechanism: overuse or acute-trauma.");

        var single = routes.MapGroup("/api/injuries").WithTags("Injuries").RequireAuthorization(IdentityExtensions.ApiPolicy);

        single.MapGet("/{id:guid}", async Task<Results<Ok<InjuryDocument>, NotFound>> (Guid id, ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
            await db.VisibleInjuries(user.UserId()).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } injury
                ? TypedResults.Ok(InjuryDocument.From(injury))
                : TypedResults.NotFound())
            .WithSummary("Get one injury");

        single.MapPut("/{id:guid}", async Task<Results<Ok<InjuryDocument>, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid id, InjuryEntry entry, ClaimsPrincipal user, HipCheckDb db, InjuryService injuries, CancellationToken ct) =>
        {
            var injury = await db.VisibleInjuries(user.UserId()).Include(i => i.Athlete).FirstOrDefaultAsync(i => i.Id == id, ct);
            if (injury is null)
            {
                return TypedResults.NotFound();
            }

            var errors = injuries.Validate(injury.Athlete!, entry);
            if (errors.Count > 0)
            {
                return errors.ToValidationProblem();
            }

            var (_, refusal) = await injuries.SaveAsync(injury.Athlete!, entry, user.UserId(), injury, ct);
            return refusal is null
                ? TypedResults.Ok(InjuryDocument.From(injury))
                : TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict, title: "Study data locked");
        })
        .WithSummary("Correct an injury record");

        return routes;
    }

    /// <summary>Injuries of athletes the user may see.</summary>
    public static IQueryable<Injury> VisibleInjuries(this HipCheckDb db, string userId) =>
        db.Injuries.Where(i => db.VisibleTo(userId).Any(a => a.Id == i.AthleteId));
}
