using System.Text.Json;
using Custodian.Crypto;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Notifications;

/// <summary>
/// Queues transactional messages in the store, sealed under the hold key (the address and, for verification, the code),
/// inside the caller's transaction, so a request and its messages commit together. Sending is <see cref="OutboxDispatcher"/>'s job.
/// </summary>
public sealed class Outbox(KeyRing keys)
{
    private static readonly SealBinding Binding = new("outbox", "message", "");

    /// <summary>Renders nothing: seals an already rendered message and queues it in <paramref name="transaction"/>.</summary>
    public async Task<OutboxMessage> EnqueueAsync(IVaultTransaction transaction, RenderedMessage message, string template, string language, string? requestId, string? subjectId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(message);
        var id = Ids.New("msg");
        using var sealer = keys.CreateHoldSealer();
        var queued = new OutboxMessage
        {
            MessageId = id,
            RequestId = requestId,
            SubjectId = subjectId,
            Template = template,
            Language = language,
            CreatedAt = at,
            NextAttemptAt = at,
            Sealed = sealer.Seal(JsonSerializer.SerializeToUtf8Bytes(message), Binding with { RecordId = id }),
        };
        await transaction.EnqueueMessageAsync(queued, cancellationToken);
        return queued;
    }

    /// <summary>Opens a queued message's content; null once it was sent (its content is destroyed then).</summary>
    public RenderedMessage? Open(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Sealed is null) return null;
        using var sealer = keys.CreateHoldSealer();
        return JsonSerializer.Deserialize<RenderedMessage>(sealer.Open(message.Sealed, Binding with { RecordId = message.MessageId }));
    }

    /// <summary>Seals an address under the hold key, bound to an owner id (a request), for sending answers after an erasure.</summary>
    public byte[] SealAddress(string address, string ownerId)
    {
        using var sealer = keys.CreateHoldSealer();
        return sealer.Seal(address, new SealBinding("contact", "user.contact.email", ownerId));
    }

    /// <summary>Opens an address sealed by <see cref="SealAddress"/>.</summary>
    public string OpenAddress(byte[] sealedAddress, string ownerId)
    {
        using var sealer = keys.CreateHoldSealer();
        return sealer.OpenString(sealedAddress, new SealBinding("contact", "user.contact.email", ownerId));
    }
}
