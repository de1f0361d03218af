using System.Globalization;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// Stores a batch of readings (device data, usage, logs) for a purpose. Every reading is decided before it is
    /// stored: one whose permission is off or whose consent is missing is dropped and counted by reason, never
    /// stored (CR2, CR3). The batch and its audit entry commit together.
    /// </summary>
    public async Task<EventBatchResult> AppendEventsAsync(string subjectId, string purposeKey, IReadOnlyList<EventInput> readings, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var policy = _policy;
        var purpose = ResolvePurpose(purposeKey);
        var now = _clock.GetUtcNow();
        var snapshot = await SnapshotAsync(subjectId, now, cancellationToken);
        using var sealer = await SubjectSealerAsync(subjectId, cancellationToken)
            ?? throw new VaultException(VaultErrorCodes.SubjectErased, $"Person '{subjectId}' was erased; nothing more is collected about them.");

        var categoryCache = new Dictionary<string, (CategoryId Id, Decision Decision, bool Card)>(StringComparer.Ordinal);
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var events = new List<StoredEvent>(readings.Count);
        foreach (var reading in readings)
        {
            if (!categoryCache.TryGetValue(reading.CategoryKey, out var entry))
            {
                var id = ResolveCategory(reading.CategoryKey);
                var sensitivity = policy.Compiled.Category(id).Sensitivity;
                entry = (id, policy.Engine.Decide(snapshot, id, purpose, null, DecisionUse.Collect), !sensitivity.HasFlag(CategorySensitivity.PaymentCard));
                categoryCache[reading.CategoryKey] = entry;
            }

            if (!entry.Decision.Allowed)
            {
                foreach (var code in DecisionReasons.Codes(entry.Decision.FirstReason)) dropped[code] = dropped.GetValueOrDefault(code) + 1;
                continue;
            }

            if (entry.Card && CardNumberDetector.ContainsCardNumber(reading.Value))
            {
                dropped[CollectRefusal.LooksLikeCardNumber] = dropped.GetValueOrDefault(CollectRefusal.LooksLikeCardNumber) + 1;
                continue;
            }

            var eventId = Ids.NewEventId();
            events.Add(new StoredEvent(eventId, subjectId, reading.CategoryKey, reading.At, reading.DeviceId, sealer.Seal(reading.Value, new SealBinding(subjectId, reading.CategoryKey, eventId))));
        }

        var expiryChanges = events.Count > 0 && PolicyCountsFrom(RetentionAnchor.LastActivity)
            ? await ExpiryChangesAsync(subjectId, s => s with { LastEventAt = events.Max(e => e.At) is var last && s.LastEventAt > last ? s.LastEventAt : last }, now, cancellationToken)
            : [];
        await using var tx = await _store.BeginAsync(cancellationToken);
        if (events.Count > 0) await tx.AppendEventsAsync(events, cancellationToken);
        if (expiryChanges.Count > 0) await tx.UpdateRecordExpiriesAsync(expiryChanges, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "events.append")
        {
            SubjectId = subjectId,
            Purpose = purposeKey,
            Categories = Distinct(events.Select(e => e.CategoryKey)),
            ReasonCodes = Distinct(dropped.Keys),
            Count = events.Count,
            Details = dropped.ToDictionary(d => "dropped." + d.Key, d => d.Value.ToString(CultureInfo.InvariantCulture)),
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new EventBatchResult(events.Count, dropped);
    }

    /// <summary>Reads a person's events of the categories a purpose may use, decided like records.</summary>
    public async Task<IReadOnlyList<(string EventId, string CategoryKey, DateTimeOffset At, string? DeviceId, string Value)>> ReadEventsAsync(
        string subjectId, string purposeKey, DateTimeOffset since, DateTimeOffset until, int limit, string actor, CancellationToken cancellationToken)
    {
        var policy = _policy;
        var purpose = ResolvePurpose(purposeKey);
        var snapshot = await SnapshotAsync(subjectId, null, cancellationToken);
        var stored = await _store.GetEventsAsync(subjectId, null, since, until, limit, cancellationToken);
        var result = new List<(string, string, DateTimeOffset, string?, string)>();
        var sealers = new Dictionary<string, RecordSealer?>(StringComparer.Ordinal);
        try
        {
            foreach (var e in stored)
            {
                if (!policy.Compiled.TryGetCategory(e.CategoryKey, out var category)) continue;
                if (!policy.Engine.Decide(snapshot, category, purpose, null, DecisionUse.Read, RecordStatus.Present).Allowed) continue;
                var owner = e.EffectiveKeyOwnerId;
                if (!sealers.TryGetValue(owner, out var sealer)) sealers[owner] = sealer = await SubjectSealerAsync(owner, cancellationToken);
                if (sealer is null) continue;
                result.Add((e.EventId, e.CategoryKey, e.At, e.DeviceId, sealer.OpenString(e.Sealed, new SealBinding(owner, e.CategoryKey, e.EventId))));
            }
        }
        finally
        {
            foreach (var sealer in sealers.Values) sealer?.Dispose();
        }

        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "events.read") { SubjectId = subjectId, Purpose = purposeKey, Categories = Distinct(result.Select(r => r.Item2)), Count = result.Count }, cancellationToken);
        return result;
    }
}
