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
}
