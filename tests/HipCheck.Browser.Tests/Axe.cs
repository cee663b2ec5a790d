using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HipCheck.Browser.Tests;

/// <summary>The accessibility check every journey runs: axe-core finds no serious or critical violation.</summary>
internal static class Axe
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var axe = await page.RunAxe();
        foreach (var v in axe.Violations)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: [{v.Impact}] {v.Id}: {v.Help}");
        }

        var blocking = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name}: [{v.Impact}] {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .ToList();
        Assert.True(blocking.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", blocking));
    }
}
