using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Admin;

/// <summary>Ends the console session.</summary>
public sealed class SignOutModel : UiPageModel
{
    /// <summary>There is nothing to show.</summary>
    public IActionResult OnGet() => Redirect("/admin");

    /// <summary>Signs out (audited) and returns to the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await Runtime.Vault.RecordCallAsync(AdminSession.Actor(User), "console.signout", cancellationToken);
        await AdminSession.SignOutAsync(HttpContext);
        Flash(T.SignedOut);
        return Redirect("/admin/sign-in");
    }
}
