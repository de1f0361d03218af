using Custodian.Policy;
using Custodian.Requests;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;
using Custodian.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Admin;

/// <summary>One request: its facts and history, and what the privacy officer can do: verify identity, complete, extend once with a reason, or refuse with a reason.</summary>
public sealed class RequestModel : UiPageModel
{
    /// <summary>The request.</summary>
    public StoredRequest? Current { get; private set; }

    /// <summary>Its status history.</summary>
    public IReadOnlyList<RequestStatusChange> History { get; private set; } = [];

    /// <summary>The longest extension the policy allows, in words; null when it allows none.</summary>
    public string? Extension { get; private set; }

    /// <summary>Categories a rectification may correct.</summary>
    public IReadOnlyList<(string Key, string Name)> Categories { get; private set; } = [];

    /// <summary>Now, on the desk's clock.</summary>
    public DateTimeOffset Now { get; private set; }

    private string Actor => AdminSession.Actor(User);

    /// <summary>Shows the request (audited).</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var desk = Runtime.Vault.CreateRequestDesk();
        var shown = await desk.ShowAsync(id, Actor, cancellationToken);
        if (shown is null) return NotFound();
        (Current, History) = shown.Value;
        Now = desk.Now;
        var policy = Runtime.Policy;
        Extension = policy.Document.Rights.Extension is { } extension ? Ui.Statement.DurationInWords(extension) : null;
        Categories = policy.CollectedCategories.Where(c => !c.Sensitivity.HasFlag(CategorySensitivity.Secret))
            .Select(c => (c.Key, c.Name.Get(Ui.Language) ?? c.Key)).OrderBy(c => c.Item2, StringComparer.Ordinal).ToList();
        return Page();
    }

    /// <summary>Confirms the person's identity, checked another way.</summary>
    public Task<IActionResult> OnPostVerifyAsync(string id, string? how, CancellationToken cancellationToken) =>
        ActAsync(id, desk => desk.ConfirmIdentityAsync(id, how ?? "", Actor, cancellationToken), T.Verified, cancellationToken);

    /// <summary>Carries out the request.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(string id, string? category, string? value, bool confirm, CancellationToken cancellationToken)
    {
        var request = await Runtime.Vault.Store.GetRequestAsync(id, cancellationToken);
        if (request?.Kind == RequestKind.Erasure && !confirm) return await ShowErrorAsync(id, T.EraseNotConfirmed, cancellationToken);
        return await ActAsync(id, desk => desk.CompleteAsync(id, category, value, Actor, cancellationToken), T.Completed, cancellationToken);
    }

    /// <summary>Extends the deadline once by the whole extension the policy allows, with the reason the person is told.</summary>
    public Task<IActionResult> OnPostExtendAsync(string id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, desk => desk.ExtendAsync(id, null, reason ?? "", Actor, cancellationToken), T.Extended, cancellationToken);

    /// <summary>Refuses the request with a reason code and the reason the person is told.</summary>
    public Task<IActionResult> OnPostDenyAsync(string id, string? code, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, desk => desk.DenyAsync(id, code ?? "", reason ?? "", Actor, cancellationToken), T.Denied, cancellationToken);

    private async Task<IActionResult> ActAsync(string id, Func<RequestDesk, Task<StoredRequest>> act, string done, CancellationToken cancellationToken)
    {
        try
        {
            await act(Runtime.Vault.CreateRequestDesk());
        }
        catch (Exception e) when (e is RequestException or VaultException)
        {
            return await ShowErrorAsync(id, e.Message, cancellationToken);
        }

        Flash(done);
        return Redirect("/admin/requests/" + Uri.EscapeDataString(id));
    }

    private async Task<IActionResult> ShowErrorAsync(string id, string message, CancellationToken cancellationToken)
    {
        Error = message;
        return await OnGetAsync(id, cancellationToken);
    }
}
