using Microsoft.Playwright;

namespace HipCheck.Browser.Tests;

/// <summary>
/// Base of every browser test: a fresh app (own database) and a fresh Chromium per test.
/// When a test fails, the page it ended on is saved under artifacts/test-results/browser/.
/// </summary>
public abstract class BrowserTest : IAsyncDisposable
{
    private HipCheckApp? _app;
    private Chromium? _chromium;
    private readonly List<Chromium> _others = [];
    private string _screen = "";

    protected HipCheckApp App => _app ?? throw new InvalidOperationException("Call OpenAsync first.");

    protected IPage Page => _chromium?.Page ?? throw new InvalidOperationException("Call OpenAsync first.");

    /// <summary>Starts the app and a browser sized for <paramref name="screen"/>.</summary>
    protected async Task<IPage> OpenAsync(string screen)
    {
        _screen = screen;
        _app = new HipCheckApp();
        _chromium = await Chromium.LaunchAsync(_app.BaseAddress, screen);
        return _chromium.Page;
    }

    /// <summary>
    /// A second member on another device (own browser profile, so own cookies) against the same app, for journeys
    /// between two people (a runner on a phone, their coach at a desk). Its CSP violations fail the test too.
    /// </summary>
    protected async Task<IPage> OpenAnotherAsync(string screen)
    {
        var other = await Chromium.LaunchAsync(App.BaseAddress, screen);
        _others.Add(other);
        return other.Page;
    }

    /// <summary>For a test that provokes a CSP violation on purpose.</summary>
    protected void ClearCspViolations()
    {
        if (_chromium is not null)
        {
            lock (_chromium.CspViolations)
            {
                _chromium.CspViolations.Clear();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<string> violations = [];
        foreach (var other in _others)
        {
            lock (other.CspViolations)
            {
                violations.AddRange(other.CspViolations);
            }

            await other.DisposeAsync();
        }

        if (_chromium is not null)
        {
            lock (_chromium.CspViolations)
            {
                violations.AddRange(_chromium.CspViolations);
            }

            if (TestContext.Current.TestState?.Result == TestResult.Failed)
            {
                await SaveFailureAsync(_chromium.Page);
            }
            await _chromium.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
        // The pages' CSP forbids inline script and style: a violation means a page broke it.
        Assert.True(violations.Count == 0, "CSP violations in the browser console:\n" + string.Join("\n", violations));
    }

    private async Task SaveFailureAsync(IPage page)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "test-results", "browser"));
            var name = $"{TestContext.Current.TestMethod?.MethodName ?? "test"}-{_screen}";
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder.FullName, name + ".png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".html"), $"<!-- {page.Url} -->\n{await page.ContentAsync()}");
            TestContext.Current.SendDiagnosticMessage($"Page at failure ({page.Url}) saved to {folder.FullName}/{name}.png");
        }
        catch (PlaywrightException)
        {
            // The browser may be the thing that failed; the test's own error says more.
        }
    }
}

/// <summary>Paths in the repository, found from the test binary's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HipCheck.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No HipCheck.slnx above {AppContext.BaseDirectory}");
    }
}
