using Microsoft.Playwright;

namespace Custodian.Browser.Tests;

/// <summary>Saves a full-page screenshot of each page the tests visit under the test output's <c>screenshots/</c>, for people to look at.</summary>
public static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static Task SaveAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage });
}
