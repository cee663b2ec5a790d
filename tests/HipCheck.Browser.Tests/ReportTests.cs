using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// The risk report in a real browser: a woman with left 200, 210, 205 N (mean 205) and right 250, 245, 255 N
/// (mean 250) has a hip-extension asymmetry of 100 x (250 - 205) / 250 = 18 %, at or above the catalogue's 15 %
/// for women, so the low-back-pain rule flags her; its evidence cites Nadler 2001, and the page says that flags
/// inform and do not diagnose. Also a coach's team view with its filter and CSV download.
/// </summary>
public sealed partial class ReportTests : BrowserTest
{
    private const string HipRule = "lbp-hip-extension-asymmetry-female";
    /// <summary>A field of a study as the shipped catalogue writes it (citation, title, authors).</summary>
    private static string Study(string studyId, string field)
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "HipCheck.Core", "Risk", "evidence-catalogue.json")));
        return catalogue.RootElement.GetProperty("studies").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == studyId).GetProperty(field).GetString()!;
    }

    private static async Task ScreenAsync(IPage page, double[] left, double[] right)
    {
        await OpenNewScreeningAsync(page);
        await EnterForceTrialsAsync(page, "Hip extension", left, right);
        await SaveScreeningAsync(page);
        await Expect(page).ToHaveURLAsync(ScreeningResultUrl());
    }

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task Flagged_runner_opens_the_report_and_finds_the_flag_its_citation_and_the_disclaimer(string screen)
    {
        var page = await OpenAsync(screen);
        await RegisterAsync(page, "runner@example.test");
        await AddAthleteAsync(page, "Ana Runner", bodyMassKg: 62, sex: "Female");
        await ScreenAsync(page, [200, 210, 205], [250, 245, 255]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Risk report with evidence" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ReportUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Risk report", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flags (1)", Level = 2 })).ToBeVisibleAsync();

        var flag = page.Locator($"section[data-rule='{HipRule}']");
        await Expect(flag).ToHaveCountAsync(1);
        await Expect(flag).ToBeVisibleAsync();
        await Expect(flag.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Low back pain");
        await Expect(flag.Locator(".observed")).ToContainTextAsync("18.0 %"); // measured
        await Expect(flag.Locator(".observed")).ToContainTextAsync("15.0 %"); // the catalogue's threshold
        await Expect(flag).ToContainTextAsync("Grade C");
        // The evidence list cites Nadler 2001: "Am J Phys Med Rehabil 2001;80(8):572-577", its title and authors.
        var nadler2001 = flag.Locator("ul.evidence li", new() { HasText = Study("nadler-2001", "citation") });
        await Expect(nadler2001).ToHaveCountAsync(1);
        await Expect(nadler2001).ToBeVisibleAsync();
        await Expect(nadler2001.Locator("cite")).ToHaveTextAsync(Study("nadler-2001", "title"));
        await Expect(nadler2001).ToContainTextAsync(Study("nadler-2001", "authors"));
        await Expect(nadler2001).ToContainTextAsync("supports the link");

        var disclaimer = page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Flags inform; they do not diagnose" });
        await Expect(disclaimer).ToBeVisibleAsync();

        // The men's back-extension rule never flags her; rules without their test are "not assessed", not cleared.
        await Expect(page.Locator("section[data-rule='lbp-back-extension-endurance-male']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checked, below the threshold", Level = 2 })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Not assessed") })).ToBeVisibleAsync();

        await AssertFitsScreenAsync(page, screen);

        await Axe.AssertNoSeriousViolationsAsync(page, $"report ({screen})");
    }

    [Fact]
    public async Task Runner_with_a_10_percent_asymmetry_sees_no_flag_and_the_rule_checked_below_the_threshold()
    {
        var page = await OpenAsync(Screens.Desktop);
        await RegisterAsync(page, "runner@example.test");
        await AddAthleteAsync(page, "Ana Runner", bodyMassKg: 62, sex: "Female");
        await ScreenAsync(page, [180, 180, 180], [200, 200, 200]); // 100 x 20 / 200 = 10 %

        await page.GetByRole(AriaRole.Link, new() { Name = "Risk report with evidence" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flags (0)", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("section.flag")).ToHaveCountAsync(0);
        await Expect(page.Locator($"li[data-rule='{HipRule}']")).ToContainTextAsync("10 %");
        await Expect(page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Flags inform; they do not diagnose" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task Coach_builds_a_team_filters_it_by_sex_and_downloads_the_csv(string screen)
    {
        var page = await OpenAsync(screen);
        await RegisterAsync(page, "coach@example.test", role: "Coach");

        await page.GotoAsync("/Teams");
        await page.GetByLabel("Team name", new() { Exact = true }).FillAsync("Harriers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Harriers" })).ToBeVisibleAsync();

        await AddAthleteAsync(page, "Ada", bodyMassKg: 60, sex: "Female");
        await ScreenAsync(page, [200, 210, 205], [250, 245, 255]); // 18 %: flagged
        await AddAthleteAsync(page, "Cy", bodyMassKg: 70, sex: "Male");
        await ScreenAsync(page, [250, 250, 250], [220, 220, 220]); // 100 x 30 / 250 = 12 %, a man: no flag

        await page.GotoAsync("/Teams");
        await page.GetByRole(AriaRole.Link, new() { Name = "Harriers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Harriers", Level = 1 })).ToBeVisibleAsync();
        var teamUrl = page.Url;
        var rows = page.Locator("table.team tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await AssertFitsScreenAsync(page, screen);

        // Women only, in the table and in the CSV.
        await page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Female" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sex=female"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Ada");
        await Expect(rows.First).ToContainTextAsync("18.0 %");
        await Expect(rows.First.Locator(".flag-badge")).ToHaveAttributeAsync("title", new Regex("^Low back pain"));

        var women = await DownloadCsvAsync(page);
        Assert.Equal(2, women.Length); // header + Ada
        Assert.StartsWith("athlete_id,name,sex,age_years,screening_date,hip_extension_asymmetry_pct,", women[0], StringComparison.Ordinal);
        Assert.Contains(",Ada,female,", women[1], StringComparison.Ordinal);
        Assert.EndsWith(",1,lbp-hip-extension-asymmetry-female", women[1], StringComparison.Ordinal);

        // The whole team, unfiltered, as CSV.
        await page.GotoAsync(teamUrl);
        await Expect(rows).ToHaveCountAsync(2);
        var all = await DownloadCsvAsync(page);
        Assert.Equal(3, all.Length); // header + Ada + Cy
        Assert.Contains(",Ada,female,", all[1], StringComparison.Ordinal);
        Assert.Contains(",Cy,male,", all[2], StringComparison.Ordinal);
    }

    /// <summary>Clicks "Download CSV" and answers the file's lines, after checking the UTF-8 BOM.</summary>
    private static async Task<string[]> DownloadCsvAsync(IPage page)
    {
        // The link must be this page's address with handler=Csv in its query string.
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).GetAttributeAsync("href");
        Assert.Matches(CsvLink(), href ?? "");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.True(await download.FailureAsync() is null, $"download of {download.Url} failed: {await download.FailureAsync()}");
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        var text = new UTF8Encoding(false).GetString(bytes);
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF,
            $"{download.Url} ({download.SuggestedFilename}) does not start with the UTF-8 BOM; it starts: {text[..Math.Min(200, text.Length)]}");
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        return text.TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
    }

    // /Teams/{id}?...handler=Csv
    [GeneratedRegex(@"^/Teams/[0-9a-f-]{36}\?([^#]*&)?handler=Csv(&|$)", RegexOptions.IgnoreCase)]
    private static partial Regex CsvLink();

    // /Screenings/{id}/Report
    [GeneratedRegex(@"://[^/]+/Screenings/[^/?#]+/Report$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportUrl();
}
