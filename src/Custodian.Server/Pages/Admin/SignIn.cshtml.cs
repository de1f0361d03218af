using Custodian.Server.Auth;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Custodian.Server.Pages.Admin;

/// <summary>Signs an administrator in to the console with an admin API key; the key itself is never stored in the session.</summary>
[EnableRateLimiting(CustodianUi.PublicLimit)]
public sealed class SignInModel : UiPageModel
{
    /// <summary>Where to go after signing in (a console page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the key (constant-time) and requires the admin scope; every attempt is audited.</summary>
    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        var found = Runtime.Keys.Authenticate(key?.Trim());
        if (found is not { Scope: ApiScope.Admin })
        {
            await Runtime.Vault.RecordRefusalAsync("console", "console.signin", null, null, found is null ? "key_invalid" : "scope_forbidden", cancellationToken);
            Error = found is null ? T.ApiKeyInvalid : T.ApiKeyNotAdmin;
            return Page();
        }

        await AdminSession.SignInAsync(HttpContext, found);
        await Runtime.Vault.RecordCallAsync(found.Id, "console.signin", cancellationToken);
        return LocalRedirect(Target(ReturnUrl));
    }

    /// <summary>Where a signed-in administrator goes: a console address from <paramref name="returnUrl"/>, else the console's front page.</summary>
    public static string Target(string? returnUrl) => UiLinks.AfterSignIn(returnUrl, "/admin", "/admin");
}
