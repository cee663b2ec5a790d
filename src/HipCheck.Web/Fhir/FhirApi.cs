using System.Security.Claims;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Fhir;

public static class FhirApi
{
    public static RouteGroupBuilder MapFhirApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/athletes/{id:guid}").WithTags("FHIR").RequireAuthorization(IdentityExtensions.ApiPolicy);

        group.MapGet("/fhir", async System.Threading.Tasks.Task<Results<ContentHttpResult, NotFound>> (
            Guid id, ClaimsPrincipal user, HipCheckDb db, TimeProvider clock, CancellationToken ct) =>
        {
            // Only who may see the athlete (the runner, the team's coach): anyone else finds nothing.
            if (await db.VisibleTo(user.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } athlete)
            {
                return TypedResults.NotFound();
            }

            var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests).Where(s => s.AthleteId == id).ToListAsync(ct);
            var injuries = await db.Injuries.AsNoTracking().Where(i => i.AthleteId == id).ToListAsync(ct);
            var bundle = AthleteFhirBundle.Build(athlete, screenings, injuries, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            return TypedResults.Content(AthleteFhirBundle.ToJson(bundle), "application/fhir+json");
        })
        .Produces(StatusCodes.Status200OK, contentType: "application/fhir+json")
        .WithSummary("The athlete as a FHIR R4 Bundle (collection): Patient, an Observation per test and side, a Condition per injury, the test CodeSystem");

        return group;
    }
}
