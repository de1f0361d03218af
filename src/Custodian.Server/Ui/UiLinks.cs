using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Custodian.Server.Ui;

/// <summary>Links the pages build: the same page in another language, keeping the rest of the query.</summary>
public static class UiLinks
{
    /// <summary>The current path with <c>lang</c> set to <paramref name="language"/> and the other query values kept.</summary>
    public static string WithLanguage(HttpRequest request, string language)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.Where(q => q.Key != "lang").ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        query["lang"] = language;
        return QueryHelpers.AddQueryString(request.Path.Value ?? "/", query);
    }

    /// <summary>
    /// Where to go after signing in: <paramref name="returnUrl"/> when it is an address in <paramref name="area"/> (the
    /// privacy center or the console) written in printable ASCII, with no backslash, <c>..</c> or <c>//</c>, and not a
    /// sign-in or sign-out page; else <paramref name="fallback"/>. Anything else could leave the site, or could not be sent
    /// as a <c>Location</c> header at all.
    /// </summary>
    public static string AfterSignIn(string? returnUrl, string area, string fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(area);
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048) return fallback;
        var inArea = returnUrl == area || returnUrl.StartsWith(area + "/", StringComparison.Ordinal) || returnUrl.StartsWith(area + "?", StringComparison.Ordinal);
        var printable = returnUrl.All(c => c is > ' ' and < '\x7f' and not '\\');
        var signing = returnUrl.StartsWith(area + "/sign-", StringComparison.Ordinal);
        return inArea && printable && !signing && !returnUrl.Contains("..", StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal) ? returnUrl : fallback;
    }
}
