using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite;

/// <summary>
/// A read connection the store keeps open between reads, configured once, with its own prepared commands: a read
/// then costs only the statements it runs, not an open, three pragmas and a parse of every statement.
/// </summary>
internal sealed class SqliteReaderConnection : IDisposable
{
    public SqliteReaderConnection(SqliteConnection connection)
        : this(connection, new SqliteCommandCache(connection))
    {
    }

    /// <summary>A view of a connection owned elsewhere (the writer), with a command cache of its own; never disposed.</summary>
    public SqliteReaderConnection(SqliteConnection connection, SqliteCommandCache commands)
    {
        Connection = connection;
        Commands = commands;
    }

    public SqliteConnection Connection { get; }

    public SqliteCommandCache Commands { get; }

    /// <summary>The prepared command for <paramref name="sql"/>, bound to <paramref name="values"/>; owned by the cache, never disposed by callers.</summary>
    public SqliteCommand Command(SqliteTransaction? transaction, string sql, params object?[] values)
    {
        var command = Commands.Get(sql, transaction);
        SqliteValues.Bind(command, values);
        return command;
    }

    /// <summary>
    /// Opens a read transaction with a cached <c>BEGIN</c>, so every read until the returned scope ends sees one WAL
    /// snapshot; the scope ends it with a cached <c>ROLLBACK</c>. Reads inside it pass no transaction object.
    /// </summary>
    public ReadSnapshot BeginSnapshot()
    {
        Commands.Get("BEGIN", null).ExecuteNonQuery();
        return new ReadSnapshot(this);
    }

    public void Dispose()
    {
        Commands.Dispose();
        Connection.Dispose();
    }
}

/// <summary>A read transaction of a <see cref="SqliteReaderConnection"/>; disposing it ends it.</summary>
internal readonly struct ReadSnapshot(SqliteReaderConnection connection) : IDisposable
{
    public void Dispose()
    {
        // SQLite may have ended the transaction itself after an error; then there is nothing to end.
        if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Connection.Handle) == 0) connection.Commands.Get("ROLLBACK", null).ExecuteNonQuery();
    }
}
