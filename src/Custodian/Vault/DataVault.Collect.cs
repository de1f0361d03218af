using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// Collects values for a purpose. Collection is processing: each value is decided like a read, and a value the
    /// rule denies is not stored; the result says why. Secrets are stored only as a salted hash (CK1, IS11); a value
    /// that looks like a card number is refused outside card categories (IS3).
    /// </summary>
    public async Task<CollectResult> CollectAsync(string subjectId, string purposeKey, IReadOnlyList<CollectValue> values, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var policy = _policy;
        var purpose = ResolvePurpose(purposeKey);
        var categories = values.Select(v => ResolveCategory(v.CategoryKey)).ToArray();
        var now = _clock.GetUtcNow();
        var snapshot = await SnapshotAsync(subjectId, now, cancellationToken);
        var missingRequired = await MissingMandatoryCategoriesAsync(subjectId, policy.Compiled.Purpose(purpose).Definition, values, cancellationToken);

        using var sealer = await SubjectSealerAsync(subjectId, cancellationToken)
            ?? throw new VaultException(VaultErrorCodes.SubjectErased, $"Person '{subjectId}' was erased; nothing more is collected about them.");
        var (records, stored, refused) = SealValues(policy, snapshot, purpose, purposeKey, values, categories, subjectId, sealer, now);

        var expiryChanges = await ExpiriesForNewRecordsAsync(subjectId, records, now, cancellationToken);
        await using var tx = await _store.BeginAsync(cancellationToken);
        if (records.Count > 0) await tx.WriteRecordsAsync(records, cancellationToken);
        if (expiryChanges.Count > 0) await tx.UpdateRecordExpiriesAsync(expiryChanges, cancellationToken);
        await tx.AppendAuditAsync(RecordWriteAudit(subjectId, purposeKey, records, refused, actor, now), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        ForgetRecords(subjectId);
        return new CollectResult(stored, refused) { MissingRequired = missingRequired };
    }

    /// <summary>
    /// Decides each value for the purpose, refuses card numbers outside card categories (IS3), hashes secrets (CK1,
    /// IS11) and seals the rest under the person's key: the records to store, what was stored and what was refused.
    /// </summary>
    private static (List<StoredRecord> Records, List<StoredValue> Stored, List<CollectRefusal> Refused) SealValues(
        PolicyInForce policy, SubjectSnapshot snapshot, PurposeId purpose, string purposeKey, IReadOnlyList<CollectValue> values, CategoryId[] categories, string subjectId, RecordSealer sealer, DateTimeOffset now)
    {
        var stored = new List<StoredValue>();
        var refused = new List<CollectRefusal>();
        var records = new List<StoredRecord>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var category = policy.Compiled.Category(categories[i]);
            var decision = policy.Engine.Decide(snapshot, categories[i], purpose, null, DecisionUse.Collect);
            if (!decision.Allowed)
            {
                refused.Add(new CollectRefusal(value.CategoryKey, [.. DecisionReasons.Codes(decision.Reasons)]));
                continue;
            }

            var secret = category.Sensitivity.HasFlag(CategorySensitivity.Secret);
            if (!secret && !category.Sensitivity.HasFlag(CategorySensitivity.PaymentCard) && CardNumberDetector.ContainsCardNumber(value.Value))
            {
                refused.Add(new CollectRefusal(value.CategoryKey, [CollectRefusal.LooksLikeCardNumber]));
                continue;
            }

            var recordId = Ids.NewRecordId();
            var plain = secret ? PasswordHasher.Hash(value.Value) : value.Value;
            records.Add(new StoredRecord(recordId, subjectId, value.CategoryKey, value.Source, purposeKey, now, null, SealingKeyKind.Subject, sealer.Seal(plain, new SealBinding(subjectId, value.CategoryKey, recordId))));
            stored.Add(new StoredValue(recordId, value.CategoryKey));
        }

        return (records, stored, refused);
    }

    /// <summary>The audit entry of a collection: categories stored, reasons refused, never a value.</summary>
    private static AuditEntry RecordWriteAudit(string subjectId, string purposeKey, List<StoredRecord> records, List<CollectRefusal> refused, string actor, DateTimeOffset now) => new(now, actor, "record.write")
    {
        SubjectId = subjectId,
        Purpose = purposeKey,
        Categories = Distinct(records.Select(r => r.CategoryKey)),
        ReasonCodes = Distinct(refused.SelectMany(r => r.Reasons)),
        Count = records.Count,
        Details = refused.Count == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["refused"] = AuditToken.Number(refused.Count) },
    };

    /// <summary>
    /// A purpose's mandatory categories (CU7: name, address and phone to become a customer) that are neither held nor
    /// given in this call, so the caller can ask for them before it opens the relationship.
    /// </summary>
    private async Task<IReadOnlyList<string>> MissingMandatoryCategoriesAsync(string subjectId, PurposeDefinition purpose, IReadOnlyList<CollectValue> values, CancellationToken cancellationToken)
    {
        var notGiven = RequiredNotGiven(purpose, values);
        if (notGiven.Count == 0) return [];
        var versions = await _store.GetSubjectVersionsAsync(subjectId, cancellationToken);
        var held = (await RecordsOfAsync(subjectId, versions.Records, cancellationToken)).Where(r => r.Sealed is not null && r.ErasedAt is null).Select(r => r.CategoryKey).ToList();
        return [.. notGiven.Where(required => !held.Any(k => Taxonomy.BuiltInTaxonomy.IsAtOrBelow(k, required)))];
    }

    /// <summary>A purpose's mandatory categories that none of <paramref name="values"/> covers.</summary>
    private static List<string> RequiredNotGiven(PurposeDefinition purpose, IReadOnlyList<CollectValue> values) =>
        [.. purpose.Required.Where(required => !values.Any(v => Taxonomy.BuiltInTaxonomy.IsAtOrBelow(v.CategoryKey, required)))];

    /// <summary>
    /// Sets the expiry of new records from the retention rules and the person's anchors, and returns the changes the
    /// collection causes to records already held (it is activity, which <c>last_activity</c> rules count from).
    /// </summary>
    private async Task<List<ExpiryUpdate>> ExpiriesForNewRecordsAsync(string subjectId, List<StoredRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return [];

        // Collecting is activity: it moves the expiry of records already held only under a rule counting from the last
        // activity. Without such a rule the old records are left unread, so a collect costs the same for a person
        // with ten records as for one with ten thousand.
        var subject = (PolicyCountsFrom(RetentionAnchor.LastActivity)
            ? await _store.LoadRetentionSubjectAsync(subjectId, cancellationToken)
            : await _store.LoadRetentionAnchorsAsync(subjectId, cancellationToken)) ?? new RetentionSubject { SubjectId = subjectId };
        return PlanNewRecords(subject, records, now);
    }

    /// <summary>
    /// Sets the expiry of <paramref name="records"/> (new, not yet stored) as planned beside what <paramref name="subject"/>
    /// holds, and returns the changes they cause to the expiry of the records already held.
    /// </summary>
    private List<ExpiryUpdate> PlanNewRecords(RetentionSubject subject, List<StoredRecord> records, DateTimeOffset now)
    {
        var added = records.Select(r => new RetentionRecord(r.RecordId, r.SubjectId, r.CategoryKey, r.PurposeKey, r.CollectedAt, null, r.KeyKind));
        var (changes, expiries) = PlanExpiries(subject with { Records = [.. subject.Records, .. added] }, now);
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            records[i] = records[i] with { ExpiresAt = expiries[records[i].RecordId] };
            fresh.Add(records[i].RecordId);
        }

        return [.. changes.Where(c => !fresh.Contains(c.RecordId))];
    }

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).Take(AuditEntry.MaxListLength).ToList();
}
