using Custodian.Audit;
using Custodian.Retention;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// Records consent given or withdrawn for a purpose or a permission, with a receipt (ISO/IEC TS 27560 fields).
    /// Withdrawal stops processing from that moment; the ledger keeps the earlier consent as evidence (CK7).
    /// A purpose key of the form <c>cookie:&lt;category&gt;</c> records a choice about a cookie category of the policy that
    /// names no purpose (<see cref="ConsentKind.Cookie"/>): kept as evidence, deciding nothing.
    /// The method and evidence are codes (<see cref="AuditToken"/>), never free text: the ledger keeps them unsealed and
    /// beyond erasure, so they must not be able to hold a name or an address.
    /// </summary>
    /// <exception cref="VaultException"><c>invalid_field</c> when the method or evidence is not a code.</exception>
    public async Task<ConsentEntry> RecordConsentAsync(string subjectId, string key, bool isPermission, bool given, bool isExplicit, string method, string? evidence, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckConsentCodes(method, evidence, "");
        var kind = isPermission ? ConsentKind.Permission : key.StartsWith(CookieKeyPrefix, StringComparison.Ordinal) ? ConsentKind.Cookie : ConsentKind.Purpose;
        if (kind == ConsentKind.Permission) ResolvePermission(key);
        else if (kind == ConsentKind.Cookie) ResolveCookieCategory(key[CookieKeyPrefix.Length..]);
        else ResolvePurpose(key);
        var now = _clock.GetUtcNow();
        var entry = new ConsentEntry(Ids.New("cns"), subjectId, key, kind, given, isExplicit, Policy.Document.Version, method, evidence, now)
        {
            Controller = Policy.Document.Controller.Name,
            LegalBasis = "consent",
            RecordedAt = now,
        };
        var expiryChanges = !isPermission && given && PolicyCountsFrom(Custodian.Policy.RetentionAnchor.ConsentGiven)
            ? await ExpiryChangesAsync(subjectId, s => s with { Consents = [.. s.Consents, new RetentionConsent(key, given, now)] }, now, cancellationToken)
            : [];
        await WriteForLiveAsync(subjectId, async tx =>
        {
            await tx.AppendConsentAsync(entry, cancellationToken);
            if (expiryChanges.Count > 0) await tx.UpdateRecordExpiriesAsync(expiryChanges, cancellationToken);
        }, ConsentAudit(entry, actor), cancellationToken);
        return entry;
    }

    /// <summary>
    /// Refuses a consent method or evidence that is not a code (<see cref="AuditToken"/>): both are stored unsealed in the
    /// consent ledger, which erasure's crypto-shredding cannot reach, so a name or an address there would outlive the person.
    /// </summary>
    /// <param name="method">How the consent was given (<c>web-form</c>); required.</param>
    /// <param name="evidence">A reference to the proof (<c>signup-form-7</c>), or null.</param>
    /// <param name="pointerPrefix">Where the consent sits in the caller's body (<c>/consents/0</c>), or empty.</param>
    private static void CheckConsentCodes(string? method, string? evidence, string pointerPrefix)
    {
        if (!AuditToken.IsValid(method)) throw NotACode("method");
        if (evidence is not null && !AuditToken.IsValid(evidence)) throw NotACode("evidence");

        VaultException NotACode(string field) => new(
            VaultErrorCodes.InvalidField,
            $"The consent's '{field}' must be a code ({AuditToken.Rule}) such as 'web-form' or 'signup-form-7', not free text: it is kept unencrypted and outlives erasure.")
        {
            JsonPointer = $"{pointerPrefix}/{field}",
        };
    }

    /// <summary>Records an objection to a purpose (Art. 21); a legitimate-interest purpose stops from that moment.</summary>
    public async Task<string> ObjectAsync(string subjectId, string purposeKey, string actor, CancellationToken cancellationToken)
    {
        ResolvePurpose(purposeKey);
        var now = _clock.GetUtcNow();
        var objection = new Objection(Ids.New("obj"), subjectId, purposeKey, now);
        await WriteForLiveAsync(subjectId, tx => tx.AddObjectionAsync(objection, cancellationToken), new AuditEntry(now, actor, "objection.add") { SubjectId = subjectId, Purpose = purposeKey }, cancellationToken);
        return objection.ObjectionId;
    }

    /// <summary>Lifts the person's open objections to a purpose; returns how many were lifted.</summary>
    public async Task<int> LiftObjectionAsync(string subjectId, string purposeKey, string actor, CancellationToken cancellationToken)
    {
        ResolvePurpose(purposeKey);
        var now = _clock.GetUtcNow();

        // Which objections are open is read from a copy of the state the vault holds, when it holds one, and the lift
        // requires that state unchanged: one unit of work. When it moved on, the person is read afresh.
        if (_stateCache.TryGetValue(subjectId, out var held))
        {
            var heldOpen = OpenObjections(held.State, purposeKey);
            if (await WriteIfUnchangedAsync(subjectId, held.Version, null, tx => tx.LiftOpenObjectionsAsync(heldOpen, now, cancellationToken), LiftAudit(heldOpen.Count), cancellationToken))
            {
                return heldOpen.Count;
            }
        }

        var (state, _) = await LoadFactsAsync(subjectId, cancellationToken);
        var open = OpenObjections(state, purposeKey);
        await WriteAsync(tx => tx.LiftOpenObjectionsAsync(open, now, cancellationToken), LiftAudit(open.Count), cancellationToken);
        return open.Count;

        AuditEntry LiftAudit(int lifted) => new(now, actor, "objection.lift") { SubjectId = subjectId, Purpose = purposeKey, Count = lifted };
    }

    private static List<string> OpenObjections(SubjectState state, string purposeKey) =>
        [.. state.Objections.Where(o => o.PurposeKey == purposeKey && o.LiftedAt is null).Select(o => o.ObjectionId)];

    /// <summary>Switches restriction of processing on or off (Art. 18).</summary>
    public async Task RestrictAsync(string subjectId, bool restricted, string actor, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await WriteForLiveAsync(subjectId, tx => tx.AppendRestrictionAsync(new RestrictionChange(subjectId, restricted, now), cancellationToken), new AuditEntry(now, actor, restricted ? "restriction.on" : "restriction.off") { SubjectId = subjectId }, cancellationToken);
    }

    /// <summary>Records a relationship event (<c>subscription</c> <c>opened</c>, <c>ended</c>…): the anchors of contract purposes and retention.</summary>
    public async Task RecordRelationshipAsync(string subjectId, string kind, string relationshipEvent, string actor, CancellationToken cancellationToken)
    {
        await RequireLiveSubjectAsync(subjectId, cancellationToken);
        var now = _clock.GetUtcNow();
        var fact = new RelationshipEvent(subjectId, kind, relationshipEvent, now);
        var expiryChanges = await ExpiryChangesAsync(subjectId, s => s with { Relationships = [.. s.Relationships, fact] }, now, cancellationToken);
        await WriteAsync(
            async tx =>
            {
                await tx.AppendRelationshipEventAsync(fact, cancellationToken);
                if (expiryChanges.Count > 0) await tx.UpdateRecordExpiriesAsync(expiryChanges, cancellationToken);
            },
            new AuditEntry(now, actor, "relationship.event") { SubjectId = subjectId, Details = new Dictionary<string, string> { ["kind"] = kind, ["event"] = relationshipEvent } }, cancellationToken);
    }

    /// <summary>Records the person's own authorisation for a recipient, or its withdrawal (CU4; a link for CK6, CR6).</summary>
    public async Task AuthoriseRecipientAsync(string subjectId, string recipientKey, bool given, string actor, CancellationToken cancellationToken)
    {
        ResolveRecipient(recipientKey);
        var now = _clock.GetUtcNow();
        await WriteForLiveAsync(subjectId, tx => tx.AppendRecipientAuthorisationAsync(new RecipientAuthorisation(subjectId, recipientKey, given, now), cancellationToken),
            new AuditEntry(now, actor, given ? "recipient.authorise" : "recipient.revoke") { SubjectId = subjectId, Recipient = recipientKey }, cancellationToken);
    }

    /// <summary>Records a guardian's consent for a person under the minimum age, or its withdrawal (CR12).</summary>
    public async Task RecordGuardianConsentAsync(string subjectId, bool given, string guardianReference, string actor, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await WriteForLiveAsync(subjectId, tx => tx.AppendGuardianConsentAsync(new GuardianConsent(subjectId, given, now, guardianReference), cancellationToken),
            new AuditEntry(now, actor, given ? "guardian.consent" : "guardian.withdraw") { SubjectId = subjectId }, cancellationToken);
    }

    /// <summary>Places a legal hold (a dispute): the person's data cannot be erased while it lasts.</summary>
    public async Task<string> PlaceLegalHoldAsync(string subjectId, string reasonCode, DateTimeOffset? until, string actor, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (until <= now) throw new VaultException(VaultErrorCodes.InvalidValue, "The hold's 'until' is already past; give a future date, or leave it out for a hold until lifted.");
        var hold = new LegalHold(Ids.New("hld"), subjectId, reasonCode, now, until);
        await WriteForLiveAsync(subjectId, tx => tx.PlaceLegalHoldAsync(hold, cancellationToken), new AuditEntry(now, actor, "hold.place") { SubjectId = subjectId, ReasonCodes = [reasonCode] }, cancellationToken);
        return hold.HoldId;
    }

    /// <summary>Lifts every open legal hold of the person; returns how many were lifted.</summary>
    public async Task<int> LiftLegalHoldsAsync(string subjectId, string actor, CancellationToken cancellationToken)
    {
        var (state, _) = await LoadFactsAsync(subjectId, cancellationToken);
        var now = _clock.GetUtcNow();
        var open = state.LegalHolds.Where(h => h.LiftedAt is null).ToList();
        await WriteAsync(async tx =>
        {
            foreach (var hold in open) await tx.LiftLegalHoldAsync(hold.HoldId, now, cancellationToken);
        }, new AuditEntry(now, actor, "hold.lift") { SubjectId = subjectId, Count = open.Count }, cancellationToken);
        return open.Count;
    }

    /// <summary>
    /// <see cref="WriteAsync"/> for a person who must be live: the check is part of the unit of work (on PostgreSQL it
    /// travels with the writes, one round trip for both). Only when it fails is the person read again, for the reason.
    /// </summary>
    private async Task WriteForLiveAsync(string subjectId, Func<IVaultTransaction, Task> write, AuditEntry audit, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(
                async tx =>
                {
                    await tx.RequireLiveSubjectAsync(subjectId, cancellationToken);
                    await write(tx);
                },
                audit,
                cancellationToken);
        }
        catch (VaultStoreException e) when (e.Code == VaultStoreException.SubjectNotLive)
        {
            await RequireLiveSubjectAsync(subjectId, cancellationToken);
            throw new VaultException(VaultErrorCodes.UnknownSubject, $"No person with id '{subjectId}'.");
        }
    }

    private async Task WriteAsync(Func<IVaultTransaction, Task> write, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var tx = await _store.BeginAsync(cancellationToken);
        await write(tx);
        await tx.AppendAuditAsync(audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        ForgetState(audit.SubjectId);
    }
}
