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

        var categoryCache = new Dictionary<string, (CategoryId Id, Decision Decision, bool Card, Coarsening? Coarsen)>(StringComparer.Ordinal);
        var unbound = await UnboundDevicesAsync(subjectId, readings, now, cancellationToken);
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var events = new List<StoredEvent>(readings.Count);
        var coarsened = 0;
        void Drop(string code) => dropped[code] = dropped.GetValueOrDefault(code) + 1;
        foreach (var reading in readings)
        {
            if (!categoryCache.TryGetValue(reading.CategoryKey, out var entry))
            {
                var id = ResolveCategory(reading.CategoryKey);
                var sensitivity = policy.Compiled.Category(id).Sensitivity;
                var decision = policy.Engine.Decide(snapshot, id, purpose, null, DecisionUse.Collect);
                entry = (id, decision, !sensitivity.HasFlag(CategorySensitivity.PaymentCard), ApproximateFor(policy, snapshot, id, purpose, decision));
                categoryCache[reading.CategoryKey] = entry;
            }

            if (reading.DeviceId is { } device && unbound.Contains(device))
            {
                Drop(DecisionReasons.Code(DecisionReason.DeviceUnbound));
                continue;
            }

            var categoryKey = reading.CategoryKey;
            var value = reading.Value;
            if (!entry.Decision.Allowed)
            {
                if (entry.Coarsen is not { } coarsen || Devices.LocationCoarsener.Coarsen(reading.Value, coarsen.PrecisionKm) is not { } coarse)
                {
                    Drop(DecisionReasons.Code(entry.Decision.FirstReason));
                    continue;
                }

                (categoryKey, value) = (coarsen.CategoryKey, coarse);
                coarsened++;
            }

            if (entry.Card && CardNumberDetector.ContainsCardNumber(value))
            {
                Drop(CollectRefusal.LooksLikeCardNumber);
                continue;
            }

            var eventId = Ids.NewEventId();
            events.Add(new StoredEvent(eventId, subjectId, categoryKey, reading.At, reading.DeviceId, sealer.Seal(value, new SealBinding(subjectId, categoryKey, eventId))));
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
            Details = dropped.Select(d => ("dropped." + d.Key, d.Value))
                .Append(("coarsened", coarsened)).Where(d => d.Item2 > 0)
                .ToDictionary(d => d.Item1, d => AuditToken.Number(d.Item2)),
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new EventBatchResult(events.Count, dropped) { Coarsened = coarsened };
    }

    /// <summary>
    /// "Try now" (CR14): readings from an anonymous session are decided for shape only and never stored or linked
    /// to anyone; the audit trail records only that a try-now batch of this size passed through.
    /// </summary>
    public async Task<int> TryNowAsync(IReadOnlyList<EventInput> readings, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        foreach (var key in readings.Select(r => r.CategoryKey).Distinct(StringComparer.Ordinal)) ResolveCategory(key);
        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "try_now.events") { Count = readings.Count }, cancellationToken);
        return readings.Count;
    }

    private async Task<HashSet<string>> UnboundDevicesAsync(string subjectId, IReadOnlyList<EventInput> readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unbound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var device in readings.Select(r => r.DeviceId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await _store.GetDeviceAsync(subjectId, device, cancellationToken) is { UnboundAt: { } at } && at <= now) unbound.Add(device);
        }

        return unbound;
    }

    /// <summary>
    /// Where a precise reading may be kept coarsened (CR2): the person allows only approximate location, or the purpose
    /// uses only the approximate category, and the approximate category is allowed for the purpose.
    /// </summary>
    private static Coarsening? ApproximateFor(PolicyInForce policy, SubjectSnapshot snapshot, CategoryId category, PurposeId purpose, Decision decision)
    {
        // Only a reading refused for its precision alone is coarsened: the permission is off, or the purpose needs only the approximate category.
        const DecisionReason Precision = DecisionReason.PermissionOff | DecisionReason.CategoryNotInPurpose;
        if (decision.Allowed || (decision.Reasons & ~Precision) != DecisionReason.None) return null;
        foreach (var permission in policy.Compiled.Permissions)
        {
            if (permission.ApproximateVariant is null || !permission.Gates.Contains(category.Value)) continue;
            var definition = permission.Definition;
            if (definition.ApproximateCategory is not { } approximate || !policy.Compiled.TryGetCategory(approximate, out var approximateId)) continue;
            if (policy.Engine.Decide(snapshot, approximateId, purpose, null, DecisionUse.Collect).Allowed)
                return new Coarsening(approximate, definition.ApproximatePrecisionKm ?? 10);
        }

        return null;
    }

    private readonly record struct Coarsening(string CategoryKey, double PrecisionKm);

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
