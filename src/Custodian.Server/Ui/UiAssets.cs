using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Ui;

/// <summary>
/// The few static files, embedded in the assembly so a single-file server needs no web root: the pages' stylesheet and the
/// cookie banner's script and stylesheet (served to any site, with an ETag).
/// </summary>
internal static class UiAssets
{
    public static void Map(WebApplication app)
    {
        Serve(app, "/assets/site.css", "site.css", "text/css; charset=utf-8", crossOrigin: false);
        Serve(app, "/consent.js", "consent.js", "text/javascript; charset=utf-8", crossOrigin: true);
        Serve(app, "/consent.css", "consent.css", "text/css; charset=utf-8", crossOrigin: true);
    }

    private static void Serve(WebApplication app, string path, string resource, string contentType, bool crossOrigin)
    {
        using var stream = typeof(UiAssets).Assembly.GetManifestResourceStream("Custodian.Server.Assets." + resource)
            ?? throw new InvalidOperationException($"The embedded asset '{resource}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"";
        var endpoint = app.MapGet(path, (HttpContext context) =>
        {
            var headers = context.Response.Headers;
            headers.ETag = etag;
            headers.CacheControl = "public, max-age=300";
            headers.XContentTypeOptions = "nosniff";
            if (crossOrigin) headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            if (context.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(bytes, contentType);
        }).ExcludeFromDescription();
        if (crossOrigin) endpoint.RequireCors(CustodianUi.BannerCors);
    }
}
