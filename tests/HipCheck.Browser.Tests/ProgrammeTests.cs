using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// A runner screens (hip extension left 205 N, right 250 N: 18 %, left weaker), starts the programme from the result,
/// logs today's session on the log form, sees the week's adherence (1 session due on day 1 of 3 a week, 1 done: 100 %)
/// and downloads the personalised PDF.
/// </summary>
public sealed partial class ProgrammeTests : BrowserTest
{
    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task Runner_starts_the_programme_logs_a_session_sees_adherence_and_downloads_the_pdf(string screen)
    {
        var page = await OpenAsync(screen);
        await RegisterAsync(page, "runner@example.test");
        await AddAthleteAsync(page, "Ana Runner", bodyMassKg: 62, sex: "Female");
        await OpenNewScreeningAsync(page);
        await EnterForceTrialsAsync(page, "Hip extension", [200, 210, 205], [250, 245, 255]);
        await SaveScreeningAsync(page);
        await Expect(page).ToHaveURLAsync(ScreeningResultUrl());

        await page.GetByRole(AriaRole.Link, new() { Name = "Start a strengthening programme" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Strengthening programme", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the programme" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Programme started" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.deficits")).ToContainTextAsync("left side is 18.0 % weaker");
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Week 1 \\(this week\\)") })).ToBeVisibleAsync();
        await AssertFitsScreenAsync(page, screen);
        var programmeUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Log today's session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a session", Level = 1 })).ToBeVisibleAsync();
        await AssertFitsScreenAsync(page, screen);
        // The weaker side is marked on the exercises that train it.
        await Expect(page.Locator(".weaker-side .side-name", new() { HasText = "Left (weaker)" }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "Done" }).CheckAsync();
        await page.GetByLabel("Pain (0 none to 10 worst)").FillAsync("2");
        var first = page.Locator("fieldset.exercise-log").First;
        var reps = first.GetByLabel("Left reps", new() { Exact = true });
        if (await reps.CountAsync() > 0)
        {
            await reps.FillAsync("12");
            await first.GetByLabel("Right reps", new() { Exact = true }).FillAsync("10");
        }
        else
        {
            await first.GetByLabel("Left hold (s)", new() { Exact = true }).FillAsync("30");
            await first.GetByLabel("Right hold (s)", new() { Exact = true }).FillAsync("25");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save session" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "logged" })).ToBeVisibleAsync();
        var week1 = page.Locator("table.adherence tr[data-week='1']");
        await Expect(week1).ToContainTextAsync("100 %");
        await AssertFitsScreenAsync(page, screen);
        Assert.StartsWith(programmeUrl, page.Url, StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download PDF (A4)" }).ClickAsync());
        Assert.EndsWith("-a4.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head, TestContext.Current.CancellationToken);
        }

        Assert.Equal("%PDF-"u8.ToArray(), head);
    }

    [Fact]
    public async Task The_exercise_library_is_public_and_fits_a_phone()
    {
        var page = await OpenAsync(Screens.Phone);
        await page.GotoAsync("/Exercises");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The five hip exercises", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("li.exercise-card")).ToHaveCountAsync(5);
        await AssertFitsScreenAsync(page, Screens.Phone);

        await page.Locator("li.exercise-card h2 a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How to do it" })).ToBeVisibleAsync();
        await Expect(page.Locator("article.exercise svg[role=img]").First).ToBeVisibleAsync();
        await AssertFitsScreenAsync(page, Screens.Phone);
    }
}
