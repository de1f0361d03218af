using Custodian.Notifications;
using Custodian.Requests;
using Custodian.Storage;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Data-subject requests, re-sealing under the hold key, and the outbox.</summary>
internal sealed partial class PostgresVaultTransaction
{
    public Task SaveRequestAsync(StoredRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(
            """
            INSERT INTO requests (id, subject_id, kind, status, channel, received_at, due_at, language, contact_sealed, purpose, code_hash, code_expires_at, code_attempts, extended_at, reason_code, reason, result_json, closed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            ON CONFLICT (id) DO UPDATE SET subject_id = excluded.subject_id, kind = excluded.kind, status = excluded.status, channel = excluded.channel,
                received_at = excluded.received_at, due_at = excluded.due_at, language = excluded.language, contact_sealed = excluded.contact_sealed,
                purpose = excluded.purpose, code_hash = excluded.code_hash, code_expires_at = excluded.code_expires_at, code_attempts = excluded.code_attempts,
                extended_at = excluded.extended_at, reason_code = excluded.reason_code, reason = excluded.reason, result_json = excluded.result_json, closed_at = excluded.closed_at
            """,
            VaultStoreException.Duplicate,
            cancellationToken,
            request.RequestId, request.SubjectId, (int)request.Kind, (int)request.Status, (int)request.Channel, Ticks(request.ReceivedAt), Ticks(request.DueAt), request.Language,
            request.ContactSealed, request.Purpose, request.CodeHash, Ticks(request.CodeExpiresAt), request.CodeAttempts, Ticks(request.ExtendedAt), request.ReasonCode,
            request.Reason, request.ResultJson, Ticks(request.ClosedAt));
    }

    public async Task<bool> UpdateRequestAsync(StoredRequest request, RequestStatus expectedStatus, int expectedCodeAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Under READ COMMITTED a second writer waits for the first one's row lock and re-checks the condition on the row it wrote.
        return await RunAsync(
            """
            UPDATE requests SET subject_id = $2, status = $3, due_at = $4, language = $5, contact_sealed = $6, purpose = $7, code_hash = $8,
                code_expires_at = $9, code_attempts = $10, extended_at = $11, reason_code = $12, reason = $13, result_json = $14, closed_at = $15
            WHERE id = $1 AND status = $16 AND code_attempts = $17
            """,
            VaultStoreException.Duplicate,
            cancellationToken,
            request.RequestId, request.SubjectId, (int)request.Status, Ticks(request.DueAt), request.Language, request.ContactSealed, request.Purpose, request.CodeHash,
            Ticks(request.CodeExpiresAt), request.CodeAttempts, Ticks(request.ExtendedAt), request.ReasonCode, request.Reason, request.ResultJson, Ticks(request.ClosedAt),
            (int)expectedStatus, expectedCodeAttempts) == 1;
    }

    public Task AppendRequestHistoryAsync(RequestStatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return RunAsync(
            "INSERT INTO request_history (request_id, status, at, actor, reason_code) VALUES ($1, $2, $3, $4, $5)",
            VaultStoreException.Duplicate,
            cancellationToken,
            change.RequestId, (int)change.Status, Ticks(change.At), change.Actor, change.ReasonCode);
    }

    public async Task<bool> ResealRecordAsync(string recordId, byte[] sealedValue, SealingKeyKind keyKind, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);

        // Overwriting the column destroys the ciphertext under the old key in the same statement.
        return await RunAsync(
            "UPDATE records SET sealed = $2, key_kind = $3, expires_at = $4 WHERE id = $1 AND erased_at IS NULL AND sealed IS NOT NULL",
            VaultStoreException.Duplicate,
            cancellationToken,
            recordId, sealedValue, (int)keyKind, Ticks(expiresAt)) > 0;
    }

    public Task EnqueueMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RunAsync(
            "INSERT INTO outbox (id, request_id, subject_id, template, language, created_at, sealed, status, attempts, next_attempt_at, sent_at, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            VaultStoreException.Duplicate,
            cancellationToken,
            message.MessageId, message.RequestId, message.SubjectId, message.Template, message.Language, Ticks(message.CreatedAt), message.Sealed, (int)message.Status,
            message.Attempts, Ticks(message.NextAttemptAt), Ticks(message.SentAt), message.LastError);
    }

    public async Task UpdateMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var changed = await RunAsync(
            "UPDATE outbox SET sealed = $2, status = $3, attempts = $4, next_attempt_at = $5, sent_at = $6, last_error = $7 WHERE id = $1",
            VaultStoreException.Duplicate,
            cancellationToken,
            message.MessageId, message.Sealed, (int)message.Status, message.Attempts, Ticks(message.NextAttemptAt), Ticks(message.SentAt), message.LastError);
        if (changed == 0)
        {
            throw new VaultStoreException(VaultStoreException.UnknownRecord, $"Message {message.MessageId} does not exist.");
        }
    }

    public async Task<bool> ClaimMessageAsync(string messageId, DateTimeOffset dueAt, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);

        // A second sender's claim waits for the first's row lock, then finds the due time moved and takes nothing.
        return await RunAsync(
            "UPDATE outbox SET next_attempt_at = $3 WHERE id = $1 AND status = $4 AND next_attempt_at = $2",
            VaultStoreException.Duplicate,
            cancellationToken,
            messageId, Ticks(dueAt), Ticks(leaseUntil), (int)OutboxStatus.Pending) == 1;
    }
}
