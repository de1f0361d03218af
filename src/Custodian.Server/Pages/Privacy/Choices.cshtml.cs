using Custodian.Requests;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Center;
using Custodian.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Privacy;

/// <summary>"Your choices": consents and permissions switched at once, objections, and the consent history.</summary>
public sealed class ChoicesModel : UiPageModel
{
    /// <summary>The method consent receipts from this page carry.</summary>
    public const string Method = "privacy-center";

    /// <summary>What is shown.</summary>
    public ChoicesView? View { get; private set; }

    /// <summary>The fragment id of a choice, so the page returns to it after a change.</summary>
    public static string Anchor(string key) => "choice-" + (key ?? "").Replace('.', '-').Replace('_', '-');

    /// <summary>Shows the choices.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await ChoicesView.BuildAsync(Runtime.Vault, PersonSession.SubjectId(User), Ui, cancellationToken);

    /// <summary>Gives or withdraws a consent or a permission; the decision changes at once and the history records it.</summary>
    public async Task<IActionResult> OnPostConsentAsync(string key, bool permission, bool given, CancellationToken cancellationToken)
    {
        var vault = Runtime.Vault;
        try
        {
            await vault.RecordConsentAsync(PersonSession.SubjectId(User), key, permission, given, true, Method, "privacy-center-switch", SignInCodes.Actor, cancellationToken);
        }
        catch (VaultException)
        {
            return await ShowErrorAsync(T.ChoiceFailed, cancellationToken);
        }

        Flash(T.ConsentSaved(NameOf(key, permission), given));
        return Redirect("/privacy/choices#" + Anchor(key));
    }

    /// <summary>Objects to a legitimate-interest purpose: recorded as an objection request, carried out at once.</summary>
    public async Task<IActionResult> OnPostObjectAsync(string key, CancellationToken cancellationToken)
    {
        var desk = Runtime.Vault.CreateRequestDesk();
        try
        {
            var request = await desk.SubmitAsync(new RequestSubmission(RequestKind.Objection, RequestChannel.Service, PersonSession.SubjectId(User), PersonSession.Email(User), Ui.Language, key), SignInCodes.Actor, cancellationToken);
            await desk.CompleteAsync(request.RequestId, null, null, SignInCodes.Actor, cancellationToken);
        }
        catch (Exception e) when (e is VaultException or RequestException)
        {
            return await ShowErrorAsync(T.ChoiceFailed, cancellationToken);
        }

        Flash(T.ObjectionSaved(NameOf(key, false)));
        return Redirect("/privacy/choices#" + Anchor(key));
    }

    /// <summary>Withdraws the person's objection to a purpose.</summary>
    public async Task<IActionResult> OnPostLiftAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await Runtime.Vault.LiftObjectionAsync(PersonSession.SubjectId(User), key, SignInCodes.Actor, cancellationToken);
        }
        catch (VaultException)
        {
            return await ShowErrorAsync(T.ChoiceFailed, cancellationToken);
        }

        Flash(T.ObjectionLifted(NameOf(key, false)));
        return Redirect("/privacy/choices#" + Anchor(key));
    }

    private async Task<IActionResult> ShowErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        await OnGetAsync(cancellationToken);
        return Page();
    }

    private string NameOf(string key, bool permission)
    {
        var policy = Runtime.Policy;
        if (permission) return policy.TryGetPermission(key, out var p) ? policy.Permission(p).Definition.Name.Get(Ui.Language) ?? key : key;
        return policy.TryGetPurpose(key, out var id) ? policy.Purpose(id).Definition.Name.Get(Ui.Language) ?? key : key;
    }
}
