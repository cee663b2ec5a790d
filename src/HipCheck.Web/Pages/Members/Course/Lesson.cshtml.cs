using HipCheck.Web.Course;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Members.Course;

/// <summary>One lesson: its text, previous and next, and a button to mark it done (which moves on to the next lesson).</summary>
public sealed class LessonModel(CourseService course) : PageModel
{
    public CourseLesson Lesson { get; private set; } = null!;

    public CourseLesson? Previous { get; private set; }

    public CourseLesson? Next { get; private set; }

    public CourseProgressView Progress { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (course.Catalogue.Find(slug) is not { } lesson)
        {
            return NotFound();
        }

        await LoadAsync(lesson, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(string slug, CancellationToken ct)
    {
        if (course.Catalogue.Find(slug) is not { } lesson)
        {
            return NotFound();
        }

        await course.CompleteAsync(User.UserId(), lesson, ct);
        var progress = await course.ProgressAsync(User.UserId(), ct);
        if (progress.IsComplete)
        {
            return Redirect("/Members/Course/Complete");
        }

        // On to the next lesson, or back to the first one still open when this was the last.
        var next = course.Catalogue.Next(lesson) ?? progress.Resume!;
        return Redirect($"/Members/Course/{next.Slug}");
    }

    public async Task<IActionResult> OnPostUndoAsync(string slug, CancellationToken ct)
    {
        if (course.Catalogue.Find(slug) is not { } lesson)
        {
            return NotFound();
        }

        await course.UndoAsync(User.UserId(), lesson, ct);
        return Redirect($"/Members/Course/{lesson.Slug}");
    }

    private async Task LoadAsync(CourseLesson lesson, CancellationToken ct)
    {
        Lesson = lesson;
        Previous = course.Catalogue.Previous(lesson);
        Next = course.Catalogue.Next(lesson);
        Progress = await course.ProgressAsync(User.UserId(), ct);
    }
}
