using System.Security.Claims;
using HipCheck.Core.Studies.Exports;
using HipCheck.Core.Surveillance;
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
        .RequireConfirmedEmail()
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
                .Select(e => new EnrolmentDocument(e.AthleteId, e.Code, e.Athlete!.Name, e.ConsentDate, e.EnrolledUtc, e.WithdrawnUtc, e.RetainOnWithdrawal))
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
        .WithSummary("Enrol an athlete (consentGiven must be true, with the consent date; retainOnWithdrawal: the consent lets collected data be kept after withdrawal)");

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

        group.MapGet("/{id:guid}/instrument", async Task<Results<ContentHttpResult, NotFound>> (
            Guid id, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
            await studies.OwnedBy(user.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } study
                ? TypedResults.Content(study.InstrumentJson ?? OstrcInstrument.ReadEmbeddedJson(), "application/json")
                : TypedResults.NotFound())
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("The OSTRC wording the study's check-ins use: the study's own, or the shipped one");

        group.MapPut("/{id:guid}/instrument", async Task<Results<NoContent, ValidationProblem, NotFound, ProblemHttpResult>> (
            Guid id, HttpRequest request, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            var json = await reader.ReadToEndAsync(ct);
            var (outcome, problems, problem) = await studies.SetInstrumentAsync(user.UserId(), study, json, ct);
            return outcome switch
            {
                StudyChange.Done => TypedResults.NoContent(),
                StudyChange.Locked => Locked(problem),
                _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["instrument"] = [.. problems] },
                    title: "The questionnaire wording is invalid."),
            };
        })
        .Accepts<object>("application/json")
        .WithSummary("Set the study's own OSTRC wording (a translation or other areas) for its athletes' check-ins")
        .WithDescription("The body is the instrument JSON (the layout GET returns: version, language, instructions, areas [{code, osiics, name}], "
            + "items [{code, question, answers[4]}] in the fixed order participation, training-modified, performance-affected, pain). "
            + "400 lists every problem with its JSON path; scores never change (they are fixed by the item order). Refused after the data lock.");

        group.MapDelete("/{id:guid}/instrument", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (
            Guid id, ClaimsPrincipal user, StudyService studies, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return TypedResults.NotFound();
            }

            var (outcome, _, problem) = await studies.SetInstrumentAsync(user.UserId(), study, null, ct);
            return outcome == StudyChange.Done ? TypedResults.NoContent() : Locked(problem);
        })
        .WithSummary("Return the study's check-ins to the shipped OSTRC wording");

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
            .RequireConfirmedEmail()
            .WithSummary("The study's cohort as CSV, one row per analysed athlete (pseudonymous codes), the layout `hipcheck analyze` reads");

        group.MapGet("/codebook.csv", (Guid id, ClaimsPrincipal user, StudyService studies, StudyCohortBuilder cohorts, HttpContext http, CancellationToken ct) =>
            WriteAsync(id, user, studies, cohorts, http, "text/csv; charset=utf-8", "codebook.csv", StudyExports.WriteCodebookCsvAsync, ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .RequireConfirmedEmail()
            .WithSummary("The codebook of the cohort CSV: one row per column");

        group.MapGet("/cohort.json", (Guid id, ClaimsPrincipal user, StudyService studies, StudyCohortBuilder cohorts, HttpContext http, CancellationToken ct) =>
            WriteAsync(id, user, studies, cohorts, http, "application/json", "cohort.json", StudyExports.WriteJsonAsync, ct))
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .RequireConfirmedEmail()
            .WithSummary("The cohort as JSON, with the codebook and the excluded athletes");

        // Issue 10 item 7: tidy long and wide files with codebooks, a REDCap project and the R reader (docs/exports.md).
        MapTable(group, "long.csv", "The tidy long file: one row per athlete x time point x test x side (study codes only)",
            athletes => LongLayout.Build(athletes).Lines(), bom: true);
        MapTable(group, "long-codebook.csv", "The codebook of long.csv: column, type, unit, allowed values, label, description",
            athletes => LongLayout.Build(athletes).Codebook().Lines(), bom: true);
        MapTable(group, "wide.csv", "The wide file: one row per athlete, repeated measures as columns suffixed _t1, _t2, ...",
            athletes => WideLayout.Build(athletes).Lines(), bom: true);
        MapTable(group, "wide-codebook.csv", "The codebook of wide.csv",
            athletes => WideLayout.Build(athletes).Codebook().Lines(), bom: true);
        MapTable(group, "redcap-dictionary.csv", "A REDCap data dictionary (REDCap's 18-column layout) for wide.csv",
            athletes => RedcapProject.DictionaryCsv(WideLayout.Build(athletes).Columns).TrimEnd('\n').Split('\n'), bom: false);
        MapTable(group, "redcap-data.csv", "The REDCap data import file matching redcap-dictionary.csv: one row per record",
            athletes => RedcapProject.Data(WideLayout.Build(athletes)).Lines(), bom: false);

        group.MapGet("/hipcheck-exports.R", async Task<Results<ContentHttpResult, NotFound>> (
            Guid id, ClaimsPrincipal user, StudyService studies, HttpContext http, CancellationToken ct) =>
        {
            if (!await studies.OwnedBy(user.UserId()).AnyAsync(s => s.Id == id, ct))
            {
                return TypedResults.NotFound();
            }

            http.Response.Headers.ContentDisposition = "attachment; filename=\"hipcheck-exports.R\"";
            return TypedResults.Text(StudyResearchExports.RScript, "text/plain; charset=utf-8");
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/plain")
        .WithSummary("The R script (base R) that reads long.csv and wide.csv with types, factor levels and labels");

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

    private static void MapTable(RouteGroupBuilder group, string fileName, string summary,
        Func<IReadOnlyList<ExportAthlete>, IEnumerable<string>> lines, bool bom) =>
        group.MapGet("/" + fileName, async (Guid id, ClaimsPrincipal user, StudyService studies, StudyResearchExports exports, HttpContext http, CancellationToken ct) =>
        {
            if (await studies.OwnedBy(user.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
            {
                return (IResult)TypedResults.NotFound();
            }

            var athletes = await exports.LoadAsync(study, ct);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"study-{study.Id}-{fileName}\"";
            // REDCap's upload pages expect plain UTF-8; the files meant for Excel, R and SPSS carry the byte-order mark.
            await using var writer = new StreamWriter(http.Response.Body, bom ? Csv.Utf8WithBom : new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            foreach (var line in lines(athletes))
            {
                await writer.WriteAsync(line.AsMemory(), ct);
                await writer.WriteAsync("\n".AsMemory(), ct);
            }

            return TypedResults.Empty;
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .WithSummary(summary);

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
