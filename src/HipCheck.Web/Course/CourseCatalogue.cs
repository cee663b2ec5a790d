using System.Text.RegularExpressions;
using Markdig;

namespace HipCheck.Web.Course;

/// <summary>
/// The lessons of the free course, read once from the assembly: files <c>Lessons/NN-slug.md</c>, in the order of NN,
/// each starting with a "# Title" line. A missing title or a duplicate slug fails at start-up, not on a member's page.
/// </summary>
public sealed partial class CourseCatalogue
{
    private const string ResourcePrefix = "HipCheck.Web.Course.Lessons.";

    /// <summary>
    /// Markdown with raw HTML disabled: tags in the text are shown as text, never run. The lessons are ours, but a
    /// lesson edited by someone in a hurry must not be able to put script on a member's page.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().DisableHtml().Build();

    public IReadOnlyList<CourseLesson> Lessons { get; }

    /// <summary>The lessons shipped in the assembly.</summary>
    public CourseCatalogue()
        : this(ReadEmbedded())
    {
    }

    // Not public: the container would pick it and hand it an empty sequence.
    private CourseCatalogue(IEnumerable<(string FileName, string Markdown)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var lessons = new List<CourseLesson>();
        foreach (var (fileName, markdown) in files.OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            var name = FileNamePattern().Match(fileName);
            if (!name.Success)
            {
                throw new InvalidOperationException($"Course lesson '{fileName}' must be named NN-slug.md.");
            }

            var text = markdown.ReplaceLineEndings("\n").TrimStart();
            var firstLine = text.Split('\n', 2);
            if (!firstLine[0].StartsWith("# ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Course lesson '{fileName}' must start with a '# Title' line.");
            }

            var slug = name.Groups["slug"].Value;
            if (lessons.Any(l => l.Slug == slug))
            {
                throw new InvalidOperationException($"Course lesson slug '{slug}' appears twice.");
            }

            var body = firstLine.Length > 1 ? firstLine[1] : "";
            lessons.Add(new CourseLesson(lessons.Count + 1, slug, firstLine[0][2..].Trim(), Markdown.ToHtml(body, Pipeline)));
        }

        if (lessons.Count == 0)
        {
            throw new InvalidOperationException("The course has no lessons.");
        }

        Lessons = lessons;
    }

    /// <summary>A course from other files (file name such as "01-why.md", and Markdown text), e.g. in tests.</summary>
    public static CourseCatalogue FromFiles(IEnumerable<(string FileName, string Markdown)> files) => new(files);

    public CourseLesson? Find(string? slug) => Lessons.FirstOrDefault(l => string.Equals(l.Slug, slug, StringComparison.Ordinal));

    public CourseLesson? Previous(CourseLesson lesson) => lesson.Number > 1 ? Lessons[lesson.Number - 2] : null;

    public CourseLesson? Next(CourseLesson lesson) => lesson.Number < Lessons.Count ? Lessons[lesson.Number] : null;

    private static IEnumerable<(string, string)> ReadEmbedded()
    {
        var assembly = typeof(CourseCatalogue).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    [GeneratedRegex(@"^\d{2}-(?<slug>[a-z0-9]+(-[a-z0-9]+)*)\.md$")]
    private static partial Regex FileNamePattern();
}
