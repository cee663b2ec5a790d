using Microsoft.Playwright;

namespace HipCheck.Browser.Tests;

/// <summary>
/// The CSP in a real browser: BrowserTest fails any test whose pages log a CSP violation; these tests
/// prove that the check sees one, and that the API reference under /scalar (its own relaxed CSP) works.
/// </summary>
public sealed class SecurityHeaderTests : BrowserTest
{
    [Fact]
    public async Task An_inline_script_is_refused_and_reported_in_the_console()
    {
        var page = await OpenAsync(Screens.Desktop);
        var messages = new List<string>();
        page.Console += (_, message) => messages.Add(message.Text);
        await page.GotoAsync("/");

        // Playwright's AddScriptTag with content inserts an inline <script>, which the CSP must block.
        try
        {
            await page.AddScriptTagAsync(new() { Content = "window.__inline = 1;" });
        }
        catch (PlaywrightException)
        {
            // Some Playwright versions report the refused script as an error; the console says why.
        }

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__inline ?? null"));
        Assert.Contains(messages, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        ClearCspViolations();
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_own_policy()
    {
        var page = await OpenAsync(Screens.Desktop);

        var response = await page.GotoAsync("/scalar/");

        Assert.Equal(200, response?.Status);
        await page.GetByText("HipCheck API").First.WaitForAsync();
    }
}
