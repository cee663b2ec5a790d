using System.Security.Claims;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Surveillance;

public static class ExposureApi
{
    public static IEndpointRouteBuilder MapExposureApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/athletes/{athleteId:guid}/exposure").WithTags("Exposure").RequireAuthorization(IdentityExtensions.ApiPolicy);

        group.MapGet("/", async Task<Results<Ok<List<ExposureDocument>>, NotFound>> (Guid athleteId, ClaimsPrincipal user, HipCheckDb db, CancellationToken ct) =>
        {
            if (!await db.VisibleTo(user.UserId()).AnyAsync(a => a.Id == athleteId, ct))
            {
                return TypedResults.NotFound();
            }

            var entries = await db.Exposure.AsNoTracking().Where(e => e.AthleteId == athleteId)
                .OrderByDescending(e => e.Date).ThenByDescending(e => e.CreatedUtc).ToListAsync(ct);
            return TypedResults.Ok(entries.Select(ExposureDocument.From).ToList());
        })
        .WithSummary("List an athlete's running exposure, newest first");

        group.MapPost("/", async Task<Results<Created<ExposureDocument>, ValidationProblem, NotFound>> (
            Guid athleteId, ExposureRequest request, ClaimsPrincipal user, HipCheckDb db, ExposureService exposure, CancellationToken ct) =>
        {
            var athlete = await db.VisibleTo(user.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct);
            if (athlete is null)
            {
                return TypedResults.NotFound();
            }

            var errors = exposure.Validate(request);
            if (errors.Count > 0)
            {
                return errors.ToValidationProblem();
            }

            var entry = await exposure.AddAsync(athlete, request, user.UserId(), ct);
            return TypedResults.Created($"/api/athletes/{athleteId}/exposure", ExposureDocument.From(entry));
        })
        .WithSummary("Record exposure by hand")
        .WithDescription("{date, hours, km?, period: session|week}; a week is dated by its Monday.");

        group.MapPost("/import", async Task<Results<Ok<ExposureImportReport>, UnprocessableEntity<ExposureImportReport>, ValidationProblem, NotFound>> (
            Guid athleteId, string? format, HttpRequest request, ClaimsPrincipal user, HipCheckDb db, ExposureService exposure, CancellationToken ct) =>
        {
            var athlete = await db.VisibleTo(user.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct);
            if (athlete is null)
            {
                return TypedResults.NotFound();
            }

            if (ExposureService.Format(format) is not { } known)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Give ?format=gpx, tcx or strava-csv."] },
                    title: "The request has invalid fields.");
            }

            // The body is the file itself. The importers read synchronously, which Kestrel refuses on a request body, so
            // it is copied to a temporary file first (asynchronously): a year of activities never sits in memory whole.
            await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await request.Body.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var report = await exposure.ImportAsync(athlete, known, buffer, user.UserId(), ct);
            return report.FileRefused ? TypedResults.UnprocessableEntity(report) : TypedResults.Ok(report);
        })
        .WithMetadata(new ExposureUploadLimitAttribute())
        .WithSummary("Import exposure from a file (the request body): GPX, TCX or Strava's activities.csv")
        .WithDescription("Sessions already stored (same source and id) are not added again; the answer lists what was kept, "
            + "what was a duplicate and what was skipped and why. A file that cannot be read answers 422 with the reason.");

        return routes;
    }
}

/// <summary>
/// On the exposure upload endpoints (API and page): files up to <see cref="Pages.Athletes.ExposureModel.MaxUploadBytes"/>
/// plus 64 KiB of multipart framing, instead of the 1 MiB every other endpoint takes.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExposureUploadLimitAttribute : Attribute, HipCheck.Web.Infrastructure.IRequestBodyLimit
{
    public long MaxBodyBytes(IServiceProvider services) => Pages.Athletes.ExposureModel.MaxUploadBytes + (64 * 1024);
}
