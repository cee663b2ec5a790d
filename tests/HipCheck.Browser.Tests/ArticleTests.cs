using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// Issue 6: a visitor reads the shipped article, tries to comment, is sent to register, registers, comes back to
/// the article and posts; the article page has no serious or critical axe violations. Desktop and 390 px.
/// </summary>
public sealed partial class ArticleTests : BrowserTest
{
    private const string ArticlePath = "/Articles/hip-extensor-imbalance-and-low-back-pain-in-runners";

    [GeneratedRegex(@"/Articles/hip-extensor-imbalance-and-low-back-pain-in-runners(#comments)?$")]
    private static partial Regex ArticleUrl();

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task A_visitor_reads_registers_from_the_comment_box_comes_back_posts_and_downloads_the_guide(string screen)
    {
        var page = await OpenAsync(screen);
        await page.GotoAsync("/Articles");
        await page.GetByRole(AriaRole.Link, new() { Name = "Is one weaker hip behind your low back pain?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Is one weaker hip behind your low back pain?");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "References" })).ToBeVisibleAsync();
        await AssertFitsScreenAsync(page, screen);
        await Axe.AssertNoSeriousViolationsAsync(page, "article (visitor)");

        await Expect(page.GetByText("Only members can comment.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Comment", new() { Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "create a free account to comment" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Register"));
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("ana@example.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ArticleUrl());
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("My left hip was **15 %** weaker. Starting the programme.");
        await page.GetByLabel("Name shown with your comments").FillAsync("Ana R.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        var comment = page.Locator("article.comment").Filter(new() { HasText = "Starting the programme." });
        await Expect(comment).ToBeVisibleAsync();
        await Expect(comment.Locator("strong", new() { HasText = "15 %" })).ToBeVisibleAsync();
        await Expect(comment.Locator(".comment-author")).ToHaveTextAsync("Ana R.");
        await Expect(page.GetByText("ana@example.test")).ToHaveCountAsync(0);
        await AssertFitsScreenAsync(page, screen);
        await Axe.AssertNoSeriousViolationsAsync(page, "article (member with a comment)");

        // The issue's journey goes on: the new member opens the member area and downloads the guide.
        await page.GetByRole(AriaRole.Link, new() { Name = "Member area" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Members$"));
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the guide (A4)" }).ClickAsync());
        var head = new byte[5];
        await using (var file = File.OpenRead(await download.PathAsync()))
        {
            await file.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
        }

        Assert.Equal("%PDF-"u8.ToArray(), head);
    }
}
