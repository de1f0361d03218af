using System.Text;
using Custodian.Notifications;
using Custodian.Requests;
using Custodian.Storage;
using Microsoft.Data.Sqlite;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Read paths for data-subject requests, keyset paging of events and subjects, and the outbox.</summary>
public sealed partial class SqliteVaultStore
{
    private const string RequestColumns = "id, subject_id, kind, status, channel, received_at, due_at, language, contact_sealed, purpose, code_hash, code_expires_at, code_attempts, extended_at, reason_code, reason, result_json, closed_at";
    private const string OutboxColumns = "id, request_id, subject_id, template, language, created_at, sealed, status, attempts, next_attempt_at, sent_at, last_error";

    /// <inheritdoc />
    public Task<StoredRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection => Query(connection, null, $"SELECT {RequestColumns} FROM requests WHERE id = $p0", [requestId], MapRequest).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRequest>> ListRequestsAsync(RequestQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {RequestColumns} FROM requests WHERE 1 = 1");
        var values = new List<object?>();
        void Filter(string clause, object? value)
        {
            sql.Append(" AND ").Append(clause.Replace("?", "$p" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            values.Add(value);
        }

        if (query.Status is { } status) Filter("status = ?", (int)status);
        if (query.Kind is { } kind) Filter("kind = ?", (int)kind);
        if (query.SubjectId is { } subject) Filter("subject_id = ?", subject);
        if (query.OverdueAt is { } at) Filter("closed_at IS NULL AND due_at < ?", Ticks(at));
        sql.Append(" ORDER BY due_at, id LIMIT $p").Append(values.Count);
        values.Add(query.Limit);
        return Read<IReadOnlyList<StoredRequest>>(cancellationToken, connection => Query(connection, null, sql.ToString(), [.. values], MapRequest));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RequestStatusChange>> GetRequestHistoryAsync(string requestId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<RequestStatusChange>>(cancellationToken, connection =>
            Query(connection, null, "SELECT request_id, status, at, actor, reason_code FROM request_history WHERE request_id = $p0 ORDER BY at, rowid", [requestId], r =>
                new RequestStatusChange(r.GetString(0), (RequestStatus)r.GetInt32(1), Time(r, 2), r.GetString(3), OptionalString(r, 4))));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> GetEventsAfterAsync(string subjectId, DateTimeOffset afterAt, string? afterId, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredEvent>>(cancellationToken, connection =>
            Query(
                connection,
                null,
                afterId is null
                    ? "SELECT id, subject_id, key_owner_id, category, at, device_id, sealed FROM events WHERE subject_id = $p0 AND at >= $p1 ORDER BY at, id LIMIT $p2"
                    : "SELECT id, subject_id, key_owner_id, category, at, device_id, sealed FROM events WHERE subject_id = $p0 AND (at, id) > ($p1, $p3) ORDER BY at, id LIMIT $p2",
                afterId is null ? [subjectId, Ticks(afterAt), limit] : [subjectId, Ticks(afterAt), limit, afterId],
                r => new StoredEvent(r.GetString(0), r.GetString(1), r.GetString(3), Time(r, 4), OptionalString(r, 5), r.GetFieldValue<byte[]>(6)) { KeyOwnerId = r.GetString(2) }));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListSubjectIdsAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<string>>(cancellationToken, connection =>
            Query(connection, null, "SELECT id FROM subjects WHERE id > $p0 ORDER BY id LIMIT $p1", [afterId ?? "", limit], r => r.GetString(0)));

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> GetDueMessagesAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<OutboxMessage>>(cancellationToken, connection =>
            Query(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE status = $p0 AND next_attempt_at <= $p1 ORDER BY next_attempt_at, id LIMIT $p2", [(int)OutboxStatus.Pending, Ticks(at), limit], MapMessage));

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> GetMessagesAsync(string? requestId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<OutboxMessage>>(cancellationToken, connection => requestId is null
            ? Query(connection, null, $"SELECT {OutboxColumns} FROM outbox ORDER BY created_at, id", [], MapMessage)
            : Query(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE request_id = $p0 ORDER BY created_at, id", [requestId], MapMessage));

    private static StoredRequest MapRequest(SqliteDataReader r) => new()
    {
        RequestId = r.GetString(0),
        SubjectId = OptionalString(r, 1),
        Kind = (RequestKind)r.GetInt32(2),
        Status = (RequestStatus)r.GetInt32(3),
        Channel = (RequestChannel)r.GetInt32(4),
        ReceivedAt = Time(r, 5),
        DueAt = Time(r, 6),
        Language = r.GetString(7),
        ContactSealed = OptionalBytes(r, 8),
        Purpose = OptionalString(r, 9),
        CodeHash = OptionalString(r, 10),
        CodeExpiresAt = OptionalTime(r, 11),
        CodeAttempts = r.GetInt32(12),
        ExtendedAt = OptionalTime(r, 13),
        ReasonCode = OptionalString(r, 14),
        Reason = OptionalString(r, 15),
        ResultJson = OptionalString(r, 16),
        ClosedAt = OptionalTime(r, 17),
    };

    private static OutboxMessage MapMessage(SqliteDataReader r) => new()
    {
        MessageId = r.GetString(0),
        RequestId = OptionalString(r, 1),
        SubjectId = OptionalString(r, 2),
        Template = r.GetString(3),
        Language = r.GetString(4),
        CreatedAt = Time(r, 5),
        Sealed = OptionalBytes(r, 6),
        Status = (OutboxStatus)r.GetInt32(7),
        Attempts = r.GetInt32(8),
        NextAttemptAt = Time(r, 9),
        SentAt = OptionalTime(r, 10),
        LastError = OptionalString(r, 11),
    };
}
