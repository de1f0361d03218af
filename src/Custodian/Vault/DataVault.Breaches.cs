using Custodian.Audit;
using Custodian.Breaches;
using Custodian.Storage;
using Custodian.Taxonomy;

namespace Custodian.Vault;

/// <summary>What is known about a breach when it is recorded.</summary>
/// <param name="DiscoveredAt">When it was discovered (default now).</param>
/// <param name="OccurredFrom">When it began.</param>
/// <param name="OccurredUntil">When it ended (default the discovery).</param>
/// <param name="Description">What happened (no personal data about the people affected).</param>
/// <param name="Consequences">Likely consequences.</param>
/// <param name="Categories">Categories involved.</param>
/// <param name="Systems">Systems involved.</param>
/// <param name="Recipients">Recipients involved (policy keys).</param>
public sealed record NewBreach(DateTimeOffset? DiscoveredAt, DateTimeOffset OccurredFrom, DateTimeOffset? OccurredUntil, string Description, string Consequences, IReadOnlyList<string> Categories, IReadOnlyList<string> Systems, IReadOnlyList<string> Recipients);

/// <summary>What notifying the people affected by a breach did.</summary>
/// <param name="BreachId">The breach.</param>
/// <param name="Affected">People found affected.</param>
/// <param name="Queued">Notices queued in the outbox.</param>
/// <param name="WithoutAddress">People with no email address on file, to reach another way.</param>
public sealed record BreachNotification(string BreachId, int Affected, int Queued, int WithoutAddress);

public sealed partial class DataVault
{
    /// <summary>Records a breach and finds who was affected, from the store and the audit trail, without decrypting anything.</summary>
    public async Task<BreachStatus> RecordBreachAsync(NewBreach breach, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breach);
        foreach (var key in breach.Categories) ResolveCategory(key);
        foreach (var key in breach.Recipients) ResolveRecipient(key);
        if (breach.Categories.Count == 0 && breach.Recipients.Count == 0)
            throw new VaultException(VaultErrorCodes.InvalidIdentifier, "Name at least one category or recipient involved, so the people affected can be found.");
        var now = _clock.GetUtcNow();
        var discovered = breach.DiscoveredAt ?? now;
        var record = new BreachRecord(Ids.New("brc"), discovered, breach.OccurredFrom, breach.OccurredUntil ?? discovered, breach.Description, breach.Consequences, breach.Categories, breach.Systems, breach.Recipients);
        var affected = await FindAffectedAsync(record, cancellationToken);
        record = record with { AffectedPeople = affected.Count };
        await SaveBreachAsync(record, new AuditEntry(now, actor, "breach.record") { Categories = Distinct(breach.Categories), Count = affected.Count, Details = new Dictionary<string, string> { ["breach"] = record.BreachId } }, cancellationToken);
        return BreachStatus.At(record, now);
    }

    /// <summary>Every breach with its deadline status.</summary>
    public async Task<IReadOnlyList<BreachStatus>> ListBreachesAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        return [.. (await _store.GetBreachesAsync(cancellationToken)).Select(b => BreachStatus.At(b, now))];
    }

    /// <summary>One breach with its deadline status.</summary>
    public async Task<BreachStatus> GetBreachAsync(string breachId, CancellationToken cancellationToken) =>
        BreachStatus.At(await RequireBreachAsync(breachId, cancellationToken), _clock.GetUtcNow());

    /// <summary>The people affected: holders of the categories in the period, and people whose data went to the recipients concerned then (from the audit trail).</summary>
    public async Task<IReadOnlyList<string>> FindAffectedAsync(BreachRecord breach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var affected = new HashSet<string>(await _store.FindSubjectsHoldingAsync(breach.Categories, breach.OccurredFrom, breach.OccurredUntil, cancellationToken), StringComparer.Ordinal);
        if (breach.Recipients.Count > 0)
        {
            for (long from = 1; ;)
            {
                var page = await _store.ReadAuditAsync(from, 5000, cancellationToken);
                foreach (var entry in page)
                {
                    if (entry.SubjectId is { } subject && entry.Recipient is { } recipient && breach.Recipients.Contains(recipient)
                        && entry.At >= breach.OccurredFrom && entry.At <= breach.OccurredUntil && entry.Count > 0
                        && (breach.Categories.Count == 0 || entry.Categories.Any(c => breach.Categories.Any(b => BuiltInTaxonomy.IsAtOrBelow(c, b)))))
                    {
                        affected.Add(subject);
                    }
                }

                if (page.Count < 5000) break;
                from = page[^1].Sequence + 1;
            }
        }

        return [.. affected.Order(StringComparer.Ordinal)];
    }

    /// <summary>Marks the breach reported to the supervisory authority and returns the drafted Art. 33 notification.</summary>
    public async Task<string> ReportBreachAsync(string breachId, string actor, CancellationToken cancellationToken)
    {
        var breach = await RequireBreachAsync(breachId, cancellationToken);
        var now = _clock.GetUtcNow();
        breach = breach with { ReportedAt = breach.ReportedAt ?? now };
        await SaveBreachAsync(breach, new AuditEntry(now, actor, "breach.report") { Details = new Dictionary<string, string> { ["breach"] = breachId } }, cancellationToken);
        return BreachReport.Notification(Policy, BreachStatus.At(breach, now));
    }

    /// <summary>Adds an action taken (containment, remediation) to the register, for the follow-up report.</summary>
    public async Task<BreachStatus> AddBreachActionAsync(string breachId, string text, string actor, CancellationToken cancellationToken)
    {
        var breach = await RequireBreachAsync(breachId, cancellationToken);
        var now = _clock.GetUtcNow();
        breach = breach with { Actions = [.. breach.Actions, new BreachAction(now, text)] };
        await SaveBreachAsync(breach, new AuditEntry(now, actor, "breach.action") { Details = new Dictionary<string, string> { ["breach"] = breachId } }, cancellationToken);
        return BreachStatus.At(breach, now);
    }

    /// <summary>
    /// Notifies every person affected (Art. 34, IS6) in their language through the outbox, and marks the breach notified.
    /// People without an email address on file are counted, so the officer can reach them another way.
    /// </summary>
    public async Task<BreachNotification> NotifyBreachAsync(string breachId, string actor, CancellationToken cancellationToken)
    {
        var breach = await RequireBreachAsync(breachId, cancellationToken);
        var affected = await FindAffectedAsync(breach, cancellationToken);
        var contact = Policy.Document.Dpo?.Email ?? Policy.Document.Rights.ContactEmail ?? Policy.Document.Controller.Email ?? Policy.Document.Controller.Name;
        var measures = breach.Actions.Select(a => a.Text).ToList();
        var (messages, withoutAddress) = await ComposeNoticesAsync(affected, "art34_breach_notice", language =>
            Notifications.NoticeText.For(language).Breach(Policy.Document.Controller.Name, breach.Description, breach.Consequences, measures, contact), actor, cancellationToken);

        var now = _clock.GetUtcNow();
        var outbox = new Notifications.Outbox(_keys);
        breach = breach with { PeopleNotifiedAt = now, AffectedPeople = affected.Count };
        await using var tx = await _store.BeginAsync(cancellationToken);
        foreach (var (subjectId, message, language) in messages) await outbox.EnqueueAsync(tx, message, "breach_notice", language, null, subjectId, now, cancellationToken);
        await tx.SaveBreachAsync(breach, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "breach.notify") { Count = messages.Count, Details = new Dictionary<string, string> { ["breach"] = breachId, ["without_address"] = withoutAddress.ToString(System.Globalization.CultureInfo.InvariantCulture) } }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new BreachNotification(breachId, affected.Count, messages.Count, withoutAddress);
    }

    private async Task SaveBreachAsync(BreachRecord breach, AuditEntry audit, CancellationToken cancellationToken) =>
        await WriteAsync(tx => tx.SaveBreachAsync(breach, cancellationToken), audit, cancellationToken);

    private async Task<BreachRecord> RequireBreachAsync(string breachId, CancellationToken cancellationToken) =>
        await _store.GetBreachAsync(breachId, cancellationToken)
        ?? throw new VaultException(VaultErrorCodes.UnknownBreach, $"No breach '{breachId}' in the register.");
}
