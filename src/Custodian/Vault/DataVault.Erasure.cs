using System.Globalization;
using System.Security.Cryptography;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Requests;
using Custodian.Retention;
using Custodian.Statement;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>Rows deleted per purge transaction: large enough to be fast, small enough not to block writers for long.</summary>
    public const int PurgeBatchSize = 20_000;

    /// <summary>
    /// Erases a person (Art. 17). Values a legal duty requires keeping (retention rules with <c>legal_duty: true</c> covering the
    /// record's category and purpose; never marketing, never secrets) are first re-sealed under the hold key, where only the
    /// legal-obligation purpose can use them; then the person's data key is destroyed (crypto-shredding: every copy becomes
    /// unreadable at once) and their rows are purged in the same transaction, or, past <see cref="PurgeBatchSize"/> rows,
    /// in batches right after it. An active legal hold blocks the erasure and changes nothing. Erasing an erased person
    /// again is harmless.
    /// </summary>
    /// <param name="subjectId">The person.</param>
    /// <param name="language">The language of the reasons in the answer.</param>
    /// <param name="reasonCode">Why (<c>erasure_request</c>, <c>child_without_guardian</c>), audited.</param>
    /// <param name="actor">Who erases.</param>
    /// <param name="cancellationToken">Cancels the erasure before the shred commits.</param>
    public async Task<ErasureResult> EraseSubjectAsync(string subjectId, string language, string reasonCode, string actor, CancellationToken cancellationToken)
    {
        // One store call for the person, their records and the state the decisions use (reused while unchanged).
        var (cached, _, records) = await SubjectViewAsync(subjectId, withRecords: true, cancellationToken);
        var state = cached.State;
        var now = _clock.GetUtcNow();
        var text = StatementText.For(language) ?? StatementText.En;

        if (state.Subject.ShreddedAt is not null)
        {
            var purgedAgain = await PurgeErasedAsync(null, cancellationToken);
            await AuditAsync(new AuditEntry(now, actor, "subject.erase") { SubjectId = subjectId, ReasonCodes = [reasonCode, "already_erased"], Count = purgedAgain }, cancellationToken);
            return new ErasureResult(subjectId, ErasureOutcome.AlreadyErased, [], KeptSummary(records.Where(IsHeld).Select(r => (r, HoldingRule(r), r.ExpiresAt)), text), 0, purgedAgain);
        }

        var hold = state.LegalHolds.FirstOrDefault(h => h.From <= now && h.LiftedAt is null && (h.Until is null || h.Until > now));
        if (hold is not null)
        {
            await AuditAsync(new AuditEntry(now, actor, "subject.erase.blocked") { SubjectId = subjectId, ReasonCodes = [reasonCode, "legal_hold", hold.Reason] }, cancellationToken);
            return new ErasureResult(subjectId, ErasureOutcome.BlockedByLegalHold, [], [], 0, 0) { HoldReason = hold.Reason, HoldUntil = hold.Until };
        }

        var reseals = new List<(StoredRecord Record, RetentionRule Rule, DateTimeOffset? Until, byte[] Sealed)>();
        var erased = new SortedSet<string>(StringComparer.Ordinal);
        var sealers = new Dictionary<string, RecordSealer?>(StringComparer.Ordinal);
        using (var holdSealer = _keys.CreateHoldSealer())
        {
            try
            {
                foreach (var record in records)
                {
                    if (record.Sealed is null || record.ErasedAt is not null || record.KeyKind == SealingKeyKind.Hold) continue;
                    var rule = LegalDutyRule(record);
                    var sealer = rule is null ? null : await SealerForAsync(record, cached, sealers, cancellationToken);
                    if (rule is null || sealer is null)
                    {
                        erased.Add(record.CategoryKey);
                        continue;
                    }

                    var binding = new SealBinding(record.EffectiveKeyOwnerId, record.CategoryKey, record.RecordId);
                    var plain = sealer.Open(record.Sealed, binding);
                    try
                    {
                        reseals.Add((record, rule, HeldUntil(rule, record, state, now), holdSealer.Seal(plain, binding)));
                    }
                    finally
                    {
                        CryptographicOperations.ZeroMemory(plain);
                    }
                }
            }
            finally
            {
                foreach (var sealer in sealers.Values) sealer?.Dispose();
            }
        }

        int destroyed;
        long purged;
        await using (var tx = await _store.BeginAsync(cancellationToken))
        {
            foreach (var (record, _, until, sealedValue) in reseals) await tx.ResealRecordAsync(record.RecordId, sealedValue, SealingKeyKind.Hold, until, cancellationToken);
            // Most people's rows go in this same transaction; -1 means too many for one, purged in batches below.
            var shredded = await tx.ShredAndPurgeSubjectAsync(subjectId, now, PurgeBatchSize, cancellationToken);
            destroyed = shredded.KeysDestroyed;
            purged = shredded.RowsPurged;
            await tx.AppendAuditAsync(new AuditEntry(now, actor, "subject.erase")
            {
                SubjectId = subjectId,
                ReasonCodes = [reasonCode],
                Categories = Distinct(erased),
                Count = destroyed,
                Details = new Dictionary<string, string>
                {
                    ["kept"] = AuditToken.Number(reseals.Count),
                    ["kept_rules"] = string.Join('+', reseals.Select(r => r.Rule.Id).Distinct().DefaultIfEmpty("none")),
                },
            }, cancellationToken);
            await tx.AppendAuditAsync(new AuditEntry(now, AuditEntry.SystemActor, "key.shred") { SubjectId = subjectId, Count = destroyed }, cancellationToken);
            if (purged > 0) await tx.AppendAuditAsync(new AuditEntry(now, AuditEntry.SystemActor, "purge.shredded") { SubjectId = subjectId, Count = purged }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        ForgetState(subjectId);
        if (purged < 0) purged = await PurgeErasedAsync(null, cancellationToken);
        var kept = KeptSummary(reseals.Select(r => (r.Record, (RetentionRule?)r.Rule, r.Until)), text);
        return new ErasureResult(subjectId, ErasureOutcome.Erased, [.. erased], kept, destroyed, purged);
    }

    /// <summary>
    /// Physically deletes rows made unreadable by crypto-shredding, in batches of <see cref="PurgeBatchSize"/>; reports rows deleted
    /// so far after every batch. Audited once with the total.
    /// </summary>
    public async Task<long> PurgeErasedAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            // A short batch means the store found nothing more and marked the people it finished as purged: no second pass.
            var deleted = await _store.PurgeShreddedAsync(PurgeBatchSize, cancellationToken);
            total += deleted;
            if (deleted > 0) progress?.Report(total);
            if (deleted < PurgeBatchSize) break;
        }

        if (total > 0) await AuditAsync(new AuditEntry(_clock.GetUtcNow(), AuditEntry.SystemActor, "purge.shredded") { Count = total }, cancellationToken);
        return total;
    }

    /// <summary>
    /// Erases every person under the policy's minimum age who has no guardian's consent now (CR12: data found collected
    /// without it is deleted). Returns the ids erased. Runs over all subjects in id order, a page at a time.
    /// </summary>
    public async Task<IReadOnlyList<string>> EraseChildrenWithoutGuardianAsync(string actor, CancellationToken cancellationToken)
    {
        var children = Policy.Document.Children;
        var erased = new List<string>();
        if (children.MinimumAge is not { } minimum) return erased;
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        string? after = null;
        while (true)
        {
            var page = await _store.ListSubjectIdsAsync(after, 500, cancellationToken);
            if (page.Count == 0) break;
            after = page[^1];
            foreach (var id in page)
            {
                var subject = await _store.GetSubjectAsync(id, cancellationToken);
                if (subject is null || subject.MergedInto is not null || subject.ShreddedAt is not null || subject.BirthDateSealed is null) continue;
                var (_, facts) = await LoadFactsAsync(id, cancellationToken);
                if (facts.BirthDate is not { } born || born.AddYears(minimum) <= today) continue;
                var guardian = facts.GuardianConsents.LastOrDefault(g => g.At <= _clock.GetUtcNow());
                if (children.GuardianConsent && guardian is { On: true }) continue;
                var result = await EraseSubjectAsync(id, Policy.Document.Languages[0], "child_without_guardian", actor, cancellationToken);
                if (result.Outcome == ErasureOutcome.Erased) erased.Add(id);
            }
        }

        return erased;
    }

    private static bool IsHeld(StoredRecord record) => record.KeyKind == SealingKeyKind.Hold && record.Sealed is not null && record.ErasedAt is null;

    /// <summary>The legal-duty rule that keeps a record through erasure; never for marketing (IS8) or secrets (CK1).</summary>
    private RetentionRule? LegalDutyRule(StoredRecord record)
    {
        if (record.PurposeKey.StartsWith("marketing", StringComparison.Ordinal)) return null;
        if (Policy.TryGetCategory(record.CategoryKey, out var id) && Policy.Category(id).Sensitivity.HasFlag(CategorySensitivity.Secret)) return null;
        RetentionRule? longest = null;
        foreach (var rule in Policy.Document.Retention.Rules)
        {
            if (!rule.LegalDuty || !RetentionScope.Covers(rule, record.CategoryKey, record.PurposeKey)) continue;
            if (longest is null || rule.Keep.ApproximateDays > longest.Keep.ApproximateDays) longest = rule;
        }

        return longest;
    }

    private RetentionRule? HoldingRule(StoredRecord record) =>
        Policy.Document.Retention.Rules.FirstOrDefault(r => r.LegalDuty && RetentionScope.Covers(r, record.CategoryKey, record.PurposeKey));

    /// <summary>
    /// When a value kept under <paramref name="rule"/> is deleted: counted from collection (for transactions and collection
    /// anchors), from the end of the financial year of collection, from the end of the relationship (or from now, as the
    /// erasure ends it), else from now.
    /// </summary>
    private DateTimeOffset? HeldUntil(RetentionRule rule, StoredRecord record, SubjectState? state, DateTimeOffset now)
    {
        var anchor = rule.From switch
        {
            RetentionAnchor.Collected or RetentionAnchor.Transaction => record.CollectedAt,
            RetentionAnchor.FiscalYearEnd => FiscalYearEnd(record.CollectedAt),
            RetentionAnchor.RelationshipEnded => state?.Relationships.LastOrDefault(r => (rule.AnchorKind is null || r.Kind == rule.AnchorKind) && r.Event is "ended" or "closed")?.At ?? now,
            _ => now,
        };
        var until = rule.Keep.AddTo(anchor);
        return record.ExpiresAt is { } expires && expires > until ? expires : until;
    }

    private DateTimeOffset FiscalYearEnd(DateTimeOffset at)
    {
        var retention = Policy.Document.Retention;
        var end = new DateTimeOffset(at.Year, retention.FiscalYearEndMonth, Math.Min(retention.FiscalYearEndDay, DateTime.DaysInMonth(at.Year, retention.FiscalYearEndMonth)), 0, 0, 0, TimeSpan.Zero);
        return end < at ? end.AddYears(1) : end;
    }

    private static List<KeptCategory> KeptSummary(IEnumerable<(StoredRecord Record, RetentionRule? Rule, DateTimeOffset? Until)> kept, StatementText text) =>
        kept.GroupBy(k => (k.Record.CategoryKey, k.Record.PurposeKey, RuleId: k.Rule?.Id ?? "legal_duty"))
            .Select(g =>
            {
                var rule = g.First().Rule;
                var reason = rule is null ? "" : rule.Description.Get(text.Language) ?? text.RetentionPeriod(rule);
                return new KeptCategory(g.Key.CategoryKey, g.Key.PurposeKey, g.Key.RuleId, reason, g.Max(k => k.Until), g.Count());
            })
            .OrderBy(k => k.CategoryKey, StringComparer.Ordinal)
            .ToList();
}
