using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// A researcher's study in a real browser: team, athletes and their baseline screenings, a study created on
/// /Studies/Create with its defaults (baseline window from today for 28 days), enrolment with consent on the study
/// page, the baseline lock, the audit trail, and the lock holding when a screening inside the window is tried from
/// the athlete's page. Also the sample-size planner.
/// </summary>
public sealed partial class StudyTests : BrowserTest
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ScreenAsync(IPage page, double[] left, double[] right)
    {
        await OpenNewScreeningAsync(page);
        await EnterForceTrialsAsync(page, "Hip extension", left, right);
        await SaveScreeningAsync(page);
        await Expect(page).ToHaveURLAsync(ScreeningResultUrl());
    }

    /// <summary>
    /// Like <see cref="HipCheckPages.AssertFitsScreenAsync"/>, but answers the problem (with the elements that stick out)
    /// instead of stopping, so the journey goes on and every page's problem is reported at the end.
    /// </summary>
    private static async Task<string?> OverflowAsync(IPage page, string screen)
    {
        var width = page.ViewportSize!.Width;
        var inner = await page.EvaluateAsync<int>("() => window.innerWidth");
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (inner == width && scroll <= width)
        {
            return null;
        }

        var culprits = await page.EvaluateAsync<string[]>(
            @"w => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w + 1 && [...e.children].every(c => c.getBoundingClientRect().right <= w + 1))
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px): ' + (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 90))",
            width);
        return $"{new Uri(page.Url).AbsolutePath} does not fit the {screen} screen ({width} px): laid out {inner} px wide, {scroll} px of content; sticking out: {string.Join(" | ", culprits)}";
    }

    private static async Task EnrolAsync(IPage page, string name)
    {
        await page.GetByLabel("Athlete", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = name });
        await Expect(page.GetByLabel("Consent date", new() { Exact = true })).ToHaveValueAsync(Today);
        await page.GetByLabel("The athlete gave informed consent and it is on file").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StudyPageUrl());
        await Expect(page.Locator("table tbody tr").Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task Researcher_runs_a_study_from_enrolment_to_the_locked_baseline_and_the_lock_holds(string screen)
    {
        var page = await OpenAsync(screen);
        await RegisterAsync(page, "researcher@example.test", role: "Researcher");
        // Creating a study needs a confirmed email address.
        await ConfirmEmailAsync(page, App, "researcher@example.test");

        await page.GotoAsync("/Teams");
        await page.GetByLabel("Team name", new() { Exact = true }).FillAsync("Study squad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Study squad" })).ToBeVisibleAsync();

        await AddAthleteAsync(page, "Ada", bodyMassKg: 60, sex: "Female");
        await ScreenAsync(page, [200, 210, 205], [250, 245, 255]);
        await AddAthleteAsync(page, "Cy", bodyMassKg: 70, sex: "Male");
        await ScreenAsync(page, [250, 250, 250], [220, 220, 220]);

        // The study, with the form's defaults: prospective, low back pain event, baseline from today for 28 days.
        await page.GotoAsync("/Studies");
        await page.GetByRole(AriaRole.Link, new() { Name = "New study" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Studies/Create$"));
        await Expect(page.GetByLabel("Baseline screening from", new() { Exact = true })).ToHaveValueAsync(Today);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Hip asymmetry and back pain 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create study" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(StudyPageUrl());
        var studyUrl = page.Url;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hip asymmetry and back pain 2026", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("dd[data-status]")).ToHaveTextAsync("Setting up: enrolling");

        await EnrolAsync(page, "Ada");
        await EnrolAsync(page, "Cy");
        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var codes = await page.Locator("table tbody th code").AllTextContentsAsync();
        Assert.Equal(2, codes.Count);
        Assert.All(codes, c => Assert.Matches(Code(), c));
        Assert.NotEqual(codes[0], codes[1]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Athletes (2 enrolled)" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Lock baseline and start follow-up" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(studyUrl);
        await Expect(page.Locator("dd[data-status]")).ToHaveTextAsync($"Follow-up since {Today}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lock all data" })).ToBeVisibleAsync();

        // The audit trail lists what was done, newest first.
        var audit = page.Locator("ul.audit li");
        await Expect(audit).ToHaveCountAsync(4);
        await Expect(audit.Nth(0)).ToHaveClassAsync("baseline-locked");
        await Expect(audit.Nth(0)).ToContainTextAsync($"follow-up starts {Today}");
        await Expect(audit.Nth(1)).ToHaveClassAsync("enrolled");
        await Expect(audit.Nth(2)).ToHaveClassAsync("enrolled");
        await Expect(audit.Nth(3)).ToHaveClassAsync("created");

        var overflow = new List<string?> { await OverflowAsync(page, screen) };
        await Axe.AssertNoSeriousViolationsAsync(page, $"study page ({screen})");

        // Through Ada's page, a screening dated today, inside the locked baseline window, is refused.
        await rows.Filter(new() { HasText = "Ada" }).GetByRole(AriaRole.Link, new() { Name = "Ada" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AthletePageUrl());
        await OpenNewScreeningAsync(page);
        await Expect(page.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync(Today);
        await EnterForceTrialsAsync(page, "Hip extension", [180, 180, 180], [200, 200, 200]);
        await SaveScreeningAsync(page);

        await Expect(page).ToHaveURLAsync(new Regex("/Athletes/[^/]+/Screenings/New$"));
        await Expect(page.Locator("#date-error")).ToContainTextAsync("Refused: the data of the study 'Hip asymmetry and back pain 2026' are locked");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        overflow.Add(await OverflowAsync(page, screen));

        // Ada still has her one baseline screening, and the study's trail shows the attempt.
        await page.GotoAsync(studyUrl);
        await Expect(audit).ToHaveCountAsync(5);
        await Expect(audit.Nth(0)).ToHaveClassAsync("lock-violation");
        await Expect(audit.Nth(0)).ToContainTextAsync($"screening dated {Today}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Athletes (2 enrolled)" })).ToBeVisibleAsync();

        var problems = overflow.OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task Planner_with_its_defaults_says_923_athletes_to_recruit(string screen)
    {
        var page = await OpenAsync(screen);
        await RegisterAsync(page, "researcher@example.test", role: "Researcher");

        await page.GotoAsync("/Studies/Plan");
        await Expect(page.GetByLabel("Risk over follow-up, below the threshold")).ToHaveValueAsync("0.06");
        await Expect(page.GetByLabel("Risk above the threshold, to be detected")).ToHaveValueAsync("0.12");
        await Expect(page.GetByLabel("Share of athletes above the threshold")).ToHaveValueAsync("0.3");
        await Expect(page.GetByLabel("Expected loss to follow-up")).ToHaveValueAsync("0.1");
        await Expect(page.GetByLabel("Significance level (two-sided)")).ToHaveValueAsync("0.05");
        await Expect(page.GetByLabel("Power", new() { Exact = true })).ToHaveValueAsync("0.8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Work it out" }).ClickAsync();

        // R: pwr.2p2n.test sizes 249 exposed + 581 unexposed = 830 analysed; 830 / 0.9 = 922.2, so 923 to recruit.
        await Expect(page.Locator("dd[data-plan='recruit']")).ToHaveTextAsync("923 athletes");
        var result = page.GetByRole(AriaRole.Region, new() { Name = "You need" });
        await Expect(result).ToContainTextAsync("830");
        await Expect(result).ToContainTextAsync("249");
        await Expect(result).ToContainTextAsync("581");
        await AssertFitsScreenAsync(page, screen);

        // The plan is a link that can be shared.
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]p0=0\.06"));
    }

    // /Studies/{id}
    [GeneratedRegex(@"://[^/]+/Studies/[0-9a-f-]{36}$", RegexOptions.IgnoreCase)]
    private static partial Regex StudyPageUrl();

    [GeneratedRegex("^HC-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$")]
    private static partial Regex Code();
}
