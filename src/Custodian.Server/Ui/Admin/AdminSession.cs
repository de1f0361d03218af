using System.Security.Claims;
using Custodian.Server.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Ui.Admin;

/// <summary>The console's cookie session: the admin API key it was opened with (its id is the actor of every audit entry).</summary>
public static class AdminSession
{
    /// <summary>Signs the administrator in with an encrypted, HTTP-only, same-site-strict cookie scoped to <c>/admin</c>.</summary>
    public static Task SignInAsync(HttpContext context, ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var identity = new ClaimsIdentity([new Claim(CustodianUi.KeyClaim, key.Id), new Claim(ClaimTypes.Name, key.Name)], CustodianUi.AdminScheme);
        return context.SignInAsync(CustodianUi.AdminScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Ends the session.</summary>
    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(CustodianUi.AdminScheme);

    /// <summary>The audit actor: the key id.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user?.FindFirstValue(CustodianUi.KeyClaim) ?? throw new InvalidOperationException("No administrator is signed in.");

    /// <summary>The key's name, for the page header.</summary>
    public static string? Name(ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.Name);
}
