using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.GdprBench;

/// <summary>
/// Custodian through <see cref="DataVault"/>, whatever the store: records are collected values of one category for a
/// purpose; objections, consents and erasure go through the vault's APIs; logs are the audit trail; TTL checks count
/// the records past their stored expiry. Every operation is decided and audited as in production. <c>afterLoad</c> runs
/// once the records are loaded (statistics for the planner, as the baseline's ANALYZE).
/// </summary>
internal sealed class CustodianSystem(string name, DataVault vault, KeyRing keys, IAsyncDisposable owner, Func<CancellationToken, Task>? afterLoad = null) : IGdprSystem
{
    private const string Actor = "gdprbench";
    private const int LoadBatch = 1_000;
    private static readonly string[] Categories = [BenchPurposes.Category];
    private readonly List<string> _subjects = [];

    public string Name => name;

    public async Task LoadAsync(IReadOnlyList<BenchRecord> records, CancellationToken cancellationToken)
    {
        for (var first = 0; first < records.Count; first += LoadBatch)
        {
            await using var tx = await vault.Store.BeginAsync(cancellationToken);
            var last = Math.Min(records.Count, first + LoadBatch);
            for (var i = first; i < last; i++)
            {
                var record = records[i];
                var subjectId = Ids.NewSubjectId();
                _subjects.Add(subjectId);
                using var key = keys.CreateSubjectKey(subjectId);
                using var sealer = key.CreateSealer();
                var recordId = Ids.NewRecordId();
                await tx.CreateSubjectAsync(new StoredSubject(subjectId, record.CollectedAt), cancellationToken);
                await tx.StoreSubjectKeyAsync(new WrappedSubjectKey(subjectId, key.KeyId, key.Wrapped, record.CollectedAt), cancellationToken);
                var sealedData = sealer.Seal(record.Data, new SealBinding(subjectId, BenchPurposes.Category, recordId));
                await tx.WriteRecordsAsync([new StoredRecord(recordId, subjectId, BenchPurposes.Category, RecordSource.Provided, record.Purpose, record.CollectedAt, record.ExpiresAt, SealingKeyKind.Subject, sealedData)], cancellationToken);
            }

            await tx.AppendAuditAsync(new AuditEntry(vault.Clock.GetUtcNow(), Actor, "record.write") { Count = last - first }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            Progress.Report(name, "load", last, records.Count);
        }

        if (afterLoad is not null) await afterLoad(cancellationToken);
    }

    public async Task InsertAsync(BenchRecord record, CancellationToken cancellationToken)
    {
        var enrolled = await vault.EnrollAsync(new NewSubject(), [new EnrollConsent(record.Purpose, "web_form")], record.Purpose, [new CollectValue(BenchPurposes.Category, record.Data)], Actor, cancellationToken);
        _subjects.Add(enrolled.SubjectId);
        var result = enrolled.Collected;
        if (result.Stored.Count != 1) throw new InvalidOperationException($"Insert of key {record.Key} was refused: {string.Join(", ", result.Refused.SelectMany(r => r.Reasons))}.");
    }

    public async Task<bool> ReadAsync(int key, int purpose, CancellationToken cancellationToken)
    {
        try
        {
            var result = await vault.ReadAsync(_subjects[key], BenchPurposes.All[purpose], null, Categories, Actor, cancellationToken);
            return result.Values.Count > 0;
        }
        catch (VaultException)
        {
            return false;
        }
    }

    public Task ReadMetadataAsync(int key, CancellationToken cancellationToken) =>
        vault.DecideAsync(_subjects[key], [.. BenchPurposes.All.Select(p => new DecisionQuestion(BenchPurposes.Category, p))], null, Actor, cancellationToken);

    public async Task UpdateDataAsync(int key, string data, CancellationToken cancellationToken)
    {
        try
        {
            await vault.RectifyAsync(_subjects[key], BenchPurposes.Category, data, Actor, cancellationToken);
        }
        catch (VaultException)
        {
            // Erased or expired: nothing to rectify, as the baseline's UPDATE touches no row.
        }
    }

    public Task SetObjectionAsync(int key, int purpose, bool objected, CancellationToken cancellationToken) => objected
        ? vault.ObjectAsync(_subjects[key], BenchPurposes.All[purpose], Actor, cancellationToken)
        : vault.LiftObjectionAsync(_subjects[key], BenchPurposes.All[purpose], Actor, cancellationToken);

    public Task SetConsentAsync(int key, bool given, CancellationToken cancellationToken) =>
        vault.RecordConsentAsync(_subjects[key], BenchPurposes.All[BenchPurposes.ConsentIndex], isPermission: false, given, isExplicit: false, "web_form", null, Actor, cancellationToken);

    public Task DeleteAsync(int key, CancellationToken cancellationToken) =>
        vault.EraseSubjectAsync(_subjects[key], "en", "erasure_request", Actor, cancellationToken);

    public async Task<int> ReadLogsAsync(int count, CancellationToken cancellationToken) =>
        (await vault.Store.ReadLatestAuditAsync(count, cancellationToken)).Count;

    public Task<long> CountExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        vault.Store.CountExpiredRecordsAsync(now, cancellationToken);

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
