using Custodian.Audit;
using Custodian.Server.Ui.Text;

namespace Custodian.Server.Ui.Admin;

/// <summary>Checks the reason staff give for looking at a person (CE12): a code from the list and a ticket reference that is a code, never free text.</summary>
public static class LookupReason
{
    /// <summary>True when both are acceptable; otherwise <paramref name="problem"/> says what to fix.</summary>
    public static bool IsValid(UiText text, string? reason, string? ticket, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = !text.LookupReasons.Any(r => r.Code == reason) ? text.ReasonMissing
            : !AuditToken.IsValid(ticket) || ticket.Length > 64 ? text.TicketInvalid
            : null;
        return problem is null;
    }
}
