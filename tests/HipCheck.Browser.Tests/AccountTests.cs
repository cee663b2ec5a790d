using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

public sealed class AccountTests : BrowserTest
{
    [Fact]
    public async Task A_member_logs_out_and_back_in_and_finds_their_athletes()
    {
        var page = await OpenAsync(Screens.Desktop);
        await RegisterAsync(page, "coach@example.test", role: "Coach");
        await AddAthleteAsync(page, "Ben Hurdler", bodyMassKg: 71);

        await LogOutAsync(page);
        await LogInAsync(page, "coach@example.test");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ben Hurdler" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Another_member_cannot_see_a_screening_result_that_is_not_theirs()
    {
        var page = await OpenAsync(Screens.Desktop);
        await RegisterAsync(page, "ana@example.test");
        await AddAthleteAsync(page, "Ana Runner", bodyMassKg: 62);
        await OpenNewScreeningAsync(page);
        await EnterForceTrialsAsync(page, "Hip extension", [200, 210, 205], [250, 245, 255]);
        await SaveScreeningAsync(page);
        await Expect(page).ToHaveURLAsync(ScreeningResultUrl());
        var resultUrl = page.Url;
        await LogOutAsync(page);

        await RegisterAsync(page, "eve@example.test");
        var response = await page.GotoAsync(resultUrl);

        Assert.NotNull(response);
        Assert.Contains(response.Status, new[] { 403, 404 });
        await Expect(page.GetByText("Ana Runner")).ToHaveCountAsync(0);
        await Expect(ResultSection(page, "hip-extension")).ToHaveCountAsync(0);
    }
}
