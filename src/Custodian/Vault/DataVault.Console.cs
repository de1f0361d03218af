using Custodian.Audit;
using Custodian.Crypto;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// Finds a person for staff who state why (CE12): the reason is a code chosen from a list (<c>support_ticket</c>,
    /// <c>legal_request</c>…) and the ticket a reference token, both audited with the lookup; free text never is.
    /// </summary>
    /// <exception cref="ArgumentException">The reason or the ticket is not a code (letters, digits and _ . : / -).</exception>
    public async Task<string?> FindSubjectForReasonAsync(LookupKind kind, string value, string reasonCode, string ticket, string actor, CancellationToken cancellationToken)
    {
        AuditToken.Require(reasonCode, nameof(reasonCode));
        AuditToken.Require(ticket, nameof(ticket));
        byte[] index;
        try
        {
            index = _blindIndex.Compute(kind, value, DefaultCallingCode);
        }
        catch (LookupKeyFormatException e)
        {
            throw new VaultException(VaultErrorCodes.InvalidLookup, e.Message);
        }

        var found = await _store.FindSubjectAsync(kind, index, cancellationToken);
        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "subject.lookup")
        {
            SubjectId = found,
            Count = found is null ? 0 : 1,
            ReasonCodes = [reasonCode],
            Details = new Dictionary<string, string> { ["by"] = KindName(kind), ["ticket"] = ticket },
        }, cancellationToken);
        return found;
    }

    /// <summary>Audits that staff viewed a person's overview (categories held, consents, requests) with the stated reason and ticket (CE12).</summary>
    /// <exception cref="ArgumentException">The reason or the ticket is not a code.</exception>
    public Task RecordSubjectViewAsync(string subjectId, string reasonCode, string ticket, string actor, CancellationToken cancellationToken) =>
        AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "subject.view")
        {
            SubjectId = subjectId,
            ReasonCodes = [AuditToken.Require(reasonCode, nameof(reasonCode))],
            Details = new Dictionary<string, string> { ["ticket"] = AuditToken.Require(ticket, nameof(ticket)) },
        }, cancellationToken);
}
