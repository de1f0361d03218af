using Custodian.Requests;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;
using Custodian.Storage;
using Custodian.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Admin;

/// <summary>
/// A person's overview for staff: their states, the categories held (counted, never decrypted), consents and requests, and
/// a request made on their behalf. Every view needs the stated reason and ticket and is audited with them (CE12).
/// </summary>
public sealed class PersonModel : UiPageModel
{
    /// <summary>The person.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The reason code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    /// <summary>The ticket reference.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ticket { get; set; }

    /// <summary>True once a valid reason was given and the view audited.</summary>
    public bool Shown { get; private set; }

    /// <summary>The reason in words.</summary>
    public string ReasonLabel => T.LookupReasons.FirstOrDefault(r => r.Code == Reason).Label ?? Reason ?? "";

    /// <summary>What is recorded about the person.</summary>
    public SubjectState? State { get; private set; }

    /// <summary>Categories held: name, count, deletion.</summary>
    public IReadOnlyList<(string Name, int Count, string Deleted)> Held { get; private set; } = [];

    /// <summary>The person's requests.</summary>
    public IReadOnlyList<StoredRequest> Requests { get; private set; } = [];

    /// <summary>Now, on the desk's clock.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Shows the overview, or asks for the reason first.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Reason is null && Ticket is null) return Page();
        if (!LookupReason.IsValid(T, Reason, Ticket, out var problem))
        {
            Error = problem;
            return Page();
        }

        var vault = Runtime.Vault;
        State = await vault.Store.LoadSubjectStateAsync(Id, cancellationToken);
        if (State is null) return NotFound();
        await vault.RecordSubjectViewAsync(Id, Reason!, Ticket!, AdminSession.Actor(User), cancellationToken);
        Shown = true;
        var records = await vault.Store.GetRecordsAsync(Id, null, cancellationToken);
        var policy = Runtime.Policy;
        Held = records.Where(r => r.Sealed is not null && r.ErasedAt is null).GroupBy(r => r.CategoryKey).Select(g =>
        {
            var name = policy.TryGetCategory(g.Key, out var id) ? policy.Category(id).Name.Get(Ui.Language) ?? g.Key : g.Key;
            var expiry = g.Select(r => r.ExpiresAt).Where(e => e is not null).Min();
            var deleted = expiry is { } at ? Ui.Statement.FormatDate(DateOnly.FromDateTime(at.UtcDateTime)) : T.WaitsForEvent;
            return (name, g.Count(), deleted);
        }).OrderBy(h => h.name, StringComparer.Ordinal).ToList();
        var desk = vault.CreateRequestDesk();
        Now = desk.Now;
        Requests = await vault.Store.ListRequestsAsync(new RequestQuery(SubjectId: Id), cancellationToken);
        return Page();
    }

    /// <summary>Submits a request on the person's behalf (identity checked by staff) and opens it.</summary>
    public async Task<IActionResult> OnPostAsync(RequestKind kind, CancellationToken cancellationToken)
    {
        if (!LookupReason.IsValid(T, Reason, Ticket, out var problem))
        {
            Error = problem;
            return await OnGetAsync(cancellationToken);
        }

        try
        {
            var request = await Runtime.Vault.CreateRequestDesk().SubmitAsync(new RequestSubmission(kind, RequestChannel.Admin, Id, null, Ui.Language), AdminSession.Actor(User), cancellationToken);
            Flash(T.SubmittedOnBehalf);
            return Redirect("/admin/requests/" + Uri.EscapeDataString(request.RequestId));
        }
        catch (Exception e) when (e is RequestException or VaultException)
        {
            Error = e.Message;
            return await OnGetAsync(cancellationToken);
        }
    }
}
