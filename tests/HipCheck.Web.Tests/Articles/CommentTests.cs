using System.Net;
using HipCheck.Web.Tests.Infrastructure;
using HipCheck.Web.Tests.Studies;
using static HipCheck.Web.Tests.Articles.ArticleFixtures;

namespace HipCheck.Web.Tests.Articles;

/// <summary>Comments on articles (issue 6 item 4): members post, everyone reads, the window, moderation, names, 429.</summary>
public class CommentTests : ClockedTest
{
    [Fact]
    public async Task An_anonymous_api_post_answers_401_and_stores_nothing()
    {
        using var response = await App.Anonymous().PostJson(CommentsPath, new { text = "Hello" });

        await response.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await App.CommentCount());
    }

    [Fact]
    public async Task An_anonymous_page_post_is_sent_to_the_login_page_and_back_and_stores_nothing()
    {
        var visitor = App.Anonymous();
        var page = await visitor.Document();
        Assert.Null(page.QuerySelector("#comment-text"));
        var notice = page.QuerySelector(".login-to-comment")!;
        Assert.Contains("Only members can comment", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"a[href='/Account/Register?returnUrl={Uri.EscapeDataString(PagePath + "#comments")}']"));

        using var anonymousClient = App.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        // A visitor has no comment form; a valid antiforgery token comes from the login page's form.
        using var response = await anonymousClient.PostForm("/Account/Login", PagePath, new Dictionary<string, string> { ["Input.Text"] = "Hello from nowhere" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(PagePath), response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await App.CommentCount());
    }

    [Fact]
    public async Task A_members_comment_appears_on_the_page_and_in_the_api_under_their_chosen_name_never_their_email()
    {
        await App.RegisterAndLogin("ann.runner@example.org");
        var member = await App.LogInWithCookie("ann.runner@example.org");

        using var posted = await member.PostCommentForm("Tested my hips: *12 %* gap, left weaker.", extra: new Dictionary<string, string> { ["Input.DisplayName"] = "Ann R." });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var html = await (await App.Anonymous().Get(PagePath)).Html();
        Assert.Contains("<em>12 %</em> gap, left weaker.", html, StringComparison.Ordinal);
        Assert.Contains("Ann R.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ann.runner", html, StringComparison.OrdinalIgnoreCase);
        var api = await App.Anonymous().GetOk(CommentsPath);
        JsonAssert.Text("Ann R.", api[0], "author");
        Assert.DoesNotContain("example.org", api.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_chosen_name_a_member_appears_as_member_and_a_short_id_and_an_email_is_refused_as_a_name()
    {
        var member = await App.RegisterAndLogin("bo@example.org");

        var comment = await member.Comment("First!");
        using var emailName = await member.PostJson(CommentsPath, new { text = "Hi", displayName = "bo@example.org" });

        Assert.Matches("^Member [0-9a-f]{6}$", comment.GetProperty("author").GetString());
        await emailName.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("not an email address", (await emailName.Body()).GetProperty("errors").GetProperty("displayName")[0].GetString(), StringComparison.Ordinal);
        var member2 = await App.LogInWithCookie("bo@example.org");
        var page = await member2.Get(PagePath);
        Assert.DoesNotContain("bo@example.org", await page.Html(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reply_is_nested_under_its_comment_and_a_reply_to_a_reply_joins_the_same_thread()
    {
        var ann = await App.RegisterAndLogin("ann@example.org");
        var bo = await App.RegisterAndLogin("bo@example.org");
        var root = await ann.Comment("Question about the 2001 study?");
        var reply = await bo.Comment("It had 13 events.", parentId: root.Id());
        await ann.Comment("Thanks!", parentId: reply.Id());

        var threads = await App.Anonymous().GetOk(CommentsPath);

        Assert.Equal(1, threads.GetArrayLength());
        Assert.Equal(["It had 13 events.", "Thanks!"], threads[0].GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList());
        var page = await App.Anonymous().Document();
        Assert.Equal(2, page.QuerySelectorAll(".comment-replies .comment").Length);
    }

    [Fact]
    public async Task Too_long_or_empty_text_gets_a_clear_message_on_the_page_and_in_the_api()
    {
        var member = await App.RegisterAndLogin("ann@example.org");
        using var tooLong = await member.PostJson(CommentsPath, new { text = new string('a', 2001) });
        using var empty = await member.PostJson(CommentsPath, new { text = "  " });

        await tooLong.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("A comment may be at most 2000 characters; this one has 2001. Shorten it or split it in two.",
            (await tooLong.Body()).GetProperty("errors").GetProperty("text")[0].GetString());
        await empty.AssertStatus(HttpStatusCode.BadRequest);
        var cookie = await App.LogInWithCookie("ann@example.org");
        using var form = await cookie.PostCommentForm(new string('b', 2001));
        await form.AssertStatus(HttpStatusCode.OK);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("at most 2000 characters", html.QuerySelector("#comment-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", html.QuerySelector("#comment-text")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await App.CommentCount());
    }

    [Fact]
    public async Task A_sixth_comment_within_a_minute_answers_429_on_the_api_and_the_page()
    {
        var member = await App.RegisterAndLogin("ann@example.org");
        for (var i = 0; i < 5; i++)
        {
            await member.Comment($"Comment {i}");
        }

        using var sixth = await member.PostJson(CommentsPath, new { text = "One too many" });

        await sixth.AssertStatus(HttpStatusCode.TooManyRequests);
        Assert.Equal(5, await App.CommentCount());
        var other = await App.RegisterAndLogin("bo@example.org");
        await other.Comment("Another member is not held back");

        await App.RegisterAndLogin("cy@example.org");
        var cookie = await App.LogInWithCookie("cy@example.org");
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 6; i++)
        {
            using var response = await cookie.PostCommentForm($"Page comment {i}");
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(11, await App.CommentCount());
    }

    [Fact]
    public async Task The_author_edits_and_deletes_within_15_minutes_and_not_after()
    {
        var ann = await App.RegisterAndLogin("ann@example.org");
        var first = await ann.Comment("Typo here");
        var second = await ann.Comment("Keep me");

        Clock.Advance(TimeSpan.FromMinutes(14));
        using (var edited = await ann.PutJson($"{CommentsPath}/{first.Id()}", new { text = "Fixed" }))
        {
            await edited.AssertStatus(HttpStatusCode.OK);
            JsonAssert.Text("Fixed", await edited.Body(), "text");
        }

        Clock.Advance(TimeSpan.FromMinutes(2));
        using (var late = await ann.PutJson($"{CommentsPath}/{second.Id()}", new { text = "Changed" }))
        {
            await late.AssertStatus(HttpStatusCode.Forbidden);
        }

        using (var lateDelete = await ann.DeleteAsync($"{CommentsPath}/{second.Id()}", TestContext.Current.CancellationToken))
        {
            await lateDelete.AssertStatus(HttpStatusCode.Forbidden);
        }

        var bo = await App.RegisterAndLogin("bo@example.org");
        var third = await bo.Comment("Oops");
        using (var othersEdit = await ann.PutJson($"{CommentsPath}/{third.Id()}", new { text = "Not yours" }))
        {
            await othersEdit.AssertStatus(HttpStatusCode.NotFound);
        }

        using (var deleted = await bo.DeleteAsync($"{CommentsPath}/{third.Id()}", TestContext.Current.CancellationToken))
        {
            await deleted.AssertStatus(HttpStatusCode.NoContent);
        }

        var texts = (await App.Anonymous().GetOk(CommentsPath)).EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();
        Assert.Equal(["Fixed", "Keep me"], texts);
    }

    [Fact]
    public async Task On_the_page_the_edit_form_shows_only_inside_the_window()
    {
        var ann = await App.RegisterAndLogin("ann@example.org");
        var comment = await ann.Comment("Typo here");
        var cookie = await App.LogInWithCookie("ann@example.org");
        Assert.NotNull((await cookie.Document()).QuerySelector($"#edit-{comment.Id()}"));

        using (var edited = await cookie.PostCommentForm("", "Edit", new Dictionary<string, string> { ["commentId"] = comment.Id(), ["editText"] = "Fixed on the page" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Clock.Advance(TimeSpan.FromMinutes(16));
        var page = await cookie.Document();
        Assert.Null(page.QuerySelector($"#edit-{comment.Id()}"));
        Assert.Contains("Fixed on the page", page.QuerySelector($"#comment-{comment.Id()}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_hides_and_deletes_any_comment_and_wears_a_staff_badge()
    {
        var ann = await App.RegisterAndLogin("ann@example.org");
        var spam = await ann.Comment("Buy cheap shoes");
        var old = await ann.Comment("An old comment");
        var admin = await App.Admin();
        var staffReply = await admin.Comment("Thanks for asking.", parentId: old.Id(), displayName: "Editor Eve");
        Clock.Advance(TimeSpan.FromMinutes(20)); // past the authors' window, inside the tokens' hour

        using (var hidden = await admin.PutJson($"{CommentsPath}/{spam.Id()}/hidden", new { hidden = true }))
        {
            await hidden.AssertStatus(HttpStatusCode.NoContent);
        }

        using (var byRunner = await ann.PutJson($"{CommentsPath}/{old.Id()}/hidden", new { hidden = true }))
        {
            await byRunner.AssertStatus(HttpStatusCode.Forbidden);
        }

        var visitorPage = await App.Anonymous().Document();
        Assert.Null(visitorPage.QuerySelector($"#comment-{spam.Id()}"));
        Assert.NotNull(visitorPage.QuerySelector($"#comment-{staffReply.Id()} .badge.staff"));
        Assert.Null(visitorPage.QuerySelector($"#comment-{old.Id()} .badge.staff"));
        var adminPage = await (await App.LogInWithCookie("editor@example.org")).Document();
        Assert.NotNull(adminPage.QuerySelector($"#comment-{spam.Id()}.hidden-comment"));

        var adminCookie = await App.LogInWithCookie("editor@example.org");
        using (var deleted = await adminCookie.PostCommentForm("", "Delete", new Dictionary<string, string> { ["commentId"] = old.Id() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Equal(1, await App.CommentCount()); // the hidden spam; the old comment went with its reply
    }
}
