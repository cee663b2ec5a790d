using HipCheck.Web.Course;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Members.Course;

/// <summary>The course's lessons in order, each marked done or not, with a link to resume.</summary>
public sealed class IndexModel(CourseService course) : PageModel
{
    public CourseProgressView Progress { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Progress = await course.ProgressAsync(User.UserId(), ct);
}
