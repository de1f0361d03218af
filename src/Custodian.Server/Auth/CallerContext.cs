using Custodian.Server.Problems;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Auth;

/// <summary>The authenticated key of the current request, and the checks endpoints make against it.</summary>
public static class CallerContext
{
    private const string ItemKey = "custodian.apiKey";

    /// <summary>Records the key on the request.</summary>
    public static void Set(HttpContext context, ApiKey key) => context.Items[ItemKey] = key;

    /// <summary>The key of the request (authentication has run).</summary>
    public static ApiKey Key(this HttpContext context) =>
        context.Items[ItemKey] as ApiKey ?? throw new ApiProblemException(StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized, "An API key is required.");

    /// <summary>The actor id written to audit entries.</summary>
    public static string Actor(this HttpContext context) => context.Key().Id;

    /// <summary>Requires one of the scopes.</summary>
    public static void RequireScope(this HttpContext context, params ApiScope[] scopes)
    {
        var key = context.Key();
        if (!scopes.Contains(key.Scope))
            throw new ApiProblemException(StatusCodes.Status403Forbidden, ApiErrorCodes.ScopeForbidden, $"This endpoint needs a key with scope {string.Join(" or ", scopes.Select(s => s.ToString().ToLowerInvariant()))}; key '{key.Id}' has scope {key.Scope.ToString().ToLowerInvariant()}.");
    }
}
