using Custodian.Server.Ui;
using Custodian.Server.Ui.Center;
using Custodian.Vault;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Server.Pages.Privacy;

/// <summary>Step one of signing in: the person gives their email address and a one-time code is sent to it.</summary>
[EnableRateLimiting(CustodianUi.PublicLimit)]
public sealed class SignInModel : UiPageModel
{
    /// <summary>The longest address accepted (RFC 5321: 254 characters in a path); anything longer belongs to no one.</summary>
    public const int MaxLength = 254;

    /// <summary>Where to go once signed in (a privacy center page), carried through the code step.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The address given.</summary>
    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Sends the code (when the address is a customer's) and moves on to the code form either way.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > MaxLength)
        {
            // A text longer than any address is not written back into the form.
            if (email is { Length: > MaxLength }) Email = null;
            Error = T.EmailInvalid;
            return Page();
        }

        try
        {
            var challenge = await HttpContext.RequestServices.GetRequiredService<SignInCodes>().StartAsync(email, Ui.Language, cancellationToken);
            var target = CodeModel.Target(ReturnUrl);
            var carried = target == CodeModel.Home ? "" : "&returnUrl=" + Uri.EscapeDataString(target);
            return Redirect("/privacy/sign-in/code?challenge=" + Uri.EscapeDataString(challenge) + carried);
        }
        catch (VaultException e) when (e.Code == VaultErrorCodes.InvalidLookup)
        {
            Error = T.EmailInvalid;
            return Page();
        }
        catch (SignInBusyException)
        {
            // The same answer for every address, so it tells nothing about whose it is.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "300";
            Error = T.SignInBusy;
            return Page();
        }
    }
}
