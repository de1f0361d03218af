using Custodian.Server.Ui;
using Custodian.Server.Ui.Center;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Privacy;

/// <summary>Ends the person's session.</summary>
public sealed class SignOutModel : UiPageModel
{
    /// <summary>There is nothing to show; back to the front page.</summary>
    public IActionResult OnGet() => Redirect("/privacy");

    /// <summary>Signs out and says so.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await PersonSession.SignOutAsync(HttpContext);
        Flash(T.SignedOut);
        return Redirect("/privacy");
    }
}
