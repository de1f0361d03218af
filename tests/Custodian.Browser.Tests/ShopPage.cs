using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Custodian.Browser.Tests;

/// <summary>A plain page on another origin that embeds the banner with one script tag, as a customer's site would.</summary>
public sealed class ShopPage : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopPage(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ShopPage> StartAsync(string custodianUrl, string language = "en")
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        var app = builder.Build();
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><title>Test shop</title></head>
            <body>
            <main><h1>Test shop</h1><p><a href="/other">Another page</a></p><button type="button" data-custodian-consent>Cookie settings</button></main>
            <script src="{custodianUrl}/consent.js" defer></script>
            </body>
            </html>
            """;
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        app.MapGet("/other", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return new ShopPage(app, app.Urls.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
