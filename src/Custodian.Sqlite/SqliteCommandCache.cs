using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite;

/// <summary>
/// Prepared commands for one connection, keyed by SQL text, so repeated writes (event batches)
/// reuse the compiled statement and its parameter objects instead of re-parsing SQL.
/// </summary>
internal sealed class SqliteCommandCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommandCache(SqliteConnection connection) => _connection = connection;

    /// <summary>The cached command for <paramref name="sql"/> with positional parameters <c>$p0..$pN</c>, bound to <paramref name="transaction"/>.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < CountParameters(sql); i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DBNull.Value));
            }

            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private static int CountParameters(string sql)
    {
        var count = 0;
        while (sql.Contains("$p" + count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
