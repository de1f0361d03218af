using Custodian.Server.Ui;
using Custodian.Server.Ui.Center;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Server.Pages.Privacy;

/// <summary>Step two of signing in: the code from the email; right, it starts a cookie session.</summary>
[EnableRateLimiting(CustodianUi.PublicLimit)]
public sealed class CodeModel : UiPageModel
{
    /// <summary>The challenge the code answers.</summary>
    [BindProperty(SupportsGet = true, Name = "challenge")]
    public string? ChallengeId { get; set; }

    /// <summary>Where a person goes once signed in, unless they came from another privacy center page.</summary>
    public const string Home = "/privacy/my-data";

    /// <summary>Where to go once signed in (a privacy center page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the challenge can still be answered.</summary>
    public bool Open { get; private set; }

    /// <summary>How long a code works, in minutes.</summary>
    public int Minutes => (int)SignInCodes.Lifetime.TotalMinutes;

    private SignInCodes Codes => HttpContext.RequestServices.GetRequiredService<SignInCodes>();

    /// <summary>Shows the code form, or says the code has expired.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Open = await Codes.IsOpenAsync(ChallengeId, cancellationToken);

    /// <summary>Checks the code and signs the person in.</summary>
    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        if (ChallengeId is null || !await Codes.IsOpenAsync(ChallengeId, cancellationToken))
        {
            Open = false;
            return Page();
        }

        var result = await Codes.VerifyAsync(ChallengeId, code ?? "", cancellationToken);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await PersonSession.SignInAsync(HttpContext, result.SubjectId!, result.Email!);
                Flash(T.SignedIn);
                return LocalRedirect(Target(ReturnUrl));
            case SignInOutcome.Wrong:
                Open = true;
                Error = T.CodeWrong(result.AttemptsLeft);
                return Page();
            case SignInOutcome.TooManyAttempts:
                Open = false;
                Error = T.CodeTooMany;
                return Page();
            default:
                Open = false;
                Error = T.CodeExpired;
                return Page();
        }
    }

    /// <summary>Where a signed-in person goes: a privacy center address from <paramref name="returnUrl"/>, else <see cref="Home"/>.</summary>
    public static string Target(string? returnUrl) => UiLinks.AfterSignIn(returnUrl, "/privacy", Home);
}
