using Custodian.Audit;
using Custodian.Crypto;

namespace Custodian.Storage;

/// <summary>
/// A unit of work: every write made through it, including its audit entries, commits together in
/// <see cref="CommitAsync"/> or not at all. Disposing without committing rolls back.
/// </summary>
public interface IVaultTransaction : IDeviceTransaction, IBreachTransaction, IPolicyVersionTransaction, ISignInChallengeTransaction, IUiKeyRingTransaction, IAsyncDisposable
{
    /// <summary>Creates a subject.</summary>
    /// <exception cref="VaultStoreException"><c>STORE002</c> when the id exists.</exception>
    Task CreateSubjectAsync(StoredSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the unit of work depend on the subject being live (existing, neither merged into another nor erased). A
    /// store may check at once or, to save a round trip, send the check ahead of the unit's writes later; either way a
    /// unit of work whose subject is not live writes nothing.
    /// </summary>
    /// <exception cref="VaultStoreException"><c>STORE008</c> when the subject is not live, here or at the statement or commit that runs the check.</exception>
    Task RequireLiveSubjectAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the unit of work depend on the subject's state version (<see cref="IVaultStore.GetSubjectVersionsAsync"/>)
    /// still being <paramref name="stateVersion"/> and, when <paramref name="recordsVersion"/> is given, their records
    /// version still being that: what the unit records was decided on those copies. Checked at once or sent ahead of
    /// the unit's writes, as <see cref="RequireLiveSubjectAsync"/>; either way a unit of work whose subject moved on
    /// writes nothing.
    /// </summary>
    /// <exception cref="VaultStoreException"><c>STORE009</c> when a version differs, here or at the statement or commit that runs the check.</exception>
    Task RequireSubjectVersionAsync(string subjectId, long stateVersion, long? recordsVersion, CancellationToken cancellationToken);

    /// <summary>Points a blind index at a subject.</summary>
    /// <exception cref="VaultStoreException"><c>STORE005</c> when it already points at a subject.</exception>
    Task AddLookupKeyAsync(string subjectId, LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken);

    /// <summary>Removes a blind index; false when absent.</summary>
    Task<bool> RemoveLookupKeyAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken);

    /// <summary>Stores a subject's wrapped data key.</summary>
    Task StoreSubjectKeyAsync(WrappedSubjectKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Crypto-shreds a subject: deletes its wrapped data key (and those of subjects merged into it)
    /// and its lookup keys, deletes its pending sign-ins, and marks it shredded. Costs the same for any amount of data; the rows
    /// go through <see cref="PurgeShreddedSubjectAsync"/> or later <see cref="IVaultStore.PurgeShreddedAsync"/>. Returns the keys destroyed.
    /// </summary>
    Task<int> ShredSubjectAsync(string subjectId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Physically deletes, in this transaction, the rows shredding made unreadable for one shredded subject (and the
    /// subjects merged into it): events, records sealed under the subject key, devices; then marks them purged. Only
    /// when there are at most <paramref name="limit"/> such rows: with more it deletes nothing and returns -1, leaving
    /// them to <see cref="IVaultStore.PurgeShreddedAsync"/> in batches. Returns the rows deleted (0 for a subject not shredded).
    /// </summary>
    Task<int> PurgeShreddedSubjectAsync(string subjectId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// What an erasure does to the store: <see cref="ShredSubjectAsync"/> and then <see cref="PurgeShreddedSubjectAsync"/>
    /// for the same subject, in this transaction, with the same results. A store may do both in one call to its server.
    /// </summary>
    /// <exception cref="VaultStoreException"><c>STORE001</c> when the subject does not exist.</exception>
    Task<ShredAndPurgeResult> ShredAndPurgeSubjectAsync(string subjectId, DateTimeOffset at, int limit, CancellationToken cancellationToken);

    /// <summary>Writes new records.</summary>
    /// <exception cref="VaultStoreException"><c>STORE002</c> for an existing record id.</exception>
    Task WriteRecordsAsync(IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a record's value: the old version's metadata goes to history, its ciphertext is
    /// destroyed. Returns the new version number.
    /// </summary>
    /// <exception cref="VaultStoreException"><c>STORE003</c> for an unknown record.</exception>
    Task<int> RectifyRecordAsync(string recordId, byte[] sealedValue, RecordSource source, string purposeKey, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>Destroys a record's ciphertext and keeps its metadata; false when unknown or already erased.</summary>
    Task<bool> EraseRecordAsync(string recordId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Appends a batch of events.</summary>
    Task AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>Appends to the consent ledger.</summary>
    Task AppendConsentAsync(ConsentEntry entry, CancellationToken cancellationToken);

    /// <summary>Records an objection.</summary>
    Task AddObjectionAsync(Objection objection, CancellationToken cancellationToken);

    /// <summary>Lifts an objection; false when unknown or already lifted.</summary>
    Task<bool> LiftObjectionAsync(string objectionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Lifts those of <paramref name="objectionIds"/> still open, with no answer back, so a store may send it with the
    /// unit's other writes: the caller knows which are open from the state it decided on (and makes the unit depend
    /// on that state with <see cref="RequireSubjectVersionAsync"/>).
    /// </summary>
    Task LiftOpenObjectionsAsync(IReadOnlyList<string> objectionIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Appends a restriction switch.</summary>
    Task AppendRestrictionAsync(RestrictionChange change, CancellationToken cancellationToken);

    /// <summary>Places a legal hold.</summary>
    Task PlaceLegalHoldAsync(LegalHold hold, CancellationToken cancellationToken);

    /// <summary>Lifts a legal hold; false when unknown or already lifted.</summary>
    Task<bool> LiftLegalHoldAsync(string holdId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Appends a relationship event.</summary>
    Task AppendRelationshipEventAsync(RelationshipEvent relationshipEvent, CancellationToken cancellationToken);

    /// <summary>Appends a recipient authorisation change.</summary>
    Task AppendRecipientAuthorisationAsync(RecipientAuthorisation authorisation, CancellationToken cancellationToken);

    /// <summary>Appends a guardian consent change.</summary>
    Task AppendGuardianConsentAsync(GuardianConsent consent, CancellationToken cancellationToken);

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>: lookups, records, events and
    /// ledgers move to the survivor (sealed values keep their key owner so they still open), and the
    /// merged subject stays as history, marked merged-into.
    /// </summary>
    /// <exception cref="VaultStoreException"><c>STORE001</c> unknown subject; <c>STORE006</c> same or already merged.</exception>
    Task MergeSubjectsAsync(string survivorId, string mergedId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Chains an audit entry (assigning its sequence number) and writes a checkpoint when one is due. A store may link
    /// it to the head it last committed and link it again at commit if another process moved the chain meanwhile, so
    /// with several writers the sequence number returned is final only once the transaction commits.
    /// </summary>
    Task<AuditEntry> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Writes a signed checkpoint at the current chain head; null when the log is empty.</summary>
    Task<AuditCheckpoint?> WriteAuditCheckpointAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Makes every write of this unit of work durable and visible.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Discards every write of this unit of work.</summary>
    Task RollbackAsync(CancellationToken cancellationToken);

    #region Requests

    /// <summary>Creates or replaces a data-subject request.</summary>
    Task SaveRequestAsync(Requests.StoredRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a data-subject request only while the stored one still has <paramref name="expectedStatus"/> and
    /// <paramref name="expectedCodeAttempts"/> wrong codes, as it was read; false (nothing written) when another writer
    /// changed it first or it is unknown. Two calls completing, verifying or extending one request at once thus cannot
    /// both succeed.
    /// </summary>
    Task<bool> UpdateRequestAsync(Requests.StoredRequest request, Requests.RequestStatus expectedStatus, int expectedCodeAttempts, CancellationToken cancellationToken);

    /// <summary>Appends to a request's status history.</summary>
    Task AppendRequestHistoryAsync(Requests.RequestStatusChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a record's ciphertext with the same value sealed under another key (the hold key, before an erasure),
    /// keeping its version and history, and sets its expiry. False when the record is unknown or erased.
    /// </summary>
    Task<bool> ResealRecordAsync(string recordId, byte[] sealedValue, SealingKeyKind keyKind, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    #endregion

    #region Outbox

    /// <summary>Queues a message.</summary>
    Task EnqueueMessageAsync(Notifications.OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Records a delivery outcome (status, attempts, next attempt, sent time, error; sealed content cleared when null).</summary>
    Task UpdateMessageAsync(Notifications.OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a due message for one sender until <paramref name="leaseUntil"/>: its next attempt moves there, but only while
    /// it is still pending and due at <paramref name="dueAt"/> as read. False when another sender (in this process or
    /// another server) took it first; a sender that dies holding it leaves it to be retried when the lease runs out.
    /// </summary>
    Task<bool> ClaimMessageAsync(string messageId, DateTimeOffset dueAt, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    #endregion

    #region Retention

    /// <summary>Sets the expiry of many records at once; returns how many existed.</summary>
    Task<int> UpdateRecordExpiriesAsync(IReadOnlyList<ExpiryUpdate> updates, CancellationToken cancellationToken);

    /// <summary>Destroys the ciphertext of many records and keeps their metadata; returns how many were live.</summary>
    Task<int> EraseRecordsAsync(IReadOnlyList<string> recordIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a live record's value with a copy sealed under the hold key, usable only for legal obligations, with a
    /// new expiry; false when the record is unknown or erased.
    /// </summary>
    Task<bool> MoveRecordToHoldAsync(string recordId, byte[] sealedValue, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>Writes an archive and its items.</summary>
    /// <exception cref="VaultStoreException"><c>STORE002</c> for an existing archive id.</exception>
    Task WriteArchiveAsync(StoredArchive archive, CancellationToken cancellationToken);

    /// <summary>Adds counts to the anonymous statistics, cell by cell (a cell that exists grows).</summary>
    Task AddAnonymousCountsAsync(IReadOnlyList<AnonymousCount> counts, CancellationToken cancellationToken);

    #endregion
}
