using Custodian.Notifications;
using Custodian.Requests;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Data-subject requests, re-sealing under the hold key, and the outbox.</summary>
internal sealed partial class SqliteVaultTransaction
{
    public Task SaveRequestAsync(StoredRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Run(
            """
            INSERT INTO requests (id, subject_id, kind, status, channel, received_at, due_at, language, contact_sealed, purpose, code_hash, code_expires_at, code_attempts, extended_at, reason_code, reason, result_json, closed_at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17)
            ON CONFLICT(id) DO UPDATE SET subject_id = excluded.subject_id, kind = excluded.kind, status = excluded.status, channel = excluded.channel,
                received_at = excluded.received_at, due_at = excluded.due_at, language = excluded.language, contact_sealed = excluded.contact_sealed,
                purpose = excluded.purpose, code_hash = excluded.code_hash, code_expires_at = excluded.code_expires_at, code_attempts = excluded.code_attempts,
                extended_at = excluded.extended_at, reason_code = excluded.reason_code, reason = excluded.reason, result_json = excluded.result_json, closed_at = excluded.closed_at
            """,
            cancellationToken,
            VaultStoreException.Duplicate,
            request.RequestId, request.SubjectId, (int)request.Kind, (int)request.Status, (int)request.Channel, Ticks(request.ReceivedAt), Ticks(request.DueAt), request.Language,
            request.ContactSealed, request.Purpose, request.CodeHash, Ticks(request.CodeExpiresAt), request.CodeAttempts, Ticks(request.ExtendedAt), request.ReasonCode,
            request.Reason, request.ResultJson, Ticks(request.ClosedAt));
        return Task.CompletedTask;
    }

    public Task<bool> UpdateRequestAsync(StoredRequest request, RequestStatus expectedStatus, int expectedCodeAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changed = Run(
            """
            UPDATE requests SET subject_id = $p1, status = $p2, due_at = $p3, language = $p4, contact_sealed = $p5, purpose = $p6, code_hash = $p7,
                code_expires_at = $p8, code_attempts = $p9, extended_at = $p10, reason_code = $p11, reason = $p12, result_json = $p13, closed_at = $p14
            WHERE id = $p0 AND status = $p15 AND code_attempts = $p16
            """,
            cancellationToken,
            null,
            request.RequestId, request.SubjectId, (int)request.Status, Ticks(request.DueAt), request.Language, request.ContactSealed, request.Purpose, request.CodeHash,
            Ticks(request.CodeExpiresAt), request.CodeAttempts, Ticks(request.ExtendedAt), request.ReasonCode, request.Reason, request.ResultJson, Ticks(request.ClosedAt),
            (int)expectedStatus, expectedCodeAttempts);
        return Task.FromResult(changed == 1);
    }

    public Task AppendRequestHistoryAsync(RequestStatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        Run(
            "INSERT INTO request_history (request_id, status, at, actor, reason_code) VALUES ($p0, $p1, $p2, $p3, $p4)",
            cancellationToken,
            null,
            change.RequestId, (int)change.Status, Ticks(change.At), change.Actor, change.ReasonCode);
        return Task.CompletedTask;
    }

    public Task<bool> ResealRecordAsync(string recordId, byte[] sealedValue, SealingKeyKind keyKind, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealedValue);

        // Overwriting the column destroys the ciphertext under the old key in the same statement.
        var changed = Run(
            "UPDATE records SET sealed = $p1, key_kind = $p2, expires_at = $p3 WHERE id = $p0 AND erased_at IS NULL AND sealed IS NOT NULL",
            cancellationToken,
            null,
            recordId, sealedValue, (int)keyKind, Ticks(expiresAt));
        return Task.FromResult(changed > 0);
    }

    public Task EnqueueMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Run(
            "INSERT INTO outbox (id, request_id, subject_id, template, language, created_at, sealed, status, attempts, next_attempt_at, sent_at, last_error) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)",
            cancellationToken,
            VaultStoreException.Duplicate,
            message.MessageId, message.RequestId, message.SubjectId, message.Template, message.Language, Ticks(message.CreatedAt), message.Sealed, (int)message.Status,
            message.Attempts, Ticks(message.NextAttemptAt), Ticks(message.SentAt), message.LastError);
        return Task.CompletedTask;
    }

    public Task UpdateMessageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var changed = Run(
            "UPDATE outbox SET sealed = $p1, status = $p2, attempts = $p3, next_attempt_at = $p4, sent_at = $p5, last_error = $p6 WHERE id = $p0",
            cancellationToken,
            null,
            message.MessageId, message.Sealed, (int)message.Status, message.Attempts, Ticks(message.NextAttemptAt), Ticks(message.SentAt), message.LastError);
        if (changed == 0) throw new VaultStoreException(VaultStoreException.UnknownRecord, $"Message {message.MessageId} does not exist.");
        return Task.CompletedTask;
    }

    public Task<bool> ClaimMessageAsync(string messageId, DateTimeOffset dueAt, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var claimed = Run(
            "UPDATE outbox SET next_attempt_at = $p2 WHERE id = $p0 AND status = $p3 AND next_attempt_at = $p1",
            cancellationToken,
            null,
            messageId, Ticks(dueAt), Ticks(leaseUntil), (int)OutboxStatus.Pending);
        return Task.FromResult(claimed == 1);
    }
}
