using Custodian.Policy;
using Custodian.Requests;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Center;
using Custodian.Storage;
using Custodian.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Privacy;

/// <summary>
/// The person's requests with their status and due date, and new ones: a correction (carried out at once, the person being
/// signed in), erasure and restriction (answered by the privacy officer within the policy's response time).
/// </summary>
public sealed class RequestsModel : UiPageModel
{
    /// <summary>The person's requests, newest first.</summary>
    public IReadOnlyList<RequestLine> Lines { get; private set; } = [];

    /// <summary>Categories the person can correct: held, not secret, not kept only under a legal duty.</summary>
    public IReadOnlyList<(string Key, string Name)> Correctable { get; private set; } = [];

    /// <summary>The policy's response time in words.</summary>
    public string ResponseTime => Ui.Statement.DurationInWords(Runtime.Policy.Document.Rights.ResponseTime);

    private string Subject => PersonSession.SubjectId(User);

    /// <summary>Shows the requests and the forms.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var desk = Runtime.Vault.CreateRequestDesk();
        var now = desk.Now;
        string Day(DateTimeOffset at) => Ui.Statement.FormatDate(DateOnly.FromDateTime(at.UtcDateTime));
        var requests = await desk.ListAsync(new RequestQuery(SubjectId: Subject), SignInCodes.Actor, cancellationToken);
        Lines = requests.OrderByDescending(r => r.ReceivedAt).Select(r => new RequestLine(
            r.RequestId, r.Kind, r.Status, Day(r.ReceivedAt), Day(r.DueAt), r.ClosedAt is { } closed ? Day(closed) : null, r.IsOverdueAt(now), r.Reason)).ToList();

        var policy = Runtime.Policy;
        var records = await Runtime.Vault.Store.GetRecordsAsync(Subject, null, cancellationToken);
        var correctable = new List<(string Key, string Name)>();
        foreach (var key in records.Where(r => r.Sealed is not null && r.ErasedAt is null && r.KeyKind == SealingKeyKind.Subject).Select(r => r.CategoryKey).Distinct(StringComparer.Ordinal))
        {
            if (!policy.TryGetCategory(key, out var id) || policy.Category(id).Sensitivity.HasFlag(CategorySensitivity.Secret)) continue;
            correctable.Add((key, policy.Category(id).Name.Get(Ui.Language) ?? key));
        }

        Correctable = [.. correctable.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(Ui.Language), false))];
    }

    /// <summary>Corrects a value at once: a rectification request, completed as soon as it is made.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(string? category, string? value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(category) || string.IsNullOrWhiteSpace(value)) return await ShowErrorAsync(T.CorrectionMissing, cancellationToken);
        var desk = Runtime.Vault.CreateRequestDesk();
        try
        {
            var request = await SubmitAsync(desk, RequestKind.Rectification, cancellationToken);
            await desk.CompleteAsync(request.RequestId, category, value.Trim(), SignInCodes.Actor, cancellationToken);
        }
        catch (Exception e) when (e is VaultException or RequestException)
        {
            return await ShowErrorAsync(e is VaultException { Code: VaultErrorCodes.InvalidValue } ? T.CorrectionRefused : T.RequestFailed, cancellationToken);
        }

        Flash(T.CorrectionDone);
        return Redirect("/privacy/requests");
    }

    /// <summary>Asks for erasure; the privacy officer answers by the due date.</summary>
    public Task<IActionResult> OnPostEraseAsync(bool confirm, CancellationToken cancellationToken) =>
        confirm ? ReceiveAsync(RequestKind.Erasure, cancellationToken) : ShowErrorAsync(T.ErasureNotConfirmed, cancellationToken);

    /// <summary>Asks for restriction of processing.</summary>
    public Task<IActionResult> OnPostRestrictAsync(CancellationToken cancellationToken) => ReceiveAsync(RequestKind.Restriction, cancellationToken);

    private async Task<IActionResult> ReceiveAsync(RequestKind kind, CancellationToken cancellationToken)
    {
        StoredRequest request;
        try
        {
            request = await SubmitAsync(Runtime.Vault.CreateRequestDesk(), kind, cancellationToken);
        }
        catch (Exception e) when (e is VaultException or RequestException)
        {
            return await ShowErrorAsync(T.RequestFailed, cancellationToken);
        }

        Flash(T.RequestReceived(T.RequestKindName(kind), Ui.Statement.FormatDate(DateOnly.FromDateTime(request.DueAt.UtcDateTime))));
        return Redirect("/privacy/requests");
    }

    // The person proved their address with the sign-in code, so the privacy center vouches for the request.
    private Task<StoredRequest> SubmitAsync(RequestDesk desk, RequestKind kind, CancellationToken cancellationToken) =>
        desk.SubmitAsync(new RequestSubmission(kind, RequestChannel.Service, Subject, PersonSession.Email(User), Ui.Language), SignInCodes.Actor, cancellationToken);

    private async Task<IActionResult> ShowErrorAsync(string message, CancellationToken cancellationToken)
    {
        Error = message;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
