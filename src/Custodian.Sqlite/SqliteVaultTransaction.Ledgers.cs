using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>The per-subject ledgers (consent, objections, restriction, holds, relationships, authorisations, guardians).</summary>
internal sealed partial class SqliteVaultTransaction
{
    public Task AppendConsentAsync(ConsentEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Run(
            "INSERT INTO consents (id, subject_id, key, kind, given, explicit, policy_version, method, evidence, at, recorded_at, controller, legal_basis) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)",
            cancellationToken,
            VaultStoreException.Duplicate,
            entry.ConsentId, entry.SubjectId, entry.Key, (int)entry.Kind, entry.Given, entry.Explicit, entry.PolicyVersion, entry.Method, entry.Evidence, Ticks(entry.At), Ticks(entry.RecordedAt ?? entry.At), entry.Controller, entry.LegalBasis);
        return Task.CompletedTask;
    }

    public Task AddObjectionAsync(Objection objection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objection);
        Run("INSERT INTO objections (id, subject_id, purpose, at, lifted_at) VALUES ($p0, $p1, $p2, $p3, $p4)", cancellationToken, VaultStoreException.Duplicate, objection.ObjectionId, objection.SubjectId, objection.PurposeKey, Ticks(objection.At), Ticks(objection.LiftedAt));
        return Task.CompletedTask;
    }

    public Task<bool> LiftObjectionAsync(string objectionId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(Run("UPDATE objections SET lifted_at = $p1 WHERE id = $p0 AND lifted_at IS NULL", cancellationToken, null, objectionId, Ticks(at)) > 0);

    public async Task LiftOpenObjectionsAsync(IReadOnlyList<string> objectionIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectionIds);
        foreach (var id in objectionIds) await LiftObjectionAsync(id, at, cancellationToken);
    }

    public Task AppendRestrictionAsync(RestrictionChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        Run("INSERT INTO restrictions (subject_id, restricted, at) VALUES ($p0, $p1, $p2)", cancellationToken, null, change.SubjectId, change.Restricted, Ticks(change.At));
        return Task.CompletedTask;
    }

    public Task PlaceLegalHoldAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        Run("INSERT INTO legal_holds (id, subject_id, reason, from_at, until_at, lifted_at) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", cancellationToken, VaultStoreException.Duplicate, hold.HoldId, hold.SubjectId, hold.Reason, Ticks(hold.From), Ticks(hold.Until), Ticks(hold.LiftedAt));
        return Task.CompletedTask;
    }

    public Task<bool> LiftLegalHoldAsync(string holdId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(Run("UPDATE legal_holds SET lifted_at = $p1 WHERE id = $p0 AND lifted_at IS NULL", cancellationToken, null, holdId, Ticks(at)) > 0);

    public Task AppendRelationshipEventAsync(RelationshipEvent relationshipEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relationshipEvent);
        Run("INSERT INTO relationship_events (subject_id, kind, event, at) VALUES ($p0, $p1, $p2, $p3)", cancellationToken, null, relationshipEvent.SubjectId, relationshipEvent.Kind, relationshipEvent.Event, Ticks(relationshipEvent.At));
        return Task.CompletedTask;
    }

    public Task AppendRecipientAuthorisationAsync(RecipientAuthorisation authorisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        Run("INSERT INTO recipient_authorisations (subject_id, recipient, given, at) VALUES ($p0, $p1, $p2, $p3)", cancellationToken, null, authorisation.SubjectId, authorisation.RecipientKey, authorisation.Given, Ticks(authorisation.At));
        return Task.CompletedTask;
    }

    public Task AppendGuardianConsentAsync(GuardianConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        Run("INSERT INTO guardian_consents (subject_id, given, at, guardian_ref) VALUES ($p0, $p1, $p2, $p3)", cancellationToken, null, consent.SubjectId, consent.Given, Ticks(consent.At), consent.GuardianReference);
        return Task.CompletedTask;
    }
}
