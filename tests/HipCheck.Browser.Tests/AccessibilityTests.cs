using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// axe-core finds no serious or critical violation on the home page and the result page.
/// Minor and moderate findings are written to the test output so they can be worked off.
/// </summary>
public sealed class AccessibilityTests : BrowserTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task Home_and_result_pages_have_no_serious_or_critical_axe_violations()
    {
        var page = await OpenAsync(Screens.Desktop);
        await page.GotoAsync("/");
        var home = await page.RunAxe();

        await RegisterAsync(page, "runner@example.test");
        await AddAthleteAsync(page, "Ana Runner", bodyMassKg: 62);
        await OpenNewScreeningAsync(page);
        await EnterForceTrialsAsync(page, "Hip extension", [200, 210, 205], [250, 245, 255]);
        await SaveScreeningAsync(page);
        await Expect(page).ToHaveURLAsync(ScreeningResultUrl());
        var result = await page.RunAxe();

        var blocking = Report("home", home).Concat(Report("result", result))
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => v.Text)
            .ToList();
        Assert.True(blocking.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", blocking));
    }

    private static IEnumerable<(string? Impact, string Text)> Report(string pageName, AxeResult axe)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{pageName}: {axe.Violations.Length} violations, {axe.Passes.Length} rules passed, {axe.Incomplete.Length} to review by hand {string.Join(",", axe.Incomplete.Select(i => i.Id))}");
        foreach (var violation in axe.Violations)
        {
            var targets = string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()));
            var text = $"{pageName}: [{violation.Impact}] {violation.Id}: {violation.Help} ({targets})";
            TestContext.Current.TestOutputHelper?.WriteLine(text);
            yield return (violation.Impact, text);
        }
    }
}
