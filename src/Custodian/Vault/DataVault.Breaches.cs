using System.Collections.Concurrent;
using System.Globalization;
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
    // The breaches whose people are being notified right now in this process.
    private readonly ConcurrentDictionary<string, bool> _notifyingBreaches = new(StringComparer.Ordinal);

    /// <summary>Records a breach and finds who was affected, from the store and the audit trail, without decrypting anything.</summary>
    public async Task<BreachStatus> RecordBreachAsync(NewBreach breach, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breach);
        foreach (var key in breach.Categories) ResolveCategory(key);
        foreach (var key in breach.Recipients) ResolveRecipient(key);
        if (breach.Categories.Count == 0 && breach.Recipients.Count == 0)
            throw new VaultException(VaultErrorCodes.InvalidIdentifier, "Name at least one category or recipient involved, so the people affected can be found.");
        var now = _clock.GetUtcNow();
        if (BreachPeriod.Check(breach.DiscoveredAt, breach.OccurredFrom, breach.OccurredUntil, now) is { } problem)
            throw new VaultException(VaultErrorCodes.InvalidValue, problem.Message);

        // A start a little ahead of this clock (skew) is discovered when it begins, never before.
        var discovered = breach.DiscoveredAt ?? (breach.OccurredFrom > now ? breach.OccurredFrom : now);
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
    /// People without an email address on file are counted, so the officer can reach them another way. A breach whose
    /// people were already notified is refused (<see cref="VaultErrorCodes.AlreadyNotified"/>) before anything is read or queued.
    /// </summary>
    public Task<BreachNotification> NotifyBreachAsync(string breachId, string actor, CancellationToken cancellationToken) =>
        NotifyBreachAsync(breachId, resend: false, actor, cancellationToken);

    /// <summary>
    /// Notifies every person affected (Art. 34, IS6); with <paramref name="resend"/>, again even though they were already
    /// notified (audited as a resend). The time first notified is kept; the count of people is the latest.
    /// </summary>
    public async Task<BreachNotification> NotifyBreachAsync(string breachId, bool resend, string actor, CancellationToken cancellationToken)
    {
        var breach = await RequireBreachAsync(breachId, cancellationToken);
        RefuseIfNotified(breach, resend);

        // Two notifications of one breach at once in this process would both pass the check above: the second is refused
        // here without composing anything (another server's is refused by the claim in the transaction).
        if (!_notifyingBreaches.TryAdd(breach.BreachId, true))
            throw new VaultException(VaultErrorCodes.AlreadyNotified, $"The people affected by breach {breach.BreachId} are being notified right now; nothing was sent again. Check the breach once that has finished.");
        try
        {
            breach = await RequireBreachAsync(breachId, cancellationToken);
            RefuseIfNotified(breach, resend);
            return await SendBreachNoticesAsync(breach, resend, actor, cancellationToken);
        }
        finally
        {
            _notifyingBreaches.TryRemove(breach.BreachId, out _);
        }
    }

    private static void RefuseIfNotified(BreachRecord breach, bool resend)
    {
        if (resend || breach.PeopleNotifiedAt is not { } notifiedAt) return;
        var people = breach.AffectedPeople.ToString(CultureInfo.InvariantCulture);
        throw new VaultException(
            VaultErrorCodes.AlreadyNotified,
            $"The people affected by breach {breach.BreachId} were already notified on {notifiedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} ({people} {(breach.AffectedPeople == 1 ? "person" : "people")} affected); nothing was sent again. To send every notice again, ask for a resend explicitly (API: \"resend\": true; CLI: --resend).");
    }

    private async Task<BreachNotification> SendBreachNoticesAsync(BreachRecord breach, bool resend, string actor, CancellationToken cancellationToken)
    {
        var breachId = breach.BreachId;
        var affected = await FindAffectedAsync(breach, cancellationToken);
        var contact = Policy.Document.Dpo?.Email ?? Policy.Document.Rights.ContactEmail ?? Policy.Document.Controller.Email ?? Policy.Document.Controller.Name;
        var measures = breach.Actions.Select(a => a.Text).ToList();
        var (messages, withoutAddress) = await ComposeNoticesAsync(affected, "art34_breach_notice", language =>
            Notifications.NoticeText.For(language).Breach(Policy.Document.Controller.Name, breach.Description, breach.Consequences, measures, contact), actor, cancellationToken);

        var now = _clock.GetUtcNow();
        var outbox = new Notifications.Outbox(_keys);
        breach = breach with { PeopleNotifiedAt = breach.PeopleNotifiedAt ?? now, AffectedPeople = affected.Count };
        var details = new Dictionary<string, string> { ["breach"] = breachId, ["without_address"] = AuditToken.Number(withoutAddress) };
        if (resend) details["resend"] = "true";
        await using var tx = await _store.BeginAsync(cancellationToken);

        // The check before composing was a read; this claim is the write that lets one notification through, across servers.
        if (!resend && !await tx.ClaimBreachNotificationAsync(breachId, now, cancellationToken))
        {
            await tx.DisposeAsync();
            RefuseIfNotified(await RequireBreachAsync(breachId, cancellationToken), resend: false);
            throw new VaultException(VaultErrorCodes.AlreadyNotified, $"The people affected by breach {breachId} are being notified by another server; nothing was sent again.");
        }

        foreach (var (subjectId, message, language) in messages) await outbox.EnqueueAsync(tx, message, "breach_notice", language, null, subjectId, now, cancellationToken);
        await tx.SaveBreachAsync(breach, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "breach.notify") { Count = messages.Count, Details = details }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new BreachNotification(breachId, affected.Count, messages.Count, withoutAddress);
    }

    private async Task SaveBreachAsync(BreachRecord breach, AuditEntry audit, CancellationToken cancellationToken) =>
        await WriteAsync(tx => tx.SaveBreachAsync(breach, cancellationToken), audit, cancellationToken);

    private async Task<BreachRecord> RequireBreachAsync(string breachId, CancellationToken cancellationToken) =>
        await _store.GetBreachAsync(breachId, cancellationToken)
        ?? throw new VaultException(VaultErrorCodes.UnknownBreach, LooksLikeBreachId(breachId) ? $"No breach '{breachId}' in the register; list them with GET /v1/breaches or custodian breach list." : "No breach with that id in the register (ids look like brc_…); list them with GET /v1/breaches or custodian breach list.");

    // An id is echoed back only when it is short and plain: anything else given in its place is not repeated.
    private static bool LooksLikeBreachId(string breachId) =>
        breachId.Length <= 64 && breachId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
