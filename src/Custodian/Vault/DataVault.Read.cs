using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Policy;
using Custodian.Storage;
using Custodian.Taxonomy;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// Reads a person's data for a purpose (and optionally a recipient): the values the policy allows now, and for
    /// every other category only the reason codes. Every read names a purpose and is audited without values.
    /// </summary>
    /// <param name="subjectId">The person.</param>
    /// <param name="purposeKey">Why the data is read.</param>
    /// <param name="recipientKey">Who will receive it, when it leaves the controller.</param>
    /// <param name="categoryKeys">The categories wanted (a key covers those below it); null for everything.</param>
    /// <param name="actor">Who reads (an API key id, <c>system</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ReadResult> ReadAsync(string subjectId, string purposeKey, string? recipientKey, IReadOnlyCollection<string>? categoryKeys, string actor, CancellationToken cancellationToken)
    {
        var policy = _policy;
        var purpose = ResolvePurpose(purposeKey);
        RecipientId? recipient = recipientKey is null ? null : ResolveRecipient(recipientKey);
        foreach (var key in categoryKeys ?? []) ResolveCategory(key);
        var request = new ReadRequest(subjectId, purposeKey, purpose, recipientKey, recipient, categoryKeys, actor, _clock.GetUtcNow());

        // Copies of the person's state and records held from earlier calls are read from at once, and the audit entry
        // goes with a check that both are still at their versions: one unit of work instead of a read and then a
        // write. When either moved, no value is returned from the copies: they are dropped and the person read afresh.
        if (_stateCache.TryGetValue(subjectId, out var heldState) && _recordsCache.TryGetValue(subjectId, out var heldRecords))
        {
            var (heldResult, heldEntry) = await ReadFromAsync(policy, request, heldState, heldRecords.Records, cancellationToken);
            if (await AuditIfUnchangedAsync(heldEntry, subjectId, heldState.Version, heldRecords.Version, cancellationToken)) return heldResult;
            ForgetRecords(subjectId);
        }

        var (state, _, records) = await SubjectViewAsync(subjectId, withRecords: true, cancellationToken);
        var (result, entry) = await ReadFromAsync(policy, request, state, records, cancellationToken);
        await AuditAsync(entry, cancellationToken);
        return result;
    }

    /// <summary>What a read asks for, resolved against the policy, and when it was asked.</summary>
    private sealed record ReadRequest(string SubjectId, string PurposeKey, PurposeId Purpose, string? RecipientKey, RecipientId? Recipient, IReadOnlyCollection<string>? CategoryKeys, string Actor, DateTimeOffset Now);

    /// <summary>The values <paramref name="request"/> may have of <paramref name="records"/>, decided on <paramref name="state"/>, and the audit entry that records the read.</summary>
    private async Task<(ReadResult Result, AuditEntry Entry)> ReadFromAsync(PolicyInForce policy, ReadRequest request, CachedSubjectState state, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        var (subjectId, purposeKey, purpose, recipientKey, recipient, categoryKeys, actor, now) = request;
        var snapshot = SubjectSnapshot.Build(policy.Compiled, state.Facts, now, _reconsentSince);

        var values = new List<ReadValue>();
        var denied = new Dictionary<string, (DecisionReason Reasons, string Clause)>(StringComparer.Ordinal);
        var sealers = new Dictionary<string, RecordSealer?>(StringComparer.Ordinal);
        try
        {
            foreach (var record in records)
            {
                if (categoryKeys is not null && !categoryKeys.Any(k => BuiltInTaxonomy.IsAtOrBelow(record.CategoryKey, k))) continue;
                if (!policy.Compiled.TryGetCategory(record.CategoryKey, out var category)) continue;
                var status = record.ErasedAt is not null || record.Sealed is null ? RecordStatus.Erased
                    : record.KeyKind == SealingKeyKind.Hold ? RecordStatus.HeldForLegalDuty
                    : record.ExpiresAt is { } expires && expires <= now ? RecordStatus.Expired
                    : RecordStatus.Present;
                var decision = policy.Engine.Decide(snapshot, category, purpose, recipient, DecisionUse.Read, status);
                if (!decision.Allowed)
                {
                    var previous = denied.TryGetValue(record.CategoryKey, out var d) ? d.Reasons : DecisionReason.None;
                    denied[record.CategoryKey] = (previous | decision.Reasons, decision.Clause.Describe(policy.Compiled));
                    continue;
                }

                var sealer = await SealerForAsync(record, state, sealers, cancellationToken);
                if (sealer is null)
                {
                    denied[record.CategoryKey] = (DecisionReason.SubjectErased, "rights");
                    continue;
                }

                var plain = sealer.OpenString(record.Sealed!, new SealBinding(record.EffectiveKeyOwnerId, record.CategoryKey, record.RecordId));
                values.Add(new ReadValue(record.RecordId, record.CategoryKey, plain, record.CollectedAt, record.Source));
            }
        }
        finally
        {
            foreach (var sealer in sealers.Values) sealer?.Dispose();
        }

        foreach (var key in categoryKeys ?? [])
        {
            if (!values.Any(v => BuiltInTaxonomy.IsAtOrBelow(v.CategoryKey, key)) && !denied.Keys.Any(k => BuiltInTaxonomy.IsAtOrBelow(k, key)))
                denied[key] = (DecisionReason.RecordMissing, "retention");
        }

        foreach (var key in denied.Keys.Where(k => values.Any(v => v.CategoryKey == k)).ToList()) denied.Remove(key);
        var deniedList = denied.Select(d => new DeniedCategory(d.Key, [.. DecisionReasons.Codes(d.Value.Reasons)], d.Value.Clause)).ToList();
        var entry = new AuditEntry(now, actor, "record.read")
        {
            SubjectId = subjectId,
            Purpose = purposeKey,
            Recipient = recipientKey,
            Categories = Distinct(values.Select(v => v.CategoryKey)),
            ReasonCodes = Distinct(deniedList.SelectMany(d => d.Reasons)),
            Count = values.Count,
        };
        return (new ReadResult(subjectId, purposeKey, recipientKey, values, deniedList), entry);
    }

    /// <summary>Decides questions for one person without reading any value; audited as one decision entry.</summary>
    public async Task<IReadOnlyList<DecisionAnswer>> DecideAsync(string subjectId, IReadOnlyList<DecisionQuestion> questions, DateTimeOffset? at, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var policy = _policy;
        var queries = questions.Select(q => new DecisionQuery(ResolveCategory(q.CategoryKey), ResolvePurpose(q.Purpose), q.Recipient is null ? null : ResolveRecipient(q.Recipient))).ToArray();

        // A copy of the person's state held from an earlier call is decided on at once, and the audit entry goes with a
        // check that the state is still at that version: one unit of work instead of a read and then a write. When the
        // state moved on, the copy is dropped and the person read afresh, so no decision rests on a stale state.
        if (_stateCache.TryGetValue(subjectId, out var held))
        {
            var (heldAnswers, heldEntry) = Decide(policy, queries, questions, held.Facts, at, subjectId, actor);
            if (await AuditIfUnchangedAsync(heldEntry, subjectId, held.Version, null, cancellationToken)) return heldAnswers;
        }

        var (_, facts) = await LoadFactsAsync(subjectId, cancellationToken);
        var (answers, entry) = Decide(policy, queries, questions, facts, at, subjectId, actor);
        await AuditAsync(entry, cancellationToken);
        return answers;
    }

    /// <summary>
    /// Writes <paramref name="entry"/> for an answer made on held copies, in one unit of work that requires the person's
    /// versions to be those copies' still; false, with nothing written and the state copy dropped, when one moved.
    /// </summary>
    private Task<bool> AuditIfUnchangedAsync(AuditEntry entry, string subjectId, long stateVersion, long? recordsVersion, CancellationToken cancellationToken) =>
        WriteIfUnchangedAsync(subjectId, stateVersion, recordsVersion, null, entry, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> (if any) and writes <paramref name="entry"/> in one unit of work that requires the
    /// person's versions to be those of the copies the write was decided on; false, with nothing written and the state
    /// copy dropped, when one moved. After a write the copy is dropped too: it no longer matches the store.
    /// </summary>
    private async Task<bool> WriteIfUnchangedAsync(string subjectId, long stateVersion, long? recordsVersion, Func<IVaultTransaction, Task>? write, AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await using var tx = await _store.BeginAsync(cancellationToken);
            await tx.RequireSubjectVersionAsync(subjectId, stateVersion, recordsVersion, cancellationToken);
            if (write is not null) await write(tx);
            await tx.AppendAuditAsync(entry, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            VaultMetrics.CountPersonState(PersonStateOutcome.Held);
            if (write is not null) ForgetState(subjectId);
            return true;
        }
        catch (VaultStoreException e) when (e.Code == VaultStoreException.SubjectChanged)
        {
            VaultMetrics.CountPersonState(PersonStateOutcome.Stale);
            ForgetState(subjectId);
            return false;
        }
    }

    /// <summary>The answers to <paramref name="questions"/> on <paramref name="facts"/> and the one audit entry that records them.</summary>
    private (List<DecisionAnswer> Answers, AuditEntry Entry) Decide(PolicyInForce policy, DecisionQuery[] queries, IReadOnlyList<DecisionQuestion> questions, SubjectFacts facts, DateTimeOffset? at, string subjectId, string actor)
    {
        var snapshot = SubjectSnapshot.Build(policy.Compiled, facts, at ?? _clock.GetUtcNow(), _reconsentSince);
        var decisions = new Decision[queries.Length];
        policy.Engine.DecideMany(snapshot, queries, decisions);
        var answers = questions.Select((q, i) => DecisionAnswer.From(q.CategoryKey, q.Purpose, q.Recipient, decisions[i], policy.Compiled)).ToList();
        var entry = new AuditEntry(_clock.GetUtcNow(), actor, "decision")
        {
            SubjectId = subjectId,
            Purpose = questions.Count == 1 ? questions[0].Purpose : null,
            Categories = Distinct(questions.Select(q => q.CategoryKey)),
            ReasonCodes = Distinct(answers.SelectMany(a => a.Reasons)),
            Count = questions.Count,
        };
        return (answers, entry);
    }

    /// <summary>
    /// Checks a secret (password) against the stored hash without ever returning it (CK1, IS11), for a purpose: the check
    /// is a use of the person's data, decided by the same rule as a read except that the secret never leaves. A
    /// person with no secret of that category does not match. After <see cref="SecretAttempts.MaxFailures"/> wrong
    /// secrets within <see cref="SecretAttempts.Window"/> further checks are refused with <c>too_many_attempts</c>.
    /// </summary>
    public async Task<bool> VerifySecretAsync(string subjectId, string categoryKey, string candidate, string purposeKey, string actor, CancellationToken cancellationToken)
    {
        RequireSecretCategory(categoryKey);
        var now = _clock.GetUtcNow();
        var (state, _, records) = await SubjectViewAsync(subjectId, withRecords: true, cancellationToken);
        RequireLive(state.State.Subject, subjectId);
        var entry = new AuditEntry(now, actor, "secret.verify") { SubjectId = subjectId, Purpose = purposeKey, Categories = [categoryKey] };
        if (_secretAttempts.BlockedUntil(subjectId, categoryKey) is { } until)
        {
            await AuditAsync(entry with { ReasonCodes = [VaultErrorCodes.TooManyAttempts] }, cancellationToken);
            throw new VaultException(VaultErrorCodes.TooManyAttempts,
                $"Too many wrong secrets for this person's '{categoryKey}'; checks resume at {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}.");
        }

        var record = LiveSecret(records, categoryKey);
        var status = record is null ? RecordStatus.Missing : record.ExpiresAt <= now ? RecordStatus.Expired : RecordStatus.Present;
        var decision = DecideSecretUse(state.Facts, categoryKey, purposeKey, DecisionUse.Verify, status, now);
        if (!decision.Allowed && decision.Reasons != DecisionReason.RecordMissing)
        {
            await AuditAsync(entry with { ReasonCodes = [.. DecisionReasons.Codes(decision.Reasons)] }, cancellationToken);
            throw UseDenied("Checking", categoryKey, purposeKey, decision);
        }

        var ok = false;
        if (record is not null)
        {
            var sealers = new Dictionary<string, RecordSealer?>(StringComparer.Ordinal);
            try
            {
                var sealer = await SealerForAsync(record, state, sealers, cancellationToken);
                ok = sealer is not null && PasswordHasher.Verify(candidate, sealer.OpenString(record.Sealed!, new SealBinding(record.EffectiveKeyOwnerId, categoryKey, record.RecordId)));
            }
            finally
            {
                foreach (var opened in sealers.Values) opened?.Dispose();
            }
        }

        _secretAttempts.Record(subjectId, categoryKey, ok);
        await AuditAsync(entry with { ReasonCodes = ok ? [] : ["secret_mismatch"] }, cancellationToken);
        return ok;
    }

    /// <summary>
    /// Replaces a secret with a new one (a reset) for a purpose, decided as a collection for that purpose: the old hash
    /// is destroyed, never re-sent (IS11). A person with no live secret of that category has the new one collected; a
    /// use the policy does not allow (no contract, a restriction…) is refused with <c>use_denied</c> and nothing changes.
    /// </summary>
    public async Task ResetSecretAsync(string subjectId, string categoryKey, string newSecret, string purposeKey, string actor, CancellationToken cancellationToken)
    {
        RequireSecretCategory(categoryKey);
        var now = _clock.GetUtcNow();
        var (state, _, records) = await SubjectViewAsync(subjectId, withRecords: true, cancellationToken);
        RequireLive(state.State.Subject, subjectId);
        var existing = LiveSecret(records, categoryKey);

        // A hash past its retention period is not given a new life; the new secret is collected as a new value.
        if (existing is null || existing.ExpiresAt <= now)
        {
            var collected = await CollectAsync(subjectId, purposeKey, [new CollectValue(categoryKey, newSecret)], actor, cancellationToken);
            if (collected.Refused is [var refused, ..])
            {
                throw new VaultException(VaultErrorCodes.UseDenied,
                    $"Setting '{categoryKey}' for '{purposeKey}' is denied: {string.Join(", ", refused.Reasons)}. Nothing was stored.");
            }

            return;
        }

        var decision = DecideSecretUse(state.Facts, categoryKey, purposeKey, DecisionUse.Collect, RecordStatus.NotApplicable, now);
        if (!decision.Allowed)
        {
            await AuditAsync(new AuditEntry(now, actor, "secret.reset") { SubjectId = subjectId, Purpose = purposeKey, Categories = [categoryKey], ReasonCodes = [.. DecisionReasons.Codes(decision.Reasons)] }, cancellationToken);
            throw UseDenied("Resetting", categoryKey, purposeKey, decision);
        }

        using var sealer = await SubjectSealerAsync(existing.EffectiveKeyOwnerId, cancellationToken)
            ?? throw new VaultException(VaultErrorCodes.SubjectErased, $"Person '{subjectId}' was erased.");
        var sealedValue = sealer.Seal(PasswordHasher.Hash(newSecret), new SealBinding(existing.EffectiveKeyOwnerId, categoryKey, existing.RecordId));
        var (expiresAt, expiryChanges) = await ExpiryOfCorrectionAsync(subjectId, existing, now, cancellationToken);
        await using var tx = await _store.BeginAsync(cancellationToken);
        await tx.RectifyRecordAsync(existing.RecordId, sealedValue, RecordSource.Provided, existing.PurposeKey, now, expiresAt, cancellationToken);
        if (expiryChanges.Count > 0) await tx.UpdateRecordExpiriesAsync(expiryChanges, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "secret.reset") { SubjectId = subjectId, Purpose = purposeKey, Categories = [categoryKey] }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        ForgetRecords(subjectId);
        _secretAttempts.Record(subjectId, categoryKey, matched: true);
    }

    private void RequireSecretCategory(string categoryKey)
    {
        var category = Policy.Category(ResolveCategory(categoryKey));
        if (!category.Sensitivity.HasFlag(CategorySensitivity.Secret))
            throw new VaultException(VaultErrorCodes.NotASecret, $"'{categoryKey}' is not a secret category; read it for a purpose instead.");
    }

    /// <summary>The person's live (sealed, not erased) value of a secret category, the latest if several.</summary>
    private static StoredRecord? LiveSecret(IReadOnlyList<StoredRecord> records, string categoryKey) =>
        records.LastOrDefault(r => r.CategoryKey == categoryKey && r.Sealed is not null && r.ErasedAt is null);

    private Decision DecideSecretUse(SubjectFacts facts, string categoryKey, string purposeKey, DecisionUse use, RecordStatus record, DateTimeOffset now)
    {
        var policy = _policy;
        var snapshot = SubjectSnapshot.Build(policy.Compiled, facts, now, _reconsentSince);
        return policy.Engine.Decide(snapshot, ResolveCategory(categoryKey), ResolvePurpose(purposeKey), null, use, record);
    }

    private static VaultException UseDenied(string doing, string categoryKey, string purposeKey, Decision decision) =>
        new(VaultErrorCodes.UseDenied, $"{doing} '{categoryKey}' for '{purposeKey}' is denied: {string.Join(", ", DecisionReasons.Codes(decision.Reasons))}.");

    // The person's own key comes from the state loaded (and version-checked) for this read, saving a query per read.
    private Task<RecordSealer?> SealerForAsync(StoredRecord record, Dictionary<string, RecordSealer?> sealers, CancellationToken cancellationToken) =>
        SealerForAsync(record, null, sealers, cancellationToken);

    private async Task<RecordSealer?> SealerForAsync(StoredRecord record, CachedSubjectState? state, Dictionary<string, RecordSealer?> sealers, CancellationToken cancellationToken)
    {
        if (record.KeyKind == SealingKeyKind.Hold)
        {
            if (!sealers.TryGetValue("\0hold", out var hold)) sealers["\0hold"] = hold = _keys.CreateHoldSealer();
            return hold;
        }

        var owner = record.EffectiveKeyOwnerId;
        if (!sealers.TryGetValue(owner, out var sealer))
        {
            sealers[owner] = sealer = state is not null && owner == state.State.Subject.SubjectId
                ? state.Key is { } key ? _keys.OpenSubjectKey(owner, key.KeyId, key.Wrapped) : null
                : await SubjectSealerAsync(owner, cancellationToken);
        }

        return sealer;
    }
}
