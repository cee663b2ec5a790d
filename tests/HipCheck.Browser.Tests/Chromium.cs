using Microsoft.Playwright;

namespace HipCheck.Browser.Tests;

/// <summary>The two screens every journey runs on.</summary>
public static class Screens
{
    public const string Desktop = "desktop";
    public const string Phone = "phone";
}

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by test.sh; Playwright never downloads a browser here)
/// driven by Playwright, with a fresh profile folder per session.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps calling Google's hosts, which this
    // machine's closed network refuses; --no-sandbox because the tests run as root in CI.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly DirectoryInfo _profile;

    private Chromium(IPlaywright playwright, DirectoryInfo profile, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _profile = profile;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>
    /// Console messages about the Content-Security-Policy (a refused inline script or style, a blocked
    /// source), from every page of this session; BrowserTest fails a test that produced any.
    /// </summary>
    public List<string> CspViolations { get; } = [];

    public static async Task<Chromium> LaunchAsync(Uri baseAddress, string screen)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("hipcheck-chromium-");
        // Playwright refuses --user-data-dir in Args; a persistent context takes the folder instead.
        var options = new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            BaseURL = baseAddress.ToString(),
            Locale = "en-GB",
        };
        switch (screen)
        {
            case Screens.Desktop:
                options.ViewportSize = new ViewportSize { Width = 1280, Height = 800 };
                break;
            case Screens.Phone:
                options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
                options.DeviceScaleFactor = 3;
                options.IsMobile = true;
                options.HasTouch = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(screen), screen, "desktop or phone");
        }

        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, options);
        context.SetDefaultTimeout(15_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var chromium = new Chromium(playwright, profile, context, page);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (chromium.CspViolations)
                {
                    chromium.CspViolations.Add($"{message.Location}: {message.Text}");
                }
            }
        };
        return chromium;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; a leftover temp folder is harmless.
        }
    }
}
