using System.Globalization;
using System.Text;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Retention;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>Commits one batch of a retention run: values opened only where the outcome needs them, everything in one transaction.</summary>
    private async Task ApplyRetentionAsync(RetentionBatch batch, RetentionPlanner planner, ArchivePublicKey? archiveKey, CancellationToken cancellationToken)
    {
        if (batch.Count == 0 && batch.Expiries.Count == 0) return;
        var now = _clock.GetUtcNow();
        var erase = new List<string>();
        var counts = new Dictionary<(string Category, string Purpose, string Month, string Class), long>();
        var archived = new List<ArchivedValue>();
        var holds = new List<(string RecordId, byte[] Sealed, DateTimeOffset? ExpiresAt)>();
        var sealers = new Dictionary<string, RecordSealer?>(StringComparer.Ordinal);
        try
        {
            foreach (var (record, verdict) in batch.Items)
            {
                if (verdict.Outcome == RetentionOutcome.Delete)
                {
                    erase.Add(record.RecordId);
                    continue;
                }

                var stored = await _store.GetRecordAsync(record.RecordId, cancellationToken);
                if (stored?.Sealed is null || stored.ErasedAt is not null) continue;
                var sealer = await SealerForAsync(stored, sealers, cancellationToken);
                var binding = new SealBinding(stored.EffectiveKeyOwnerId, stored.CategoryKey, stored.RecordId);
                var value = sealer?.OpenString(stored.Sealed, binding);
                switch (verdict.Outcome)
                {
                    case RetentionOutcome.Anonymise:
                        var cell = (stored.CategoryKey, stored.PurposeKey, stored.CollectedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), value is null ? "unknown" : AnonymousValueClass.Of(value));
                        counts[cell] = counts.GetValueOrDefault(cell) + 1;
                        erase.Add(stored.RecordId);
                        break;
                    case RetentionOutcome.Archive when value is not null && archiveKey is not null:
                        archived.Add(new ArchivedValue(stored.RecordId, stored.SubjectId, stored.CategoryKey, stored.PurposeKey, planner.Rules[verdict.RuleIndex].Id, stored.CollectedAt, value));
                        erase.Add(stored.RecordId);
                        break;
                    case RetentionOutcome.MoveToHold when value is not null:
                        if (!sealers.TryGetValue(HoldSealerKey, out var hold)) sealers[HoldSealerKey] = hold = _keys.CreateHoldSealer();
                        holds.Add((stored.RecordId, hold!.Seal(Encoding.UTF8.GetBytes(value), binding), verdict.ExpiresAt));
                        break;
                }
            }
        }
        finally
        {
            foreach (var sealer in sealers.Values) sealer?.Dispose();
        }

        var archive = archived.Count > 0 ? archiveKey!.Seal(Ids.New("arc"), now, archived) : null;
        await using var tx = await _store.BeginAsync(cancellationToken);
        if (batch.Expiries.Count > 0) await tx.UpdateRecordExpiriesAsync(batch.Expiries, cancellationToken);
        if (archive is not null) await tx.WriteArchiveAsync(archive, cancellationToken);
        if (counts.Count > 0) await tx.AddAnonymousCountsAsync([.. counts.Select(c => new AnonymousCount(c.Key.Category, c.Key.Purpose, c.Key.Month, c.Key.Class, c.Value))], cancellationToken);
        foreach (var (recordId, sealedValue, expiresAt) in holds) await tx.MoveRecordToHoldAsync(recordId, sealedValue, expiresAt, cancellationToken);
        if (erase.Count > 0) await tx.EraseRecordsAsync(erase, now, cancellationToken);
        foreach (var group in batch.Items.GroupBy(i => i.Verdict.Outcome))
        {
            var details = group.GroupBy(i => i.Verdict.RuleIndex >= 0 ? planner.Rules[i.Verdict.RuleIndex].Id : "none", StringComparer.Ordinal)
                .Take(AuditEntry.MaxDetails - 1)
                .ToDictionary(g => "rule." + g.Key, g => AuditToken.Number(g.Count()), StringComparer.Ordinal);
            if (group.Key == RetentionOutcome.Archive && archive is not null) details["archive"] = archive.ArchiveId;
            await tx.AppendAuditAsync(new AuditEntry(now, AuditEntry.SystemActor, "retention." + ActionName(group.Key))
            {
                Categories = Distinct(group.Select(i => i.Record.CategoryKey)),
                Count = group.Count(),
                Details = details,
            }, cancellationToken);
        }

        if (batch.Count == 0)
        {
            await tx.AppendAuditAsync(new AuditEntry(now, AuditEntry.SystemActor, "retention.expiry") { Count = batch.Expiries.Count }, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        batch.Clear();
    }

    private const string HoldSealerKey = "\0hold";

    private static string ActionName(RetentionOutcome outcome) => outcome switch
    {
        RetentionOutcome.Anonymise => "anonymise",
        RetentionOutcome.Archive => "archive",
        RetentionOutcome.MoveToHold => "hold_copy",
        _ => "delete",
    };
}
