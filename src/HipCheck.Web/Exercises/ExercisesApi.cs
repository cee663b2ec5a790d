using System.Security.Claims;
using HipCheck.Core.Training;
using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HipCheck.Web.Exercises;

public sealed record ExerciseDocument(
    string Id,
    string Name,
    IReadOnlyList<string> TargetMuscles,
    IReadOnlyList<string> TrainsTests,
    bool Unilateral,
    string Dose,
    int BaseDose,
    IReadOnlyList<ExerciseEvidence> Evidence,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<string> CommonMistakes,
    ExerciseVariant Regression,
    ExerciseVariant Progression,
    VideoDocument? Video)
{
    public static ExerciseDocument From(Exercise e, ExerciseVideo? video)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Name, e.TargetMuscles, e.TrainsTests, e.Unilateral, e.Dose == DoseKind.Reps ? "reps" : "hold-seconds", e.BaseDose, e.Evidence, e.Instructions, e.CommonMistakes,
            e.Regression, e.Progression, video is null ? null : VideoDocument.From(video));
    }
}

public static class ExercisesApi
{
    public static IEndpointRouteBuilder MapExercisesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/exercises").WithTags("Exercises");

        group.MapGet("/", async (ExerciseVideos videos, CancellationToken ct) =>
        {
            var attached = await videos.AllAsync(ct);
            return TypedResults.Ok(ExerciseLibrary.All.Select(e => ExerciseDocument.From(e, attached.GetValueOrDefault(e.Id))).ToList());
        })
        .WithSummary("The exercise library (public)");

        group.MapGet("/{id}", async Task<Results<Ok<ExerciseDocument>, NotFound>> (string id, ExerciseVideos videos, CancellationToken ct) =>
            ExerciseLibrary.Find(id) is { } e
                ? TypedResults.Ok(ExerciseDocument.From(e, await videos.FindAsync(e.Id, ct)))
                : TypedResults.NotFound())
            .WithSummary("One exercise of the library (public)");

        var editors = group.MapGroup("/{id}/video")
            .RequireAuthorization(IdentityExtensions.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));

        editors.MapPut("/", async Task<Results<Ok<VideoDocument>, ValidationProblem, NotFound>> (
            string id, VideoLinkRequest request, ClaimsPrincipal user, ExerciseVideos videos, CancellationToken ct) =>
        {
            if (ExerciseLibrary.Find(id) is null)
            {
                return TypedResults.NotFound();
            }

            var (video, errors) = await videos.AttachLinkAsync(id, request.Url, user.UserId(), ct);
            return video is null ? errors.ToValidationProblem() : TypedResults.Ok(VideoDocument.From(video));
        })
        .WithSummary("Attach a video by link (editors)")
        .WithDescription("An http or https address; replaces any video of the exercise.");

        // Bearer-authenticated API: no cookie, so no cross-site form to forge; the pages' upload form has its own token.
        editors.MapPost("/", async Task<Results<Ok<VideoDocument>, ValidationProblem, NotFound>> (
            string id, HttpContext context, ClaimsPrincipal user, ExerciseVideos videos, CancellationToken ct) =>
        {
            if (ExerciseLibrary.Find(id) is null)
            {
                return TypedResults.NotFound();
            }

            if (!context.Request.HasFormContentType)
            {
                return new[] { new HipCheck.Core.Validation.FieldError("file", "Send the video as multipart/form-data in a field named file.") }.ToValidationProblem();
            }

            var form = await context.Request.ReadFormAsync(ct);
            var (video, errors) = await videos.AttachUploadAsync(id, form.Files.GetFile("file"), user.UserId(), ct);
            return video is null ? errors.ToValidationProblem() : TypedResults.Ok(VideoDocument.From(video));
        })
        .DisableAntiforgery()
        .WithMetadata(new VideoUploadLimitAttribute())
        .WithFormOptions(multipartBodyLengthLimit: 200L * 1024 * 1024 + 64 * 1024)
        .WithSummary("Upload a video (editors)")
        .WithDescription("multipart/form-data with a field 'file': MP4 or WebM only, up to Media:MaxUploadBytes (200 MB by default).");

        editors.MapDelete("/", async Task<Results<NoContent, NotFound>> (string id, ExerciseVideos videos, CancellationToken ct) =>
            await videos.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Remove an exercise's video (editors)");

        routes.MapGet("/media/exercises/{id}", async Task<Results<PhysicalFileHttpResult, NotFound>> (
            string id, HttpContext context, ExerciseVideos videos, CancellationToken ct) =>
        {
            if (await videos.FindAsync(id, ct) is not { IsUpload: true } video || !File.Exists(videos.PathOf(video)))
            {
                return TypedResults.NotFound();
            }

            // The type is the one we recognised from the file's bytes; nosniff stops a browser from guessing otherwise.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.PhysicalFile(videos.PathOf(video), video.ContentType!, enableRangeProcessing: true,
                lastModified: new DateTimeOffset(video.UpdatedUtc, TimeSpan.Zero));
        })
        .WithTags("Exercises")
        .WithSummary("An uploaded exercise video (public; supports range requests for scrubbing)");

        return routes;
    }
}
