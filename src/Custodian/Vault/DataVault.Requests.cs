using System.Buffers;
using System.Security.Cryptography;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Requests;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>Events decrypted per page in exports: bounds memory whatever the person's history.</summary>
    public const int ExportPageSize = 4096;

    /// <summary>
    /// Every record of a person, decrypted for a rights answer (access, portability), with secrets left out (CK1) and values
    /// kept under a legal duty included. Audited under the right (<c>rights.access</c>) as the purpose, without values.
    /// </summary>
    public async Task<IReadOnlyList<PackageRecord>> ReadForRightsAsync(string subjectId, string right, string actor, CancellationToken cancellationToken)
    {
        var records = await _store.GetRecordsAsync(subjectId, null, cancellationToken);
        var result = new List<PackageRecord>(records.Count);
        var sealers = new Dictionary<string, RecordSealer?>(StringComparer.Ordinal);
        try
        {
            foreach (var record in records)
            {
                if (record.Sealed is null || record.ErasedAt is not null) continue;
                var secret = Policy.TryGetCategory(record.CategoryKey, out var id) && Policy.Category(id).Sensitivity.HasFlag(CategorySensitivity.Secret);
                if (secret)
                {
                    result.Add(new PackageRecord(record, null, true));
                    continue;
                }

                var sealer = await SealerForAsync(record, sealers, cancellationToken);
                if (sealer is null) continue;
                result.Add(new PackageRecord(record, sealer.OpenString(record.Sealed, new SealBinding(record.EffectiveKeyOwnerId, record.CategoryKey, record.RecordId)), false));
            }
        }
        finally
        {
            foreach (var sealer in sealers.Values) sealer?.Dispose();
        }

        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "rights.read")
        {
            SubjectId = subjectId,
            Purpose = "rights." + right,
            Categories = Distinct(result.Select(r => r.Record.CategoryKey)),
            Count = result.Count,
        }, cancellationToken);
        return result;
    }

    /// <summary>
    /// Decrypts every event of a person a page at a time (keyset paging in time order) and hands each to
    /// <paramref name="visit"/>; <paramref name="afterPage"/> runs after each page (to flush a stream). Memory stays bounded
    /// by the page size. Returns the number of events. Audited once, without values.
    /// </summary>
    public async Task<long> VisitEventsForRightsAsync(string subjectId, string right, DecryptedEventVisitor visit, Func<CancellationToken, ValueTask>? afterPage, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        using var opener = new EventOpener();
        var cursor = new EventCursor();
        while (true)
        {
            var visited = await _store.VisitEventsAsync(subjectId, cursor, ExportPageSize, opener, cancellationToken);
            opener.OpenPage(visit);
            if (opener.TakeMissingOwner() is { } owner)
            {
                // A reading sealed under a key not opened yet (a person merged into this one): open it and go on from there.
                opener.AddSealers(owner, await SealerPairAsync(owner, cancellationToken));
                continue;
            }

            if (afterPage is not null) await afterPage(cancellationToken);
            if (visited < ExportPageSize) break;
        }

        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "rights.events") { SubjectId = subjectId, Purpose = "rights." + right, Categories = Distinct(opener.Categories), Count = opener.Count }, cancellationToken);
        return opener.Count;
    }

    // Two sealers for one key, so a page of readings can be opened on two threads; null once the key is destroyed.
    private async Task<(RecordSealer First, RecordSealer Second)?> SealerPairAsync(string owner, CancellationToken cancellationToken)
    {
        var first = await SubjectSealerAsync(owner, cancellationToken);
        if (first is null) return null;
        var second = await SubjectSealerAsync(owner, cancellationToken);
        if (second is null)
        {
            first.Dispose();
            return null;
        }

        return (first, second);
    }

    /// <summary>
    /// Corrects a value (Art. 16): the record gets a new version, the old value is destroyed and its metadata kept as history;
    /// the answer lists the recipients to inform (Art. 19): those declared for the category and a purpose that uses it.
    /// </summary>
    /// <param name="subjectId">The person.</param>
    /// <param name="categoryKey">The category to correct; the newest live record of it is corrected.</param>
    /// <param name="value">The corrected value.</param>
    /// <param name="actor">Who corrects.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<RectificationResult> RectifyAsync(string subjectId, string categoryKey, string value, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrWhiteSpace(value)) throw new VaultException(VaultErrorCodes.InvalidValue, $"The corrected '{categoryKey}' is empty; send the corrected value, or ask for erasure instead.");
        var categoryId = ResolveCategory(categoryKey);
        var category = Policy.Category(categoryId);
        // The person, the records and the key in one store call; a record sealed under a merged person's key needs theirs.
        var (subject, records, key) = await _store.GetSubjectRecordsAsync(subjectId, categoryKey, cancellationToken);
        RequireLive(subject, subjectId);
        var record = records.LastOrDefault(r => r.Sealed is not null && r.ErasedAt is null && r.KeyKind == SealingKeyKind.Subject)
            ?? throw new VaultException(VaultErrorCodes.RecordMissing, $"Person '{subjectId}' has no stored '{categoryKey}' to correct; collect it instead.");
        var now = _clock.GetUtcNow();

        // A value past its retention period is due for deletion, not for a new life: correcting it would store the
        // corrected value under a clock that has already run out.
        if (record.ExpiresAt is { } expired && expired <= now)
            throw new VaultException(VaultErrorCodes.RecordExpired, $"Person '{subjectId}''s '{categoryKey}' reached the end of its retention period on {expired.UtcDateTime:yyyy-MM-dd} and is due for deletion; there is nothing to correct. Collect the value anew if a purpose needs it.");
        if (!category.Sensitivity.HasFlag(CategorySensitivity.PaymentCard) && !category.Sensitivity.HasFlag(CategorySensitivity.Secret) && CardNumberDetector.ContainsCardNumber(value))
            throw new VaultException(VaultErrorCodes.InvalidValue, $"The corrected '{categoryKey}' looks like a payment card number, which is never stored.");
        using var sealer = (record.EffectiveKeyOwnerId == subjectId
                ? key is null ? null : _keys.OpenSubjectKey(subjectId, key.KeyId, key.Wrapped)
                : await SubjectSealerAsync(record.EffectiveKeyOwnerId, cancellationToken))
            ?? throw new VaultException(VaultErrorCodes.SubjectErased, $"Person '{subjectId}' was erased.");
        var plain = category.Sensitivity.HasFlag(CategorySensitivity.Secret) ? PasswordHasher.Hash(value) : value;
        var sealedValue = sealer.Seal(plain, new SealBinding(record.EffectiveKeyOwnerId, categoryKey, record.RecordId));
        var recipients = RecipientsFor(categoryId);

        // The corrected value is provided now, so its retention counts from now, as a collected value's would; the
        // expiry is planned again so the stored expiry and the retention sweep agree.
        var (expiresAt, expiryChanges) = await ExpiryOfCorrectionAsync(subjectId, record, now, cancellationToken);
        int version;
        await using (var tx = await _store.BeginAsync(cancellationToken))
        {
            version = await tx.RectifyRecordAsync(record.RecordId, sealedValue, RecordSource.Provided, record.PurposeKey, now, expiresAt, cancellationToken);
            if (expiryChanges.Count > 0) await tx.UpdateRecordExpiriesAsync(expiryChanges, cancellationToken);
            await tx.AppendAuditAsync(new AuditEntry(now, actor, "record.rectify") { SubjectId = subjectId, Categories = [categoryKey], Purpose = record.PurposeKey, Count = recipients.Count }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        ForgetRecords(subjectId);

        return new RectificationResult(record.RecordId, categoryKey, version, recipients);
    }

    /// <summary>
    /// The expiry of a corrected record, planned as if its value were collected <paramref name="now"/>, and the changes
    /// the correction causes to the person's other records (it is activity, which <c>last_activity</c> rules count from).
    /// </summary>
    private async Task<(DateTimeOffset? ExpiresAt, List<ExpiryUpdate> Changes)> ExpiryOfCorrectionAsync(string subjectId, StoredRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // No rule covers it (a policy change left it so): the stored expiry stands, as the sweep leaves such records be.
        var planner = _policy.Planner;
        var coverage = planner.Coverage(record.CategoryKey, record.PurposeKey);
        if (coverage.IsEmpty) return (record.ExpiresAt, []);

        // Rules that count from the collection alone need none of the person's facts; others (and last-activity rules,
        // for which the correction is activity that moves the person's other records) read them.
        var anchored = PolicyCountsFrom(RetentionAnchor.LastActivity) || coverage.Ordinary.Concat(coverage.LegalDuty).Any(i => planner.Rules[i].From != RetentionAnchor.Collected);
        var subject = !anchored
            ? new RetentionSubject { SubjectId = subjectId }
            : (PolicyCountsFrom(RetentionAnchor.LastActivity)
                ? await _store.LoadRetentionSubjectAsync(subjectId, cancellationToken)
                : await _store.LoadRetentionAnchorsAsync(subjectId, cancellationToken)) ?? new RetentionSubject { SubjectId = subjectId };
        subject = subject with { Records = [.. subject.Records.Where(r => r.RecordId != record.RecordId)] };
        List<StoredRecord> corrected = [record with { CollectedAt = now, Source = RecordSource.Provided, ExpiresAt = null }];
        var changes = PlanNewRecords(subject, corrected, now);
        return (corrected[0].ExpiresAt, changes);
    }

    /// <summary>A request desk on this vault, its key ring and its clock.</summary>
    public RequestDesk CreateRequestDesk() => new(this, _keys, _clock);

    /// <summary>Recipients declared for a category and for at least one purpose that uses it.</summary>
    public IReadOnlyList<string> RecipientsFor(CategoryId category)
    {
        var purposes = Policy.PurposesUsing(category).ToList();
        return Policy.Recipients
            .Where(r => r.Categories.Contains(category.Value) && purposes.Any(p => r.Purposes.Contains(p.Id.Value)))
            .Select(r => r.Key)
            .ToList();
    }
}
