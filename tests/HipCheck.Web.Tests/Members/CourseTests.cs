using System.Net;
using HipCheck.Web.Course;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;

namespace HipCheck.Web.Tests.Members;

/// <summary>The free course: lessons in order, progress per member, resume where you left off, completion only at the end.</summary>
public class CourseTests : ApiTest
{
    private static readonly IReadOnlyList<CourseLesson> Lessons = new CourseCatalogue().Lessons;

    private async Task<HttpClient> Member(string email = "ann@example.org")
    {
        await App.RegisterAndLogin(email);
        return await App.LogInWithCookie(email);
    }

    private static async Task MarkDone(HttpClient member, string slug, string expectedNext)
    {
        using var done = await member.PostForm($"/Members/Course/{slug}", $"/Members/Course/{slug}?handler=Done", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(expectedNext, done.Headers.Location!.ToString());
    }

    [Fact]
    public void The_course_ships_six_lessons_in_order_with_case_studies_labelled_as_composites()
    {
        Assert.Equal(
            ["why-runners-get-injured", "training-mistakes", "hip-strength-and-asymmetry", "case-study-the-returning-runner",
                "case-study-the-high-mileage-runner", "what-to-do-next"],
            Lessons.Select(l => l.Slug));
        Assert.Equal(Enumerable.Range(1, 6), Lessons.Select(l => l.Number));
        Assert.All(Lessons.Where(l => l.Slug.StartsWith("case-study", StringComparison.Ordinal)),
            l => Assert.Contains("illustrative composite", l.Html, StringComparison.Ordinal));
    }

    [Fact]
    public void Raw_html_in_a_lesson_is_shown_as_text_never_run()
    {
        var catalogue = CourseCatalogue.FromFiles([("01-test.md", "# Title\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> here.\n")]);

        var html = catalogue.Lessons[0].Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_recorded_and_the_course_resumes_at_the_first_lesson_not_done()
    {
        var member = await Member();

        await MarkDone(member, Lessons[0].Slug, $"/Members/Course/{Lessons[1].Slug}");
        await MarkDone(member, Lessons[1].Slug, $"/Members/Course/{Lessons[2].Slug}");
        // Marking a lesson again changes nothing.
        await MarkDone(member, Lessons[1].Slug, $"/Members/Course/{Lessons[2].Slug}");

        using var area = await member.Get("/Members");
        var html = await area.Html();
        Assert.Contains("2 of 6 lessons done (33 %)", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Members/Course/{Lessons[2].Slug}\">Resume: {Lessons[2].Title}", html, StringComparison.Ordinal);

        using var course = await member.Get("/Members/Course");
        var list = await course.Html();
        Assert.Contains("2 of 6 lessons done", list, StringComparison.Ordinal);

        // Another member's progress is their own.
        var other = await Member("bob@example.org");
        using var theirs = await other.Get("/Members");
        Assert.Contains("0 of 6 lessons done", await theirs.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_has_previous_and_next_links_and_an_unknown_lesson_is_404()
    {
        var member = await Member();

        using var lesson = await member.Get($"/Members/Course/{Lessons[1].Slug}");
        await lesson.AssertStatus(HttpStatusCode.OK);
        var html = await lesson.Html();
        Assert.Contains($"<h1>{Lessons[1].Title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Members/Course/{Lessons[0].Slug}\" rel=\"prev\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Members/Course/{Lessons[2].Slug}\" rel=\"next\"", html, StringComparison.Ordinal);

        using var missing = await member.Get("/Members/Course/no-such-lesson");
        await missing.AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_completion_page_opens_only_after_every_lesson_is_done()
    {
        var member = await Member();

        for (var i = 0; i < Lessons.Count - 1; i++)
        {
            using var early = await member.Get("/Members/Course/Complete");
            Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
            Assert.Equal("/Members/Course", early.Headers.Location!.ToString());
            await MarkDone(member, Lessons[i].Slug, $"/Members/Course/{Lessons[i + 1].Slug}");
        }

        await MarkDone(member, Lessons[^1].Slug, "/Members/Course/Complete");
        using var complete = await member.Get("/Members/Course/Complete");
        await complete.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("You finished the course", await complete.Html(), StringComparison.Ordinal);

        // Taking one lesson off the done list closes the page again.
        using var undo = await member.PostForm($"/Members/Course/{Lessons[2].Slug}", $"/Members/Course/{Lessons[2].Slug}?handler=Undo", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        using var closed = await member.Get("/Members/Course/Complete");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
    }

    [Fact]
    public async Task Marking_a_lesson_done_without_the_form_token_is_refused()
    {
        var member = await Member();
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>());

        using var response = await member.PostAsync($"/Members/Course/{Lessons[0].Slug}?handler=Done", body, TestContext.Current.CancellationToken);

        await response.AssertStatus(HttpStatusCode.BadRequest);
        using var area = await member.Get("/Members");
        Assert.Contains("0 of 6 lessons done", await area.Html(), StringComparison.Ordinal);
    }
}
