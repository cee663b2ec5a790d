using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// A visitor opens the member area, is sent to log in, follows "Create a free account", registers and lands back
/// on the member area; opens the first lesson, marks it done, sees the progress, and downloads the guide. axe finds
/// no serious or critical violation on the member area or a lesson.
/// </summary>
public sealed partial class MemberTests : BrowserTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task A_visitor_joins_from_the_member_area_takes_a_lesson_and_downloads_the_guide(string screen)
    {
        var page = await OpenAsync(screen);

        await page.GotoAsync("/Members");
        await Expect(page).ToHaveURLAsync(LoginWithReturnToMembers());
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a free account", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your free account", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("runner@example.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(MembersUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Member area", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".course-progress")).ToContainTextAsync("0 of 6 lessons done");
        await AssertFitsScreenAsync(page, screen);
        var memberArea = await page.RunAxe();

        await page.GetByRole(AriaRole.Link, new() { Name = "Start the course" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why runners get injured", Level = 1 })).ToBeVisibleAsync();
        await AssertFitsScreenAsync(page, screen);
        var lesson = await page.RunAxe();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark as done") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The training mistakes behind most injuries", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".course-progress")).ToContainTextAsync("1 of 6 lessons done");
        await page.GetByRole(AriaRole.Link, new() { Name = "Member area" }).First.ClickAsync();
        await Expect(page.Locator(".course-progress")).ToContainTextAsync("1 of 6 lessons done (17 %)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Resume: The training mistakes behind most injuries" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the guide (A4)" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var head = new byte[5];
        await using (var file = File.OpenRead(await download.PathAsync()))
        {
            await file.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
        }

        Assert.Equal("%PDF-"u8.ToArray(), head);

        var blocking = Report("member area", memberArea).Concat(Report("lesson", lesson))
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => v.Text)
            .ToList();
        Assert.True(blocking.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", blocking));
    }

    private static IEnumerable<(string? Impact, string Text)> Report(string pageName, AxeResult axe)
    {
        foreach (var violation in axe.Violations)
        {
            var targets = string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()));
            var text = $"{pageName}: [{violation.Impact}] {violation.Id}: {violation.Help} ({targets})";
            TestContext.Current.TestOutputHelper?.WriteLine(text);
            yield return (violation.Impact, text);
        }
    }

    [GeneratedRegex(@"/Account/Login\?ReturnUrl=%2FMembers$", RegexOptions.IgnoreCase)]
    private static partial Regex LoginWithReturnToMembers();

    [GeneratedRegex(@"://[^/]+/Members$", RegexOptions.IgnoreCase)]
    private static partial Regex MembersUrl();
}
