using HipCheck.Core.Training;
using HipCheck.Web.Account;
using HipCheck.Web.Exercises;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Exercises;

/// <summary>One exercise, open to everyone; editors (Admin) attach or remove its video here.</summary>
[VideoUploadLimit]
[RequestFormLimits(MultipartBodyLengthLimit = 200L * 1024 * 1024 + 64 * 1024)]
public sealed class DetailsModel(ExerciseVideos videos) : PageModel
{
    public Exercise Exercise { get; private set; } = null!;

    public ExerciseVideo? Video { get; private set; }

    public bool IsEditor => User.IsInRole(Roles.Admin);

    [BindProperty]
    public string? VideoUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A POST without a handler name (a crafted request) goes back to the page instead of failing.</summary>
    public IActionResult OnPost(string id) => Redirect($"/Exercises/{Uri.EscapeDataString(id)}");

    public async Task<IActionResult> OnPostLinkAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsEditor)
        {
            return Forbid();
        }

        var (video, errors) = await videos.AttachLinkAsync(id, VideoUrl, User.UserId(), ct);
        return Done(video, errors, "Video link attached.");
    }

    public async Task<IActionResult> OnPostUploadAsync(string id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsEditor)
        {
            return Forbid();
        }

        var (video, errors) = await videos.AttachUploadAsync(id, file, User.UserId(), ct);
        return Done(video, errors, "Video uploaded.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsEditor)
        {
            return Forbid();
        }

        await videos.RemoveAsync(id, ct);
        Notice = "Video removed.";
        return Redirect($"/Exercises/{id}");
    }

    /// <summary>"12 repetitions per set, each side" or "20 s per hold, each side", as a programme's first fortnight.</summary>
    public static string DoseWords(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var dose = exercise.Dose == DoseKind.Reps ? $"{exercise.BaseDose} repetitions per set" : $"{exercise.BaseDose} s per hold";
        return exercise.Unilateral ? dose + ", each side" : dose;
    }

    public string? Error(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private IActionResult Done(ExerciseVideo? video, IReadOnlyList<HipCheck.Core.Validation.FieldError> errors, string notice)
    {
        if (video is null)
        {
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field, e.Message);
            }

            return Page();
        }

        Notice = notice;
        return Redirect($"/Exercises/{Exercise.Id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (ExerciseLibrary.Find(id) is not { } exercise)
        {
            return false;
        }

        Exercise = exercise;
        Video = await videos.FindAsync(id, ct);
        return true;
    }
}
