using Custodian.Audit;
using Custodian.Storage;

namespace Custodian.Notifications;

/// <summary>
/// Sends due messages through a transport. A failure is retried with exponential back-off (1, 2, 4… minutes, at most
/// a day apart) up to <see cref="MaxAttempts"/> attempts, then the message is marked failed. A sent message's sealed content
/// is destroyed. Every attempt is audited with the template and a non-personal code, never the address.
/// </summary>
public sealed class OutboxDispatcher(IVaultStore store, Outbox outbox, IMessageTransport transport, string from, TimeProvider clock)
{
    /// <summary>Attempts before a message is given up.</summary>
    public const int MaxAttempts = 8;

    /// <summary>How long a claimed message is left to its sender before another may try it (a sender that died holding it).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>The first retry delay; each further one doubles.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromDays(1).Ticks, FirstRetry.Ticks << Math.Min(attempts - 1, 20)));

    /// <summary>Sends every message due now; returns (sent, failed attempts).</summary>
    public async Task<(int Sent, int Failed)> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        foreach (var message in await store.GetDueMessagesAsync(clock.GetUtcNow(), 100, cancellationToken))
        {
            // Claimed first, so that two senders (the periodic worker and a page's wake-up, or two servers) never both send it.
            await using (var claim = await store.BeginAsync(cancellationToken))
            {
                if (!await claim.ClaimMessageAsync(message.MessageId, message.NextAttemptAt, clock.GetUtcNow() + ClaimLease, cancellationToken)) continue;
                await claim.CommitAsync(cancellationToken);
            }

            var content = outbox.Open(message);
            OutboxMessage updated;
            var now = clock.GetUtcNow();
            if (content is null)
            {
                updated = message with { Status = OutboxStatus.Failed, LastError = "content_missing" };
            }
            else
            {
                try
                {
                    await transport.SendAsync(message.MessageId, from, content, cancellationToken);
                    updated = message with { Status = OutboxStatus.Sent, SentAt = now, Sealed = null, Attempts = message.Attempts + 1, LastError = null };
                    sent++;
                }
                catch (MessageDeliveryException e)
                {
                    var attempts = message.Attempts + 1;
                    updated = message with
                    {
                        Attempts = attempts,
                        LastError = e.Code,
                        Status = attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending,
                        NextAttemptAt = now + BackOff(attempts),
                    };
                    failed++;
                }
            }

            await using var tx = await store.BeginAsync(cancellationToken);
            await tx.UpdateMessageAsync(updated, cancellationToken);
            await tx.AppendAuditAsync(new AuditEntry(now, AuditEntry.SystemActor, updated.Status == OutboxStatus.Sent ? "message.sent" : "message.failed")
            {
                SubjectId = message.SubjectId,
                ReasonCodes = updated.LastError is { } code ? [code] : [],
                Count = updated.Attempts,
                Details = new Dictionary<string, string> { ["template"] = message.Template, ["message"] = message.MessageId },
            }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return (sent, failed);
    }
}
