using Microsoft.Playwright;

namespace Custodian.Browser.Tests;

/// <summary>One Chromium with one context on its own profile directory; disposing closes both and deletes the profile.</summary>
public sealed class BrowserSession(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    /// <summary>The context's first page (a persistent context opens with one).</summary>
    public async Task<IPage> PageAsync() => Context.Pages.Count > 0 ? Context.Pages[0] : await Context.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing files; the temp directory is cleaned by the OS.
        }
    }
}
