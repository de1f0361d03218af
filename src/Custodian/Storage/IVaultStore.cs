using Custodian.Audit;
using Custodian.Crypto;

namespace Custodian.Storage;

/// <summary>
/// A store for the vault: subjects, lookup keys, wrapped keys, sealed records and events, the
/// per-subject ledgers the decision engine reads, and the audit chain. Holds only pseudonymous
/// ids, policy keys (stable strings), blind indexes and sealed bytes. Writes go through an
/// <see cref="IVaultTransaction"/>, so data and its audit entries commit together or not at all.
/// Every implementation passes the same conformance suite.
/// </summary>
public interface IVaultStore : IAuditChainSource, IDeviceStore, IStatisticsStore, IBreachStore, IPolicyVersionStore, ISignInChallengeStore, IUiKeyRingStore, IAsyncDisposable
{
    /// <summary>Starts a unit of work; only one is open at a time per store, others wait.</summary>
    Task<IVaultTransaction> BeginAsync(CancellationToken cancellationToken);

    /// <summary>The subject, or null when unknown. A merged subject is returned with <see cref="StoredSubject.MergedInto"/> set.</summary>
    Task<StoredSubject?> GetSubjectAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>The subjects merged into <paramref name="survivorId"/> (directly), oldest merge first.</summary>
    Task<IReadOnlyList<StoredSubject>> GetMergedSubjectsAsync(string survivorId, CancellationToken cancellationToken);

    /// <summary>The subject a blind index points at, or null.</summary>
    Task<string?> FindSubjectAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken);

    /// <summary>The subject's wrapped data key, or null when none exists or it was crypto-shredded.</summary>
    Task<WrappedSubjectKey?> GetSubjectKeyAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>The record, or null.</summary>
    Task<StoredRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>The subject's current records, optionally of one category, ordered by collection time.</summary>
    Task<IReadOnlyList<StoredRecord>> GetRecordsAsync(string subjectId, string? categoryKey, CancellationToken cancellationToken);

    /// <summary>Superseded versions of a rectified record, oldest first.</summary>
    Task<IReadOnlyList<RecordVersion>> GetRecordHistoryAsync(string recordId, CancellationToken cancellationToken);

    /// <summary>Records whose expiry is at or before <paramref name="at"/> and not yet erased, oldest expiry first.</summary>
    Task<IReadOnlyList<StoredRecord>> FindExpiredRecordsAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// How many records <see cref="FindExpiredRecordsAsync"/> would return without a limit: an indexed count of what is past
    /// its stored expiry and not yet erased, for a regulator's or a monitor's check without evaluating every retention rule.
    /// </summary>
    Task<long> CountExpiredRecordsAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The subject's events in <c>[since, until)</c>, optionally of one category, oldest first.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string subjectId, string? categoryKey, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken);

    /// <summary>How many events the subject has.</summary>
    Task<long> CountEventsAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>Everything the decision engine needs for one subject, in one call; null for an unknown subject.</summary>
    Task<SubjectState?> LoadSubjectStateAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes whenever anything <see cref="LoadSubjectStateAsync"/> returns for the subject changes
    /// (by any writer), matching <see cref="SubjectState.Version"/>; null when the store does not track it. Callers
    /// may reuse a loaded state while the number is unchanged; a store that returns null is always read afresh.
    /// </summary>
    Task<long?> GetSubjectStateVersionAsync(string subjectId, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    /// <summary>
    /// The subject's state version and records version in one lookup (see <see cref="SubjectVersions"/>). Callers read
    /// the versions before what they guard, so a copy is never labelled newer than it is.
    /// </summary>
    async Task<SubjectVersions> GetSubjectVersionsAsync(string subjectId, CancellationToken cancellationToken) =>
        new(await GetSubjectStateVersionAsync(subjectId, cancellationToken), null);

    /// <summary>
    /// A person's versions and whatever of their state and records the caller's copies (held at <paramref name="known"/>)
    /// lack: the state and the wrapped data key when the state version is not <paramref name="known"/>'s, and — when
    /// <paramref name="withRecords"/> — the records when their version is not <paramref name="known"/>'s or not tracked.
    /// What is returned is never older than the versions returned with it, so a copy is never labelled newer than it is.
    /// Stores override it to answer in one call (one round trip on PostgreSQL); the default composes the single calls,
    /// versions first.
    /// </summary>
    async Task<SubjectView> GetSubjectViewAsync(string subjectId, SubjectVersions known, bool withRecords, CancellationToken cancellationToken)
    {
        var versions = await GetSubjectVersionsAsync(subjectId, cancellationToken);
        var unchanged = versions.State is { } state && known.State == state;
        var loaded = unchanged ? null : await LoadSubjectStateAsync(subjectId, cancellationToken);
        var key = loaded is { HasDataKey: true } ? await GetSubjectKeyAsync(subjectId, cancellationToken) : null;
        var records = withRecords && (versions.Records is null || versions.Records != known.Records)
            ? await GetRecordsAsync(subjectId, null, cancellationToken)
            : null;
        return new SubjectView(versions, unchanged, loaded, key, records);
    }

    /// <summary>
    /// The person, their current records of one category in collection order and their wrapped data key, for a change
    /// to one of those records. Stores override it to answer in one call (one round trip on PostgreSQL).
    /// </summary>
    async Task<SubjectRecords> GetSubjectRecordsAsync(string subjectId, string categoryKey, CancellationToken cancellationToken) =>
        new(
            await GetSubjectAsync(subjectId, cancellationToken),
            await GetRecordsAsync(subjectId, categoryKey, cancellationToken),
            await GetSubjectKeyAsync(subjectId, cancellationToken));

    /// <summary>The latest <paramref name="count"/> audit entries, oldest first: what a reviewer reads from the head of the log.</summary>
    async Task<IReadOnlyList<AuditEntry>> ReadLatestAuditAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var head = await GetAuditHeadAsync(cancellationToken);
        return head.Sequence == 0 ? [] : await ReadAuditAsync(Math.Max(1, head.Sequence - count + 1), count, cancellationToken);
    }

    /// <summary>Audit entries with sequence ≥ <paramref name="fromSequence"/>, decoded from their canonical bodies.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The last sequence number and hash of the audit chain.</summary>
    Task<AuditChainHead> GetAuditHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Physically deletes up to <paramref name="batchSize"/> rows made unreadable by crypto-shredding
    /// (records sealed under a destroyed subject key, and events). Returns the rows deleted; fewer than <paramref name="batchSize"/>
    /// means nothing was left and the people finished are marked purged, so later calls never walk them again.
    /// </summary>
    Task<int> PurgeShreddedAsync(int batchSize, CancellationToken cancellationToken);

    #region Requests

    /// <summary>The data-subject request, or null.</summary>
    Task<Requests.StoredRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Requests matching the filters, the soonest due first (then by id), at most <see cref="Requests.RequestQuery.Limit"/>.</summary>
    Task<IReadOnlyList<Requests.StoredRequest>> ListRequestsAsync(Requests.RequestQuery query, CancellationToken cancellationToken);

    /// <summary>A request's status history, oldest first.</summary>
    Task<IReadOnlyList<Requests.RequestStatusChange>> GetRequestHistoryAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Keyset paging over all of a subject's events in (time, id) order: those after <paramref name="afterAt"/>/<paramref name="afterId"/>
    /// (from the first when <paramref name="afterId"/> is null), so an export of millions of events runs in bounded memory.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAfterAsync(string subjectId, DateTimeOffset afterAt, string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Streams up to <paramref name="limit"/> of a subject's events after <paramref name="cursor"/> to
    /// <paramref name="visitor"/> in (time, id) order, advancing the cursor past each event visited; returns how many
    /// were visited (fewer than the limit at the end, or when the visitor stopped). Stores override it to hand out
    /// their own buffers; the default pages through <see cref="GetEventsAfterAsync"/>.
    /// </summary>
    async Task<int> VisitEventsAsync(string subjectId, EventCursor cursor, int limit, ISealedEventVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(visitor);
        var page = await GetEventsAfterAsync(subjectId, cursor.At, cursor.EventId, limit, cancellationToken);
        var visited = 0;
        foreach (var stored in page)
        {
            var row = new SealedEventRow
            {
                Utf8EventId = System.Text.Encoding.UTF8.GetBytes(stored.EventId),
                KeyOwnerId = stored.EffectiveKeyOwnerId,
                CategoryKey = stored.CategoryKey,
                At = stored.At,
                DeviceId = stored.DeviceId,
                Sealed = stored.Sealed,
            };
            if (!visitor.VisitEvent(row)) break;
            (cursor.At, cursor.EventId) = (stored.At, stored.EventId);
            visited++;
        }

        return visited;
    }

    /// <summary>Subject ids after <paramref name="afterId"/> in id order (every subject, merged and shredded included), for sweeps.</summary>
    Task<IReadOnlyList<string>> ListSubjectIdsAsync(string? afterId, int limit, CancellationToken cancellationToken);

    #endregion

    #region Outbox

    /// <summary>Pending messages whose next attempt is due at <paramref name="at"/>, oldest first.</summary>
    Task<IReadOnlyList<Notifications.OutboxMessage>> GetDueMessagesAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken);

    /// <summary>The messages of a request (every status), oldest first; all messages when <paramref name="requestId"/> is null.</summary>
    Task<IReadOnlyList<Notifications.OutboxMessage>> GetMessagesAsync(string? requestId, CancellationToken cancellationToken);

    #endregion

    #region Retention

    /// <summary>
    /// Up to <paramref name="maxSubjects"/> subjects with id greater than <paramref name="afterSubjectId"/> (all when null)
    /// that still have a live record, ordered by id, each with its live records and retention anchors. A sweep pages
    /// through every subject with it.
    /// </summary>
    Task<IReadOnlyList<RetentionSubject>> ReadRetentionPageAsync(string? afterSubjectId, int maxSubjects, CancellationToken cancellationToken);

    /// <summary>One subject's live records and retention anchors, or null for an unknown subject.</summary>
    Task<RetentionSubject?> LoadRetentionSubjectAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>
    /// One subject's retention anchors (relationships, consents, holds, last event, shredding) without their records,
    /// for planning the expiry of new records without reading every old one; null for an unknown subject.
    /// </summary>
    async Task<RetentionSubject?> LoadRetentionAnchorsAsync(string subjectId, CancellationToken cancellationToken) =>
        await LoadRetentionSubjectAsync(subjectId, cancellationToken) is { } subject ? subject with { Records = [] } : null;

    /// <summary>Archives holding an item about <paramref name="subjectId"/> (every archive when null), with only those items, oldest first.</summary>
    Task<IReadOnlyList<StoredArchive>> ReadArchivesAsync(string? subjectId, CancellationToken cancellationToken);

    /// <summary>The anonymous statistics anonymised records became, ordered by category, purpose, month and class.</summary>
    Task<IReadOnlyList<AnonymousCount>> ReadAnonymousCountsAsync(CancellationToken cancellationToken);

    #endregion

    #region Console

    /// <summary>Every consent ledger entry of every person (merged and erased ones included), oldest first: consent rates over time, from keys and ids only.</summary>
    IAsyncEnumerable<ConsentEntry> ScanConsentsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Live records (neither erased nor crypto-shredded) counted per category and calendar month (UTC) of their expiry, for expiries
    /// before <paramref name="until"/>; an expiry before <paramref name="from"/> counts in the month of <paramref name="from"/>, and
    /// records whose expiry waits for an event count with a null month.
    /// </summary>
    Task<IReadOnlyList<ExpiryCount>> CountExpiriesAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>A person's events counted per category with the first and last time, reading no value.</summary>
    Task<IReadOnlyList<EventCategoryCount>> CountEventsByCategoryAsync(string subjectId, CancellationToken cancellationToken);

    #endregion
}
