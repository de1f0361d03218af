using Microsoft.AspNetCore.Http;

namespace Custodian.Server;

/// <summary>
/// Headers on every <c>/v1</c> response, answers and problems alike (errors from the exception handler, 401, 404, 429):
/// <c>Cache-Control: no-store</c>, since answers carry personal data that no browser or proxy may keep, and
/// <c>X-Content-Type-Options: nosniff</c>, so a browser never reads a JSON body as something else. Set as the response
/// starts, after the exception handler has cleared the headers of a failed request; a Cache-Control an endpoint chose
/// itself is kept.
/// </summary>
internal static class ApiResponseHeaders
{
    /// <summary>The Cache-Control of a <c>/v1</c> response whose endpoint sets none.</summary>
    public const string CacheControl = "no-store";

    /// <summary>Registers the headers for <c>/v1</c> requests, then runs the rest of the pipeline.</summary>
    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/v1"))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = CacheControl;
                headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    }
}
