using Microsoft.Playwright;

namespace HipCheck.Browser.Tests;

public sealed class SmokeTests : BrowserTest
{
    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task Home_page_loads_in_chromium(string screen)
    {
        var page = await OpenAsync(screen);

        var response = await page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("body").InnerTextAsync()));
        Assert.Equal(screen == Screens.Phone ? 390 : 1280, page.ViewportSize?.Width);
    }

    [Fact]
    public async Task Every_stylesheet_the_home_page_links_is_served_as_css()
    {
        var page = await OpenAsync(Screens.Desktop);
        var bad = new List<string>();
        page.Response += (_, response) =>
        {
            var type = response.Headers.GetValueOrDefault("content-type") ?? "";
            if (response.Request.ResourceType == "stylesheet" && (!response.Ok || !type.StartsWith("text/css", StringComparison.Ordinal)))
            {
                bad.Add($"{response.Status} '{type}' {response.Url}");
            }
        };

        await page.GotoAsync("/");

        Assert.True(await page.Locator("link[rel=stylesheet]").CountAsync() > 0, "the home page links no stylesheet");
        Assert.Empty(bad);
        // A stylesheet that arrives empty (e.g. a static-asset endpoint whose file is missing) has no rules.
        var emptySheets = await page.EvaluateAsync<string[]>(
            "() => [...document.styleSheets].filter(s => s.cssRules.length === 0).map(s => s.href)");
        Assert.Empty(emptySheets);
    }
}
