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
}
