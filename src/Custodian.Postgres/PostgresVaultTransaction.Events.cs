using Custodian.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Custodian.Postgres;

/// <summary>Event batches: binary COPY for large batches, one array INSERT for small ones.</summary>
internal sealed partial class PostgresVaultTransaction
{
    public async Task AppendEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ThrowIfCompleted();
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            if (events.Count >= _options.CopyThreshold)
            {
                await CopyEventsAsync(events, cancellationToken);
            }
            else
            {
                await InsertEventsAsync(events, cancellationToken);
            }
        }
        catch (PostgresException ex) when (PostgresErrors.IsConstraint(ex))
        {
            throw PostgresErrors.Translate(ex, VaultStoreException.Duplicate);
        }
    }

    private async Task CopyEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await using var writer = await _connection.BeginBinaryImportAsync(
            "COPY events (id, subject_id, key_owner_id, category, at, device_id, sealed) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var e in events)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(e.EventId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.SubjectId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.EffectiveKeyOwnerId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.CategoryKey, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(e.At.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
            if (e.DeviceId is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(e.DeviceId, NpgsqlDbType.Text, cancellationToken);
            }

            await writer.WriteAsync(e.Sealed, NpgsqlDbType.Bytea, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private async Task InsertEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var ids = new string[events.Count];
        var subjects = new string[events.Count];
        var owners = new string[events.Count];
        var categories = new string[events.Count];
        var times = new long[events.Count];
        var devices = new string?[events.Count];
        var sealedValues = new byte[events.Count][];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            (ids[i], subjects[i], owners[i], categories[i], times[i], devices[i], sealedValues[i]) =
                (e.EventId, e.SubjectId, e.EffectiveKeyOwnerId, e.CategoryKey, e.At.UtcTicks, e.DeviceId, e.Sealed);
        }

        // One statement and one round trip for the whole batch: the columns travel as parallel arrays.
        await FlushAsync(cancellationToken);
        await using var command = PostgresSql.Create(
            _connection,
            """
            INSERT INTO events (id, subject_id, key_owner_id, category, at, device_id, sealed)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bytea[])
            """,
            ids,
            subjects,
            owners,
            categories,
            times,
            devices,
            sealedValues);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
