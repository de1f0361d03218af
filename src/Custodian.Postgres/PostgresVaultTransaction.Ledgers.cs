using Custodian.Storage;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>The per-subject ledgers (consent, objections, restriction, holds, relationships, authorisations, guardians).</summary>
internal sealed partial class PostgresVaultTransaction
{
    public Task AppendConsentAsync(ConsentEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return DeferAsync(
            "INSERT INTO consents (id, subject_id, key, kind, given, explicit, policy_version, method, evidence, at, recorded_at, controller, legal_basis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            VaultStoreException.Duplicate,
            entry.ConsentId, entry.SubjectId, entry.Key, (int)entry.Kind, entry.Given, entry.Explicit, entry.PolicyVersion, entry.Method, entry.Evidence, Ticks(entry.At), Ticks(entry.RecordedAt ?? entry.At), entry.Controller, entry.LegalBasis);
    }

    public Task AddObjectionAsync(Objection objection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return DeferAsync(
            "INSERT INTO objections (id, subject_id, purpose, at, lifted_at) VALUES ($1, $2, $3, $4, $5)",
            VaultStoreException.Duplicate,
            objection.ObjectionId, objection.SubjectId, objection.PurposeKey, Ticks(objection.At), Ticks(objection.LiftedAt));
    }

    public async Task<bool> LiftObjectionAsync(string objectionId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await RunAsync("UPDATE objections SET lifted_at = $2 WHERE id = $1 AND lifted_at IS NULL", VaultStoreException.Duplicate, cancellationToken, objectionId, Ticks(at)) > 0;

    // Held back and sent with the unit's other statements: one round trip for the lift, its audit entry and any check.
    public Task LiftOpenObjectionsAsync(IReadOnlyList<string> objectionIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectionIds);
        return objectionIds.Count == 0
            ? Task.CompletedTask
            : DeferAsync("UPDATE objections SET lifted_at = $2 WHERE id = ANY($1) AND lifted_at IS NULL", VaultStoreException.Duplicate, objectionIds.ToArray(), Ticks(at));
    }

    public Task AppendRestrictionAsync(RestrictionChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return DeferAsync("INSERT INTO restrictions (subject_id, restricted, at) VALUES ($1, $2, $3)", VaultStoreException.Duplicate, change.SubjectId, change.Restricted, Ticks(change.At));
    }

    public Task PlaceLegalHoldAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return DeferAsync(
            "INSERT INTO legal_holds (id, subject_id, reason, from_at, until_at, lifted_at) VALUES ($1, $2, $3, $4, $5, $6)",
            VaultStoreException.Duplicate,
            hold.HoldId, hold.SubjectId, hold.Reason, Ticks(hold.From), Ticks(hold.Until), Ticks(hold.LiftedAt));
    }

    public async Task<bool> LiftLegalHoldAsync(string holdId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await RunAsync("UPDATE legal_holds SET lifted_at = $2 WHERE id = $1 AND lifted_at IS NULL", VaultStoreException.Duplicate, cancellationToken, holdId, Ticks(at)) > 0;

    public Task AppendRelationshipEventAsync(RelationshipEvent relationshipEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relationshipEvent);
        return DeferAsync(
            "INSERT INTO relationship_events (subject_id, kind, event, at) VALUES ($1, $2, $3, $4)",
            VaultStoreException.Duplicate,
            relationshipEvent.SubjectId, relationshipEvent.Kind, relationshipEvent.Event, Ticks(relationshipEvent.At));
    }

    public Task AppendRecipientAuthorisationAsync(RecipientAuthorisation authorisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        return DeferAsync(
            "INSERT INTO recipient_authorisations (subject_id, recipient, given, at) VALUES ($1, $2, $3, $4)",
            VaultStoreException.Duplicate,
            authorisation.SubjectId, authorisation.RecipientKey, authorisation.Given, Ticks(authorisation.At));
    }

    public Task AppendGuardianConsentAsync(GuardianConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return DeferAsync(
            "INSERT INTO guardian_consents (subject_id, given, at, guardian_ref) VALUES ($1, $2, $3, $4)",
            VaultStoreException.Duplicate,
            consent.SubjectId, consent.Given, Ticks(consent.At), consent.GuardianReference);
    }
}
