using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// The steps a member takes through HipCheck, written once with accessible locators (labels, roles)
/// so each test reads as the journey it checks.
/// </summary>
public static partial class HipCheckPages
{
    public const string Password = "Hip-Check-2026!";

    public static async Task RegisterAsync(IPage page, string email, string role = "Runner")
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Group, new() { Name = "I am a" }).GetByLabel(role, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(AthletesListUrl());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeAttachedAsync();
    }

    /// <summary>Follows the link of the confirmation email in the app's outbox, as the member would from their inbox.</summary>
    public static async Task ConfirmEmailAsync(IPage page, HipCheckApp app, string email)
    {
        var message = Directory.GetFiles(app.Outbox, "*.eml").Select(File.ReadAllText)
            .Single(m => m.Contains($"To: {email}\r\n", StringComparison.Ordinal) && m.Contains("/Account/ConfirmEmail?", StringComparison.Ordinal));
        var link = ConfirmLink().Match(message).Groups["path"].Value;
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email confirmed" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/Account/ConfirmEmail\?\S+)")]
    private static partial Regex ConfirmLink();

    public static async Task LogOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToHaveCountAsync(0);
    }

    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AthletesListUrl());
    }

    /// <summary>Adds an athlete from the athletes list and answers the athlete page's address.</summary>
    public static async Task<string> AddAthleteAsync(IPage page, string name, double bodyMassKg, string sex = "Female")
    {
        await page.GotoAsync("/Athletes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Athletes", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add athlete" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Athletes/Create$", RegexOptions.IgnoreCase));

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = sex });
        await page.GetByLabel("Birth date", new() { Exact = true }).FillAsync("1995-04-12");
        await page.GetByLabel("Body mass (kg)", new() { Exact = true }).FillAsync(Number(bodyMassKg));
        await page.GetByLabel("Height (cm)", new() { Exact = true }).FillAsync("168");
        await page.GetByLabel("Sport", new() { Exact = true }).FillAsync("Running");
        await page.GetByLabel("Dominant leg", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Right" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save athlete" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(AthletePageUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        return page.Url;
    }

    /// <summary>Opens the screening form from the athlete page.</summary>
    public static async Task OpenNewScreeningAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New screening" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save screening" })).ToBeVisibleAsync();
    }

    /// <summary>The fieldset of one test of the catalogue, named by its legend.</summary>
    public static ILocator TestFieldset(IPage page, string testName) =>
        page.GetByRole(AriaRole.Group, new() { Name = testName, Exact = true });

    public static ILocator Field(ILocator fieldset, string label) =>
        fieldset.GetByLabel(label, new() { Exact = true });

    /// <summary>Enters a force test's trials (in N unless told) in its fieldset.</summary>
    public static async Task EnterForceTrialsAsync(IPage page, string testName, double[] left, double[] right, string unit = "N")
    {
        var fieldset = TestFieldset(page, testName);
        await Field(fieldset, "Unit").SelectOptionAsync(new SelectOptionValue { Label = unit });
        for (var i = 0; i < left.Length; i++)
        {
            await Field(fieldset, $"Left trial {i + 1}").FillAsync(Number(left[i]));
        }
        for (var i = 0; i < right.Length; i++)
        {
            await Field(fieldset, $"Right trial {i + 1}").FillAsync(Number(right[i]));
        }
    }

    public static Task SaveScreeningAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Save screening" }).ClickAsync();

    /// <summary>The result of one test on the result page, e.g. "hip-extension".</summary>
    public static ILocator ResultSection(IPage page, string testCode) =>
        page.Locator($"section[data-test='{testCode}']");

    /// <summary>
    /// The page is laid out for the screen's width and never scrolls sideways: a runner uses HipCheck
    /// on a 390 px phone (a page without a viewport meta tag would be laid out 980 px wide there).
    /// </summary>
    public static async Task AssertFitsScreenAsync(IPage page, string screen)
    {
        var width = page.ViewportSize!.Width;
        Assert.Equal(width, await page.EvaluateAsync<int>("() => window.innerWidth"));
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{new Uri(page.Url).AbsolutePath} scrolls sideways on the {screen} screen: {scrollWidth} px wide in {width} px");
    }

    public static string Number(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // /Athletes (the list), not /Athletes/Create or an athlete's page.
    [GeneratedRegex(@"://[^/]+/Athletes/?(\?.*)?$", RegexOptions.IgnoreCase)]
    public static partial Regex AthletesListUrl();

    // /Athletes/{id}: an id, not the create form.
    [GeneratedRegex(@"://[^/]+/Athletes/(?!Create\b)[^/?#]+$", RegexOptions.IgnoreCase)]
    public static partial Regex AthletePageUrl();

    // /Screenings/{id}, not /Athletes/{id}/Screenings/New.
    [GeneratedRegex(@"://[^/]+/Screenings/[^/?#]+$", RegexOptions.IgnoreCase)]
    public static partial Regex ScreeningResultUrl();
}
