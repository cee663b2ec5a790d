namespace HipCheck.Web.Course;

/// <summary>One lesson of the course, shipped with the app as an embedded Markdown file.</summary>
/// <param name="Number">1-based position in the course.</param>
/// <param name="Slug">The lesson's address and its key in the progress table, e.g. "why-runners-get-injured".</param>
/// <param name="Title">The Markdown's first-level heading.</param>
/// <param name="Html">The body after the heading, rendered with raw HTML disabled.</param>
public sealed record CourseLesson(int Number, string Slug, string Title, string Html);
