using Npgsql;
using NpgsqlTypes;

namespace Custodian.Postgres;

/// <summary>
/// Builds commands with positional parameters (<c>$1..$n</c>, sent as-is, so the SQL is never
/// rewritten) and runs them, translating constraint errors into <see cref="Custodian.Storage.VaultStoreException"/>.
/// Adding a store method is one SQL string and one call here.
/// </summary>
internal static class PostgresSql
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }

        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }

        return command;
    }

    /// <summary>Runs a statement; a unique violation becomes <paramref name="duplicateCode"/>, a missing reference <c>STORE001</c>.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, string duplicateCode, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Create(connection, sql, values);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (PostgresErrors.IsConstraint(ex))
        {
            throw PostgresErrors.Translate(ex, duplicateCode);
        }
    }

    /// <summary>Runs a batch in one round trip, translating constraint errors as <see cref="ExecuteAsync"/> does.</summary>
    public static async Task<int> ExecuteBatchAsync(NpgsqlBatch batch, string duplicateCode, CancellationToken cancellationToken)
    {
        try
        {
            return await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (PostgresErrors.IsConstraint(ex))
        {
            throw PostgresErrors.Translate(ex, duplicateCode);
        }
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Create(connection, sql, values);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? default : (T)result;
    }

    public static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, object?[] values, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var results = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(map(reader));
        }

        return results;
    }

    // Nulls go as typed nulls where the type is known, so "$3 IS NULL" style filters need no guessing by the server.
    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        ReadOnlyMemory<byte> bytes => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = bytes.ToArray() },
        _ => new NpgsqlParameter { Value = value },
    };
}
