using Custodian.Crypto;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;
using Custodian.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Admin;

/// <summary>Looking a person up needs a stated reason (CE12): a reason code from a list and a ticket reference, audited with the lookup.</summary>
public sealed class PeopleModel : UiPageModel
{
    /// <summary>email or phone.</summary>
    [BindProperty]
    public string? By { get; set; }

    /// <summary>The address or number looked up (never audited).</summary>
    [BindProperty]
    public string? Value { get; set; }

    /// <summary>The reason code.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The ticket reference.</summary>
    [BindProperty]
    public string? Ticket { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Looks the person up; found, opens their overview with the same reason.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LookupReason.IsValid(T, Reason, Ticket, out var problem))
        {
            Error = problem;
            return Page();
        }

        var kind = By == "phone" ? LookupKind.Phone : LookupKind.Email;
        if (string.IsNullOrWhiteSpace(Value))
        {
            Error = T.LookupValueMissing;
            return Page();
        }

        string? found;
        try
        {
            found = await Runtime.Vault.FindSubjectForReasonAsync(kind, Value.Trim(), Reason!, Ticket!, AdminSession.Actor(User), cancellationToken);
        }
        catch (VaultException e) when (e.Code == VaultErrorCodes.InvalidLookup)
        {
            Error = kind == LookupKind.Phone ? T.PhoneInvalid : T.EmailInvalid;
            return Page();
        }

        if (found is null)
        {
            Error = T.NoOneRegistered;
            return Page();
        }

        return Redirect($"/admin/people/{Uri.EscapeDataString(found)}?reason={Uri.EscapeDataString(Reason!)}&ticket={Uri.EscapeDataString(Ticket!)}");
    }
}
