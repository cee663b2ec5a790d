using HipCheck.Core.Training;
using HipCheck.Web.Account;
using HipCheck.Web.Course;
using HipCheck.Web.Email;
using HipCheck.Web.Exercises;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Members;

/// <summary>The member area: downloads (the guide, exercise videos), the course with the member's progress, account links.</summary>
public sealed class IndexModel(CourseService course, ExerciseVideos videos, UserManager<AppUser> users, AccountEmails emails) : PageModel
{
    public CourseProgressView Progress { get; private set; } = null!;

    /// <summary>Exercises of the library with a video attached, in library order.</summary>
    public IReadOnlyList<(Exercise Exercise, ExerciseVideo Video)> Videos { get; private set; } = [];

    public string Email { get; private set; } = "";

    public bool EmailConfirmed { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Email = user.Email ?? "";
        EmailConfirmed = user.EmailConfirmed;
        Progress = await course.ProgressAsync(user.Id, ct);
        var attached = await videos.AllAsync(ct);
        Videos = ExerciseLibrary.All.Where(e => attached.ContainsKey(e.Id)).Select(e => (e, attached[e.Id])).ToList();
        return Page();
    }

    /// <summary>Sends the confirmation email again.</summary>
    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.EmailConfirmed)
        {
            Notice = await emails.SendConfirmationAsync(user, HttpContext)
                ? $"We have sent a confirmation link to {user.Email}."
                : "The email could not be sent just now; please try again later.";
        }

        return RedirectToPage();
    }
}
