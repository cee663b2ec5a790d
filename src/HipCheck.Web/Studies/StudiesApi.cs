using System.Security.Claims;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Studies;

public static class StudiesApi
{
    public static RouteGroupBuilder MapStudiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/studies").WithTags("Studies")
            .RequireAuthorization(IdentityExtensions.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Researcher));

        group.MapGet("/", async (ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            var list = await studies.OwnedBy(user.UserId()).AsNoTracking().OrderByDescending(s => s.CreatedUtc).ToListAsync(ct);
            var documents = new List<StudyDocument>(list.Count);
            foreach (var s in list)
            {
                documents.Add(await studies.DocumentAsync(s, ct));
            }

            return TypedResults.Ok(documents);
        })
        .WithSummary("List your studies");

        group.MapPost("/", async Task<Results<Created<StudyDocument>, ValidationProblem>> (
            StudyRequest request, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            var (study, errors) = await studies.CreateAsync(user.UserId(), request, ct);
            return study is null
                ? errors.ToValidationProblem()
                : TypedResults.Created($"/api/studies/{study.Id}", await studies.DocumentAsync(study, ct));
        })
        .WithSummary("Create a study")
        .WithDescription("design: prospective-cohort | retrospective-case-control; eventCode: lbp-treated-non-traumatic | patellofemoral-pain | "
            + "it-band-syndrome | overuse-time-loss | running-related-injury | ostrc-substantial-problem (from the weekly check-ins) | "
            + "custom:{region or any}:{minimum time-loss days}:{treated or any} (e.g. custom:knee:7:treated); baselineStart/baselineEnd: the baseline screening window; followUpDays; exposureThresholdPercent (default 15).");

        group.MapGet("/{id:guid}", async Task<Results<Ok<StudyDocument>, NotFound>> (Guid id, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
            await studies.OwnedBy(user.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } study
                ? TypedResults.Ok(await studies.DocumentAsync(study, ct))
                : TypedResults.NotFound())
            .WithSummary("Get a study");

        group.MapPut("/{id:guid}", async Task<Results<Ok<StudyDocument>, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid id, StudyRequest request, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            var (outcome, errors, problem) = await studies.UpdateAsync(user.UserId(), study, request, ct);
            return outcome switch
            {
                StudyChange.Done => TypedResults.Ok(await studies.DocumentAsync(study, ct)),
                StudyChange.Locked => Locked(problem),
                _ => errors.ToValidationProblem(),
            };
        })
        .WithSummary("Change a study's definition (before the baseline lock only)");

        group.MapGet("/{id:guid}/enrolments", async Task<Results<Ok<List<EnrolmentDocument>>, NotFound>> (
            Guid id, ClaimsPrincipal user, StudyService studies, HipCheckDb db, CancellationToken ct) =>
        {
            if (!await studies.OwnedBy(user.UserId()).AnyAsync(s => s.Id == id, ct))
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok(await db.Enrolments.AsNoTracking().Where(e => e.StudyId == id).OrderBy(e => e.EnrolledUtc)
                .Select(e => new EnrolmentDocument(e.AthleteId, e.Code, e.Athlete!.Name, e.ConsentDate, e.EnrolledUtc, e.WithdrawnUtc))
                .ToListAsync(ct));
        })
        .WithSummary("List the study's athletes with their codes and consent");

        group.MapPost("/{id:guid}/enrolments", async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid id, EnrolRequest request, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            var (outcome, errors, problem) = await studies.EnrolAsync(user.UserId(), study, request, ct);
            return outcome switch
            {
                StudyChange.Done => TypedResults.NoContent(),
                StudyChange.Locked => Locked(problem),
                _ => errors.ToValidationProblem(),
            };
        })
        .WithSummary("Enrol an athlete (consentGiven must be true, with the consent date)");

        group.MapDelete("/{id:guid}/enrolments/{athleteId:guid}", async Task<Results<NoContent, NotFound>> (
            Guid id, Guid athleteId, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            return await studies.WithdrawAsync(user.UserId(), study, athleteId, ct) == StudyChange.Done ? TypedResults.NoContent() : TypedResults.NotFound();
        })
        .WithSummary("Withdraw an athlete (consent withdrawn); allowed at any time and recorded");

        group.MapPost("/{id:guid}/lock-baseline", async Task<Results<Ok<StudyDocument>, NotFound, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            var (outcome, problem) = await studies.LockBaselineAsync(user.UserId(), study, ct);
            return outcome == StudyChange.Done
                ? TypedResults.Ok(await studies.DocumentAsync(study, ct))
                : TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "Cannot lock the baseline");
        })
        .WithSummary("Lock the baseline and start follow-up");

        group.MapPost("/{id:guid}/lock-data", async Task<Results<Ok<StudyDocument>, NotFound, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            var (outcome, problem) = await studies.LockDataAsync(user.UserId(), study, ct);
            return outcome == StudyChange.Done
                ? TypedResults.Ok(await studies.DocumentAsync(study, ct))
                : TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "Cannot lock the data");
        })
        .WithSummary("Lock all data for the final analysis");

        group.MapGet("/{id:guid}/audit", async Task<Results<Ok<List<StudyAuditDocument>>, NotFound>> (
            Guid id, ClaimsPrincipal user, StudyService studies, HipCheckDb db, CancellationToken ct) =>
        {
            if (!await studies.OwnedBy(user.UserId()).AnyAsync(s => s.Id == id, ct))
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok(await db.StudyAudit.AsNoTracking().Where(e => e.StudyId == id).OrderBy(e => e.Id)
                .Select(e => new StudyAuditDocument(e.Utc, e.UserId, e.Action, e.Detail)).ToListAsync(ct));
        })
        .WithSummary("The study's audit trail, including refused changes after a lock");

        return group;
    }

    private static ProblemHttpResult Locked(string? problem) =>
        TypedResults.Problem(problem, statusCode: StatusCodes.Status409Conflict, title: "Study data locked");
}

public static class StudyExportsApi
{
    public static RouteGroupBuilder MapStudyExportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/studies/{id:guid}").WithTags("Studies")
            .RequireAuthorization(IdentityExtensions.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Researcher));

        group.MapGet("/cohort.csv", (Guid id, ClaimsPrincipal user, StudyService studies, StudyCohortBuilder cohorts, HttpContext http, CancellationToken ct) =>
            WriteAsync(id, user, studies, cohorts, http, "text/csv; charset=utf-8", "cohort.csv", StudyExports.WriteCsvAsync, ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The study's cohort as CSV, one row per analysed athlete (pseudonymous codes), the layout `hipcheck analyze` reads");

        group.MapGet("/codebook.csv", (Guid id, ClaimsPrincipal user, StudyService studies, StudyCohortBuilder cohorts, HttpContext http, CancellationToken ct) =>
            WriteAsync(id, user, studies, cohorts, http, "text/csv; charset=utf-8", "codebook.csv", StudyExports.WriteCodebookCsvAsync, ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The codebook of the cohort CSV: one row per column");

        group.MapGet("/cohort.json", (Guid id, ClaimsPrincipal user, StudyService studies, StudyCohortBuilder cohorts, HttpContext http, CancellationToken ct) =>
            WriteAsync(id, user, studies, cohorts, http, "application/json", "cohort.json", StudyExports.WriteJsonAsync, ct))
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("The cohort as JSON, with the codebook and the excluded athletes");

        group.MapGet("/analysis", async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, StudyService studies, StudyAnalysisService analyses, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            var analysis = await analyses.AnalyseAsync(study, ct);
            return analysis.Result is { } result
                ? TypedResults.Content(result.ToJson(), "application/json")
                : TypedResults.Problem(analysis.NotPossible, statusCode: StatusCodes.Status409Conflict, title: "Not enough data");
        })
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .WithSummary("The study's analysis: the same JSON document as `hipcheck analyze` on the cohort CSV");

        return group;
    }

    private static async Task<IResult> WriteAsync(
        Guid id, ClaimsPrincipal user, StudyService studies, StudyCohortBuilder cohorts, HttpContext http, string contentType, string fileName,
        Func<StudyCohortData, Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        if (await studies.OwnedBy(user.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
        {
            return TypedResults.NotFound();
        }

        var cohort = await cohorts.BuildAsync(study, ct);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"study-{study.Id}-{fileName}\"";
        await write(cohort, http.Response.Body, ct);
        return TypedResults.Empty;
    }
}
