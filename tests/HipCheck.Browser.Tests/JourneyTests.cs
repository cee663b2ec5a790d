using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static HipCheck.Browser.Tests.HipCheckPages;
using static Microsoft.Playwright.Assertions;

namespace HipCheck.Browser.Tests;

/// <summary>
/// A runner registers, adds an athlete, enters a hip-extension screening and sees the asymmetry:
/// left 200, 210, 205 N (mean 205), right 250, 245, 255 N (mean 250), so
/// asymmetry = 100 x (250 - 205) / 250 = 18.0 %, LSI = 100 x 205 / 250 = 82.0 %, weaker side Left.
/// </summary>
public sealed class JourneyTests : BrowserTest
{
    private static readonly double[] LeftNewtons = [200, 210, 205];
    private static readonly double[] RightNewtons = [250, 245, 255];

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task Runner_screens_an_athlete_and_sees_the_hip_extension_asymmetry(string screen)
    {
        var page = await OpenAsync(screen);
        await RegisterAsync(page, "runner@example.test");
        await AddAthleteAsync(page, "Ana Runner", bodyMassKg: 62);
        await OpenNewScreeningAsync(page);

        var date = await page.GetByLabel("Date", new() { Exact = true }).InputValueAsync();
        Assert.Contains(date, new[] { DateTime.Now, DateTime.UtcNow }.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var bodyMass = await page.GetByLabel("Body mass on the day (kg)", new() { Exact = true }).InputValueAsync();
        Assert.Equal(62, double.Parse(bodyMass, CultureInfo.InvariantCulture));

        await AssertFitsScreenAsync(page, screen);
        await EnterForceTrialsAsync(page, "Hip extension", LeftNewtons, RightNewtons);
        await SaveScreeningAsync(page);

        await Expect(page).ToHaveURLAsync(ScreeningResultUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Screening result", Level = 1 })).ToBeVisibleAsync();
        var result = ResultSection(page, "hip-extension");
        await Expect(result.GetByRole(AriaRole.Heading, new() { Name = "Hip extension", Level = 2 })).ToBeVisibleAsync();
        await Expect(result).ToContainTextAsync(new Regex(@"Asymmetry\D*18\.0\s%"));
        await Expect(result).ToContainTextAsync(new Regex(@"LSI\D*82\.0\s%"));
        await Expect(result).ToContainTextAsync(new Regex(@"Weaker side\W*Left"));
        await Expect(result.Locator("svg > title")).Not.ToBeEmptyAsync();
        // Tests left blank on the form are skipped, not reported as zero.
        await Expect(ResultSection(page, "hip-abduction")).ToHaveCountAsync(0);

        await AssertFitsScreenAsync(page, screen);
        if (screen == Screens.Desktop && Environment.GetEnvironmentVariable("HIPCHECK_SCREENSHOTS") == "1")
        {
            // The README shows this picture; refresh it with HIPCHECK_SCREENSHOTS=1 ./test.sh browser.
            var path = Path.Combine(RepoPaths.Root, "docs", "screenshots", "result.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        }
    }

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task A_negative_trial_is_refused_beside_its_field_and_nothing_is_saved(string screen)
    {
        var page = await OpenAsync(screen);
        await RegisterAsync(page, "runner@example.test");
        await AddAthleteAsync(page, "Ana Runner", bodyMassKg: 62);
        await OpenNewScreeningAsync(page);
        var formUrl = page.Url;

        var fieldset = TestFieldset(page, "Hip extension");
        var badField = Field(fieldset, "Left trial 2");
        Assert.Empty(await ErrorsBesideAsync(badField));
        await EnterForceTrialsAsync(page, "Hip extension", [200, -210, 205], RightNewtons);
        await SaveScreeningAsync(page);

        // Still the form (re-shown by the server), the typed values kept, the error tied to the field.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save screening" })).ToBeVisibleAsync();
        Assert.DoesNotMatch(ScreeningResultUrl(), page.Url);
        Assert.Equal(new Uri(formUrl).AbsolutePath, new Uri(page.Url).AbsolutePath, ignoreCase: true);
        await Expect(badField).ToHaveValueAsync("-210");
        await Expect(badField).ToHaveAttributeAsync("aria-invalid", "true");
        var errors = await ErrorsBesideAsync(badField);
        Assert.NotEmpty(errors);
        foreach (var errorId in errors)
        {
            await Expect(page.Locator($"[id='{errorId}']")).ToBeVisibleAsync();
        }
        // The good trials are not flagged.
        await Expect(Field(fieldset, "Left trial 1")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(await ErrorsBesideAsync(Field(fieldset, "Left trial 1")));

        Assert.Equal(0L, await CountScreeningsAsync());
    }

    /// <summary>
    /// The ids of the non-empty messages that the field names in aria-describedby (so a screen reader
    /// reads them with it) and that sit beside it, in the field's own container.
    /// </summary>
    private static Task<string[]> ErrorsBesideAsync(ILocator field) =>
        field.EvaluateAsync<string[]>(
            """
            el => (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
                .map(id => document.getElementById(id))
                .filter(m => m && m.textContent.trim() !== '' && el.parentElement.contains(m))
                .map(m => m.id)
            """);

    private async Task<long> CountScreeningsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Screenings) + (SELECT COUNT(*) FROM ScreeningTests)";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
