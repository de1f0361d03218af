using Microsoft.Playwright;

namespace Custodian.Browser.Tests;

/// <summary>
/// Launches the system's Chromium through Playwright, headless, with a fresh profile per context; no browser is ever
/// downloaded (<c>PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1</c>, an explicit executable path).
/// </summary>
public static class Chromium
{
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CUSTODIAN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>A browser context on a fresh <c>--user-data-dir</c>, removed when the context is disposed.</summary>
    public static async Task<BrowserSession> OpenAsync(Action<BrowserTypeLaunchPersistentContextOptions>? configure = null)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("custodian-chromium-");
        var options = new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            AcceptDownloads = true,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        };
        configure?.Invoke(options);
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, options);
        // Playwright's own default: the suite shares two cores with the other test projects, where a step can take seconds.
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(playwright, context, profile);
    }
}
