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
public interface IVaultStore : IAuditChainSource, IAsyncDisposable
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

    /// <summary>The subject's events in <c>[since, until)</c>, optionally of one category, oldest first.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string subjectId, string? categoryKey, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken);

    /// <summary>How many events the subject has.</summary>
    Task<long> CountEventsAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>Everything the decision engine needs for one subject, in one call; null for an unknown subject.</summary>
    Task<SubjectState?> LoadSubjectStateAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>Audit entries with sequence ≥ <paramref name="fromSequence"/>, decoded from their canonical bodies.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(long fromSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The last sequence number and hash of the audit chain.</summary>
    Task<AuditChainHead> GetAuditHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Physically deletes up to <paramref name="batchSize"/> rows made unreadable by crypto-shredding
    /// (records sealed under a destroyed subject key, and events). Returns the rows deleted; call until 0.
    /// </summary>
    Task<int> PurgeShreddedAsync(int batchSize, CancellationToken cancellationToken);

    #region Retention

    /// <summary>
    /// Up to <paramref name="maxSubjects"/> subjects with id greater than <paramref name="afterSubjectId"/> (all when null)
    /// that still have a live record, ordered by id, each with its live records and retention anchors. A sweep pages
    /// through every subject with it.
    /// </summary>
    Task<IReadOnlyList<RetentionSubject>> ReadRetentionPageAsync(string? afterSubjectId, int maxSubjects, CancellationToken cancellationToken);

    /// <summary>One subject's live records and retention anchors, or null for an unknown subject.</summary>
    Task<RetentionSubject?> LoadRetentionSubjectAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>Archives holding an item about <paramref name="subjectId"/> (every archive when null), with only those items, oldest first.</summary>
    Task<IReadOnlyList<StoredArchive>> ReadArchivesAsync(string? subjectId, CancellationToken cancellationToken);

    /// <summary>The anonymous statistics anonymised records became, ordered by category, purpose, month and class.</summary>
    Task<IReadOnlyList<AnonymousCount>> ReadAnonymousCountsAsync(CancellationToken cancellationToken);

    #endregion
}
