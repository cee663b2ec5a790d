using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// Injury surveillance between two people: a coach adds a team athlete at a desk and links the runner's account;
/// the runner answers the weekly check-in on a 390 px phone with a substantial knee problem (could not take part)
/// and is taken to the injury form, prefilled; the coach's team page then shows that week at 100 % substantial
/// (1 athlete answered, 1 with a problem, 1 substantial), in the chart and in its table.
/// </summary>
public sealed class CheckinJourneyTests : BrowserTest
{
    private const string RunnerEmail = "ria@example.test";
    private const string CoachEmail = "coach@example.test";

    private static readonly string[] OtherAreas = ["Lower back", "Hip and groin", "Thigh", "Lower leg and Achilles tendon", "Ankle", "Foot"];

    /// <summary>The week a check-in opens on: the Monday of the week before this one (the last full week).</summary>
    private static string PreviousMonday
    {
        get
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task Runner_linked_by_the_coach_reports_a_substantial_problem_on_a_phone_and_the_team_chart_shows_it()
    {
        // The runner signs up on their phone: a runner's account without an athlete profile.
        var phone = await OpenAsync(Screens.Phone);
        await RegisterAsync(phone, RunnerEmail);
        await ConfirmEmailAsync(phone, App, RunnerEmail);

        // The coach, at a desk, adds the athlete to the team and links the runner's account by email.
        var desk = await OpenAnotherAsync(Screens.Desktop);
        await RegisterAsync(desk, CoachEmail, role: "Coach");
        var athletePath = new Uri(await AddAthleteAsync(desk, "Ria Runner", bodyMassKg: 57)).AbsolutePath;
        var account = desk.GetByRole(AriaRole.Heading, new() { Name = "Runner's account", Level = 2 });
        await Expect(account).ToBeVisibleAsync();
        // An email that is no runner's account: refused, with one answer that says nothing about accounts.
        await desk.GetByLabel("Runner's email", new() { Exact = true }).FillAsync("nobody@example.test");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Link the runner's account" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("That email could not be linked.");
        await Expect(desk.GetByLabel("Runner's email", new() { Exact = true })).ToHaveValueAsync("nobody@example.test");
        await Axe.AssertNoSeriousViolationsAsync(desk, "athlete page with the link refused");

        await desk.GetByLabel("Runner's email", new() { Exact = true }).FillAsync(RunnerEmail);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Link the runner's account" }).ClickAsync();
        await Expect(desk).ToHaveURLAsync(new Regex(Regex.Escape(athletePath) + "#runner-account$", RegexOptions.IgnoreCase));
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Linked: the runner now sees this athlete as their own profile");
        await Expect(desk.GetByLabel("Runner's email", new() { Exact = true })).ToHaveCountAsync(0);

        // The runner opens the weekly check-in: /CheckIn sends them to the athlete the coach linked.
        await phone.GotoAsync("/CheckIn");
        await Expect(phone).ToHaveURLAsync(new Regex(Regex.Escape(athletePath) + "/CheckIn$", RegexOptions.IgnoreCase));
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Weekly check-in", Level = 1 })).ToBeVisibleAsync();
        await Expect(phone.Locator("main")).ToContainTextAsync("For Ria Runner");
        await Expect(phone.Locator("input[name='week']")).ToHaveValueAsync(PreviousMonday);
        await AssertFitsScreenAsync(phone, Screens.Phone);
        await Axe.AssertNoSeriousViolationsAsync(phone, "weekly check-in (390 px)");

        foreach (var name in OtherAreas)
        {
            await Area(phone, name).GetByLabel("I took part fully and had no trouble here").CheckAsync();
        }

        var knee = Area(phone, "Knee");
        await knee.GetByLabel("I could not take part at all because of this area").CheckAsync();
        await knee.GetByText("Knee bothered me: three more questions").ClickAsync();
        await knee.GetByLabel("I changed it very much, or could not train").CheckAsync();
        await knee.GetByLabel("Very much", new() { Exact = true }).CheckAsync();
        await knee.GetByLabel("Moderate pain", new() { Exact = true }).CheckAsync();
        await AssertFitsScreenAsync(phone, Screens.Phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();

        // A substantial problem: on to the new-injury form, with the knee and the week's Monday filled in.
        await Expect(phone).ToHaveURLAsync(new Regex(Regex.Escape(athletePath) + "/Injuries/New\\?", RegexOptions.IgnoreCase));
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Log an injury", Level = 1 })).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("substantial problem in the knee");
        await Expect(phone.GetByLabel("Body region", new() { Exact = true })).ToHaveValueAsync("knee");
        await Expect(phone.GetByLabel("Onset date", new() { Exact = true })).ToHaveValueAsync(PreviousMonday);
        await AssertFitsScreenAsync(phone, Screens.Phone);

        // The coach's team page: that week, 1 athlete answered, 1 had a problem, 1 a substantial one: 100 % and 100 %.
        await desk.GotoAsync("/Teams");
        await desk.GetByRole(AriaRole.Link, new() { Name = "My team" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Health problems week by week", Level = 2 })).ToBeVisibleAsync();
        var table = desk.GetByRole(AriaRole.Table, new() { Name = "Weekly prevalence (OSTRC): % of the athletes who answered" });
        var rows = table.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(PreviousMonday);
        await Expect(rows.First.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["1", "100 % (1)", "100 % (1)"]);

        var chart = desk.Locator("svg[aria-labelledby='team-prevalence-title']");
        await Expect(chart.Locator("title#team-prevalence-title")).ToHaveTextAsync("Share of athletes who answered the check-in reporting a problem, by week");
        await Expect(chart.Locator("circle.series-right > title")).ToHaveTextAsync($"Substantial problem {PreviousMonday}: 100.0 %");
        await Expect(chart.Locator("circle.series-left > title")).ToHaveTextAsync($"Any problem {PreviousMonday}: 100.0 %");
    }

    private static ILocator Area(IPage page, string name) =>
        page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });
}
