using System.Globalization;
using System.Security.Claims;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Surveillance;

public static class CheckinsApi
{
    public static IEndpointRouteBuilder MapCheckinsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/athletes/{athleteId:guid}/checkins").WithTags("Weekly check-ins").RequireAuthorization(IdentityExtensions.ApiPolicy);

        group.MapGet("/", async Task<Results<Ok<List<CheckinDocument>>, NotFound>> (Guid athleteId, ClaimsPrincipal user, HipCheckDb db, CheckinService service, CancellationToken ct) =>
        {
            if (!await db.VisibleTo(user.UserId()).AnyAsync(a => a.Id == athleteId, ct))
            {
                return TypedResults.NotFound();
            }

            var checkins = await db.Checkins.AsNoTracking().Include(c => c.Areas).Where(c => c.AthleteId == athleteId)
                .OrderByDescending(c => c.WeekStart).ToListAsync(ct);
            var instrument = await service.InstrumentForAsync(athleteId, ct);
            return TypedResults.Ok(checkins.Select(c => CheckinDocument.From(c, instrument)).ToList());
        })
        .WithSummary("List an athlete's weekly check-ins, newest week first");

        group.MapGet("/{weekStart}", async Task<Results<Ok<CheckinDocument>, NotFound, ValidationProblem>> (
            Guid athleteId, string weekStart, ClaimsPrincipal user, HipCheckDb db, CheckinService checkins, CancellationToken ct) =>
        {
            if (!await db.VisibleTo(user.UserId()).AnyAsync(a => a.Id == athleteId, ct))
            {
                return TypedResults.NotFound();
            }

            if (!TryParseWeek(weekStart, out var week))
            {
                return BadWeek();
            }

            return await checkins.FindAsync(athleteId, week, ct) is { } checkin
                ? TypedResults.Ok(CheckinDocument.From(checkin, await checkins.InstrumentForAsync(athleteId, ct)))
                : TypedResults.NotFound();
        })
        .WithSummary("Get one week's check-in (weekStart: the Monday, YYYY-MM-DD)");

        group.MapPut("/{weekStart}", async Task<Results<Ok<CheckinDocument>, NotFound, ValidationProblem>> (
            Guid athleteId, string weekStart, CheckinRequest request, ClaimsPrincipal user, HipCheckDb db, CheckinService checkins, CancellationToken ct) =>
        {
            var athlete = await db.VisibleTo(user.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct);
            if (athlete is null)
            {
                return TypedResults.NotFound();
            }

            if (!TryParseWeek(weekStart, out var week))
            {
                return BadWeek();
            }

            var instrument = await checkins.InstrumentForAsync(athleteId, ct);
            var errors = checkins.Validate(week, request.Areas, complete: false, instrument);
            if (errors.Count > 0)
            {
                return errors.ToValidationProblem();
            }

            var saved = await checkins.SaveAsync(athlete, week, request.Areas!, user.UserId(), ct);
            return TypedResults.Ok(CheckinDocument.From(saved, instrument));
        })
        .WithSummary("Answer or correct one week's check-in")
        .WithDescription("areas: [{area, q1, q2, q3, q4}], answers 0-3 (0 = least affected), null or absent when not answered. "
            + "Area codes come from the OSTRC instrument in force for the athlete (shipped: lower-back, hip-groin, thigh, knee, lower-leg, ankle, foot; "
            + "a study the athlete is enrolled in may set its own wording and areas, GET /api/studies/{id}/instrument). With q1 = 0 "
            + "(full participation, no problem) q2-q4 may be left out and are recorded as 0 (the O2 skip). The week's answers replace earlier ones.");

        return routes;
    }

    private static bool TryParseWeek(string text, out DateOnly week) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out week);

    private static ValidationProblem BadWeek() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["weekStart"] = ["Give the week's Monday as YYYY-MM-DD."] },
            title: "The request has invalid fields.");
}
