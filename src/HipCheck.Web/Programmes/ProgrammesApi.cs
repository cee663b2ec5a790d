using System.Security.Claims;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Reports.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Programmes;

public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder routes)
    {
        var athletes = routes.MapGroup("/api/athletes/{id:guid}/programme").WithTags("Programmes").RequireAuthorization(IdentityExtensions.ApiPolicy);

        athletes.MapGet("/", async Task<Results<Ok<ProgrammeDocument>, NotFound>> (Guid id, ClaimsPrincipal user, ProgrammeService programmes, CancellationToken ct) =>
            await programmes.CurrentAsync(user.UserId(), id, ct) is { } programme
                ? TypedResults.Ok(ProgrammeDocument.From(programme))
                : TypedResults.NotFound())
            .WithSummary("Get the athlete's active programme")
            .WithDescription("404 when the athlete has no active programme or is not yours.");

        athletes.MapPost("/", async Task<Results<Created<ProgrammeDocument>, ValidationProblem, NotFound>> (
            Guid id, ProgrammeRequest? request, ClaimsPrincipal user, HipCheckDb db, ProgrammeService programmes, CancellationToken ct) =>
        {
            var athlete = await db.VisibleTo(user.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (athlete is null)
            {
                return TypedResults.NotFound();
            }

            var result = await programmes.StartAsync(user.UserId(), athlete, request ?? new ProgrammeRequest(), ct);
            return result.Programme is { } p
                ? TypedResults.Created($"/api/athletes/{id}/programme", ProgrammeDocument.From(p))
                : result.Errors.ToValidationProblem();
        })
        .WithSummary("Start a programme from a screening")
        .WithDescription("Generates a plan from the latest screening (or screeningId): extra sets for the weaker side, progression week by week, "
            + "a re-test date. The plan is stored as generated; an earlier active programme is marked replaced.");

        athletes.MapPut("/", async Task<Results<Ok<ProgrammeDocument>, ValidationProblem, NotFound>> (
            Guid id, ProgrammeAdjustment request, ClaimsPrincipal user, ProgrammeService programmes, CancellationToken ct) =>
        {
            if (await programmes.CurrentAsync(user.UserId(), id, ct) is not { } current)
            {
                return TypedResults.NotFound();
            }

            var result = await programmes.AdjustAsync(current.Id, request, ct);
            return result.Programme is { } p ? TypedResults.Ok(ProgrammeDocument.From(p)) : result.Errors.ToValidationProblem();
        })
        .WithSummary("Adjust the active programme")
        .WithDescription("Changes weeks (6-8) or sessions per week (2-4) and regenerates the plan from the same screening and start date; "
            + "logged sessions stay.");

        var programmesGroup = routes.MapGroup("/api/programmes/{id:guid}").WithTags("Programmes");
        var api = programmesGroup.MapGroup("").RequireAuthorization(IdentityExtensions.ApiPolicy);

        api.MapGet("/sessions", async Task<Results<Ok<List<SessionDocument>>, NotFound>> (Guid id, ClaimsPrincipal user, ProgrammeService programmes, CancellationToken ct) =>
        {
            if (await programmes.FindAsync(user.UserId(), id, ct) is not { } programme)
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok((await programmes.SessionsAsync(id, ct)).Select(s => SessionDocument.From(programme, s)).ToList());
        })
        .WithSummary("List the logged sessions, oldest first");

        api.MapPost("/sessions", async Task<Results<Created<SessionDocument>, Ok<SessionDocument>, ValidationProblem, NotFound>> (
            Guid id, SessionRequest request, ClaimsPrincipal user, ProgrammeService programmes, CancellationToken ct) =>
        {
            if (await programmes.FindAsync(user.UserId(), id, ct) is not { } programme)
            {
                return TypedResults.NotFound();
            }

            var result = await programmes.LogAsync(user.UserId(), programme, request, ct);
            if (result.Session is not { } session)
            {
                return result.Errors.ToValidationProblem();
            }

            var document = SessionDocument.From(programme, session);
            return result.Created ? TypedResults.Created($"/api/programmes/{id}/sessions", document) : TypedResults.Ok(document);
        })
        .WithSummary("Log a session")
        .WithDescription("Status done/partly/skipped, pain 0-10, and per exercise left and right reps, load (kg) and hold (s). "
            + "Logging a day again corrects it (200 instead of 201).");

        api.MapGet("/adherence", async Task<Results<Ok<AdherenceDocument>, NotFound>> (Guid id, ClaimsPrincipal user, ProgrammeService programmes, CancellationToken ct) =>
        {
            if (await programmes.FindAsync(user.UserId(), id, ct) is not { } programme)
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok(programmes.Adherence(programme, await programmes.SessionsAsync(id, ct)));
        })
        .WithSummary("Adherence per week of the programme so far");

        // Downloads open from the pages (cookie) as well as from scripts (token).
        programmesGroup.MapGet("/pdf", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> (
            Guid id, string? paper, ClaimsPrincipal user, ProgrammeService programmes, CancellationToken ct) =>
        {
            if (await programmes.FindAsync(user.UserId(), id, ct) is not { } programme)
            {
                return TypedResults.NotFound();
            }

            if (!ProgrammeService.TryParsePaper(paper, out var size))
            {
                return new[] { new HipCheck.Core.Validation.FieldError("paper", "Choose a4 or letter.") }.ToValidationProblem();
            }

            var pdf = await programmes.PdfAsync(programme, size, ct);
            return TypedResults.File(pdf, "application/pdf", $"hipcheck-programme-{programme.StartDate:yyyy-MM-dd}-{(size == PaperSize.A4 ? "a4" : "letter")}.pdf");
        })
        .RequireAuthorization(IdentityExtensions.MemberPolicy)
        .AsDownload()
        .WithSummary("The personalised programme as PDF (A4 or Letter)");

        routes.MapGet("/api/guide.pdf", Results<FileContentHttpResult, ValidationProblem> (string? paper) =>
            ProgrammeService.TryParsePaper(paper, out var size)
                ? TypedResults.File(PdfGuides.FiveExerciseGuide(size), "application/pdf", $"hipcheck-five-exercises-{(size == PaperSize.A4 ? "a4" : "letter")}.pdf")
                : new[] { new HipCheck.Core.Validation.FieldError("paper", "Choose a4 or letter.") }.ToValidationProblem())
            .WithTags("Programmes")
            .RequireAuthorization(IdentityExtensions.MemberPolicy)
            .AsDownload()
            .WithSummary("The five-exercise guide as PDF, for members");

        return routes;
    }
}
