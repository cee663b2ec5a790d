using HipCheck.Web.Course;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Members.Course;

/// <summary>The completion page, shown only once every lesson is done; before that it sends the member back to the course.</summary>
public sealed class CompleteModel(CourseService course) : PageModel
{
    public CourseProgressView Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Progress = await course.ProgressAsync(User.UserId(), ct);
        return Progress.IsComplete ? Page() : Redirect("/Members/Course");
    }
}
