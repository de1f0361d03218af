using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Ui.Center;

/// <summary>The privacy center's cookie session: who is signed in (a pseudonymous subject id) and the address answers go to.</summary>
public static class PersonSession
{
    private const string EmailClaim = "custodian:email";

    /// <summary>Signs the person in with an encrypted, HTTP-only cookie scoped to <c>/privacy</c>.</summary>
    public static Task SignInAsync(HttpContext context, string subjectId, string email)
    {
        var identity = new ClaimsIdentity([new Claim(CustodianUi.SubjectClaim, subjectId), new Claim(EmailClaim, email)], CustodianUi.PersonScheme);
        return context.SignInAsync(CustodianUi.PersonScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Ends the session.</summary>
    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(CustodianUi.PersonScheme);

    /// <summary>The signed-in person's subject id (the page is authorized, so there is one).</summary>
    public static string SubjectId(ClaimsPrincipal user) =>
        user?.FindFirstValue(CustodianUi.SubjectClaim) ?? throw new InvalidOperationException("No person is signed in.");

    /// <summary>The address the person signed in with.</summary>
    public static string? Email(ClaimsPrincipal user) => user?.FindFirstValue(EmailClaim);

    /// <summary>The signed-in person on a page that does not require one, or null.</summary>
    public static async Task<string?> CurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(CustodianUi.PersonScheme);
        return result.Succeeded ? result.Principal?.FindFirstValue(CustodianUi.SubjectClaim) : null;
    }
}
