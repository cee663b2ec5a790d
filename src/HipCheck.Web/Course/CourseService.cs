using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Course;

/// <summary>A member's place in the course: which lessons are done and where to carry on.</summary>
public sealed record CourseProgressView(IReadOnlyList<CourseLesson> Lessons, IReadOnlySet<string> Done)
{
    public int DoneCount => Lessons.Count(l => Done.Contains(l.Slug));

    public bool IsComplete => DoneCount == Lessons.Count;

    public int Percent => Lessons.Count == 0 ? 0 : (int)Math.Round(100.0 * DoneCount / Lessons.Count, MidpointRounding.AwayFromZero);

    /// <summary>Where to resume: the first lesson, in course order, not yet done; null when all are done.</summary>
    public CourseLesson? Resume => Lessons.FirstOrDefault(l => !Done.Contains(l.Slug));

    public bool HasStarted => DoneCount > 0;

    public bool IsDone(CourseLesson lesson) => Done.Contains(lesson.Slug);
}

public sealed class CourseService(HipCheckDb db, CourseCatalogue catalogue, TimeProvider clock)
{
    public CourseCatalogue Catalogue => catalogue;

    public async Task<CourseProgressView> ProgressAsync(string userId, CancellationToken ct)
    {
        var done = await db.LessonCompletions.AsNoTracking()
            .Where(c => c.UserId == userId)
            .Select(c => c.LessonSlug)
            .ToListAsync(ct);
        return new CourseProgressView(catalogue.Lessons, done.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Marks a lesson done; idempotent (a second click, or a race of two, keeps one row).</summary>
    public async Task CompleteAsync(string userId, CourseLesson lesson, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        if (await db.LessonCompletions.AnyAsync(c => c.UserId == userId && c.LessonSlug == lesson.Slug, ct))
        {
            return;
        }

        var row = new LessonCompletion { UserId = userId, LessonSlug = lesson.Slug, CompletedUtc = clock.GetUtcNow().UtcDateTime };
        db.LessonCompletions.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            if (!await db.LessonCompletions.AsNoTracking().AnyAsync(c => c.UserId == userId && c.LessonSlug == lesson.Slug, ct))
            {
                throw;
            }

            // The same lesson was marked done twice at once; the primary key kept one row, which is what we want.
        }
    }

    /// <summary>Takes a lesson off the done list (a member who wants to read it again as new).</summary>
    public async Task UndoAsync(string userId, CourseLesson lesson, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        await db.LessonCompletions.Where(c => c.UserId == userId && c.LessonSlug == lesson.Slug).ExecuteDeleteAsync(ct);
    }
}
