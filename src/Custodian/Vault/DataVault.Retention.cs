using System.Diagnostics;
using Custodian.Retention;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    private const int RetentionPageSize = 500;
    private const int RetentionBatchSize = 2000;

    /// <summary>
    /// Evaluates every live record against the retention rules at <paramref name="at"/> (now when null) and carries
    /// out what is due: delete, anonymise (IS9), archive to the management key (IS7), or move to the hold key when only
    /// a legal duty still needs the data (CK9). A legal hold on the person blocks all of it (CU6). Changes commit in
    /// batches, each with one audit entry per outcome naming counts, categories and rule ids, never values. Stale
    /// stored expiries are corrected, and rows of erased people still awaiting their purge are purged. With
    /// <paramref name="dryRun"/> nothing is written.
    /// </summary>
    public async Task<RetentionRunResult> RunRetentionAsync(DateTimeOffset? at, bool dryRun, IProgress<RetentionProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var when = at ?? _clock.GetUtcNow();
        var planner = _policy.Planner;
        var archiveKey = _archiveKey;
        var tallies = new Dictionary<(int Rule, string Category, RetentionOutcome Outcome), long>();
        var batch = new RetentionBatch();
        long subjects = 0, records = 0, acted = 0, corrected = 0, keyMissing = 0;
        string? after = null;
        while (true)
        {
            var page = await _store.ReadRetentionPageAsync(after, RetentionPageSize, cancellationToken);
            foreach (var subject in page)
            {
                subjects++;
                var anchors = new SubjectAnchors(subject, when);
                foreach (var record in subject.Records)
                {
                    records++;
                    var verdict = planner.Decide(record, anchors);
                    if (verdict.Outcome == RetentionOutcome.Keep)
                    {
                        if (verdict.ExpiresAt != record.ExpiresAt)
                        {
                            batch.Expiries.Add(new ExpiryUpdate(record.RecordId, verdict.ExpiresAt));
                            corrected++;
                        }

                        continue;
                    }

                    if (verdict.Outcome == RetentionOutcome.Archive && archiveKey is null)
                    {
                        keyMissing++;
                        continue;
                    }

                    var key = (verdict.RuleIndex, record.CategoryKey, verdict.Outcome);
                    tallies[key] = tallies.GetValueOrDefault(key) + 1;
                    if (verdict.Outcome is RetentionOutcome.Delete or RetentionOutcome.Anonymise or RetentionOutcome.Archive or RetentionOutcome.MoveToHold)
                    {
                        batch.Add(record, verdict);
                        acted++;
                    }
                }

                after = subject.SubjectId;
            }

            if (!dryRun && (batch.Count >= RetentionBatchSize || page.Count < RetentionPageSize)) await ApplyRetentionAsync(batch, planner, archiveKey, cancellationToken);
            if (dryRun) batch.Clear();
            progress?.Report(new RetentionProgress(subjects, records, acted));
            if (page.Count < RetentionPageSize) break;
        }

        var result = new RetentionRunResult
        {
            At = when,
            DryRun = dryRun,
            Subjects = subjects,
            Records = records,
            ExpiriesCorrected = corrected,
            ArchiveKeyMissing = keyMissing,
            Tallies = [.. tallies
                .Select(t => new RetentionTally(t.Key.Rule < 0 ? "-" : planner.Rules[t.Key.Rule].Id, t.Key.Category, t.Key.Outcome, t.Value))
                .OrderBy(t => t.RuleId, StringComparer.Ordinal).ThenBy(t => t.CategoryKey, StringComparer.Ordinal).ThenBy(t => t.Outcome)],
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
        if (!dryRun && (acted > 0 || keyMissing > 0))
        {
            await AuditAsync(new Audit.AuditEntry(_clock.GetUtcNow(), Audit.AuditEntry.SystemActor, "retention.run")
            {
                Count = acted,
                ReasonCodes = keyMissing > 0 ? ["archive_key_missing"] : [],
            }, cancellationToken);
        }

        // Rows of erased people still waiting (an erasure interrupted before its batched purge finished) go now.
        if (!dryRun) await PurgeErasedAsync(null, cancellationToken);

        return result;
    }
}
