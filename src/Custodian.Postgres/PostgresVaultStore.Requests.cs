using System.Globalization;
using System.Text;
using Custodian.Notifications;
using Custodian.Requests;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Read paths for data-subject requests, keyset paging of events and subjects, and the outbox.</summary>
public sealed partial class PostgresVaultStore
{
    private const string RequestColumns = "id, subject_id, kind, status, channel, received_at, due_at, language, contact_sealed, purpose, code_hash, code_expires_at, code_attempts, extended_at, reason_code, reason, result_json, closed_at";
    private const string OutboxColumns = "id, request_id, subject_id, template, language, created_at, sealed, status, attempts, next_attempt_at, sent_at, last_error";
    private const string EventColumns = "id, subject_id, key_owner_id, category, at, device_id, sealed";

    /// <inheritdoc />
    public Task<StoredRequest?> GetRequestAsync(string requestId, CancellationToken cancellationToken) =>
        WithConnectionAsync(async c => (await QueryAsync(c, $"SELECT {RequestColumns} FROM requests WHERE id = $1", [requestId], MapRequest, cancellationToken)).FirstOrDefault(), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRequest>> ListRequestsAsync(RequestQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder($"SELECT {RequestColumns} FROM requests WHERE true");
        var values = new List<object?>();
        void Filter(string clause, object value)
        {
            values.Add(value);
            sql.Append(" AND ").Append(clause.Replace("?", "$" + values.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (query.Status is { } status) Filter("status = ?", (int)status);
        if (query.Kind is { } kind) Filter("kind = ?", (int)kind);
        if (query.SubjectId is { } subject) Filter("subject_id = ?", subject);
        if (query.OverdueAt is { } at) Filter("closed_at IS NULL AND due_at < ?", Ticks(at));
        values.Add(query.Limit);
        sql.Append(" ORDER BY due_at, id LIMIT $").Append(values.Count.ToString(CultureInfo.InvariantCulture));
        return WithConnectionAsync<IReadOnlyList<StoredRequest>>(async c => await QueryAsync(c, sql.ToString(), [.. values], MapRequest, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RequestStatusChange>> GetRequestHistoryAsync(string requestId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<RequestStatusChange>>(
            async c => await QueryAsync(c, "SELECT request_id, status, at, actor, reason_code FROM request_history WHERE request_id = $1 ORDER BY at, seq", [requestId], r =>
                new RequestStatusChange(r.GetString(0), (RequestStatus)r.GetInt32(1), Time(r, 2), r.GetString(3), OptionalString(r, 4)), cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> GetEventsAfterAsync(string subjectId, DateTimeOffset afterAt, string? afterId, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredEvent>>(
            async c => await QueryAsync(
                c,
                afterId is null
                    ? $"SELECT {EventColumns} FROM events WHERE subject_id = $1 AND at >= $2 ORDER BY at, id LIMIT $3"
                    : $"SELECT {EventColumns} FROM events WHERE subject_id = $1 AND (at, id) > ($2, $4) ORDER BY at, id LIMIT $3",
                afterId is null ? [subjectId, Ticks(afterAt), limit] : [subjectId, Ticks(afterAt), limit, afterId],
                MapEvent,
                cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Ids compare in the database's collation; a sweep only needs the order to be stable between pages.</remarks>
    public Task<IReadOnlyList<string>> ListSubjectIdsAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<string>>(
            async c => await QueryAsync(c, "SELECT id FROM subjects WHERE ($1::text IS NULL OR id > $1::text) ORDER BY id LIMIT $2", [afterId, limit], r => r.GetString(0), cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> GetDueMessagesAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<OutboxMessage>>(
            async c => await QueryAsync(
                c,
                $"SELECT {OutboxColumns} FROM outbox WHERE status = $1 AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3",
                [(int)OutboxStatus.Pending, Ticks(at), limit],
                MapMessage,
                cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> GetMessagesAsync(string? requestId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<OutboxMessage>>(
            async c => await QueryAsync(c, $"SELECT {OutboxColumns} FROM outbox WHERE ($1::text IS NULL OR request_id = $1::text) ORDER BY created_at, id", [requestId], MapMessage, cancellationToken),
            cancellationToken);

    internal static StoredEvent MapEvent(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(3), Time(r, 4), OptionalString(r, 5), r.GetFieldValue<byte[]>(6)) { KeyOwnerId = r.GetString(2) };

    private static StoredRequest MapRequest(NpgsqlDataReader r) => new()
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

    private static OutboxMessage MapMessage(NpgsqlDataReader r) => new()
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
