using Microsoft.Data.Sqlite;

namespace Custodian.Benchmarks;

/// <summary>
/// The baseline store: a plain SQLite file with the same table shapes as the vault's events and records (same
/// columns, keys, foreign key and indexes as the vault's migrations leave them), the same WAL and synchronous
/// settings, and no sealing, decision or audit.
/// </summary>
internal sealed class PlainSqlite : IDisposable
{
    private const string Schema = """
        CREATE TABLE subjects (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
        CREATE TABLE events (
            id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects(id), key_owner_id TEXT NOT NULL,
            category TEXT NOT NULL, at INTEGER NOT NULL, device_id TEXT, value BLOB NOT NULL);
        CREATE INDEX ix_events_subject_at_id ON events(subject_id, at, id);
        CREATE INDEX ix_events_category_at ON events(category, at);
        CREATE TABLE records (
            id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects(id), key_owner_id TEXT NOT NULL,
            category TEXT NOT NULL, source INTEGER NOT NULL, purpose TEXT NOT NULL, collected_at INTEGER NOT NULL,
            expires_at INTEGER, key_kind INTEGER NOT NULL, version INTEGER NOT NULL, value BLOB, erased_at INTEGER);
        CREATE INDEX ix_records_subject ON records(subject_id, category);
        CREATE INDEX ix_records_expiry ON records(expires_at) WHERE expires_at IS NOT NULL AND erased_at IS NULL;
        CREATE INDEX ix_records_retention ON records(subject_id, id, category, purpose, collected_at, expires_at, key_kind)
            WHERE erased_at IS NULL AND value IS NOT NULL;
        CREATE INDEX ix_records_category ON records(category, collected_at);
        """;

    public PlainSqlite()
    {
        Directory = BenchVault.TempDirectory("plain");
        System.IO.Directory.CreateDirectory(Directory);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Directory, "plain.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
        }.ToString();
        Connection = Open();
        Execute("PRAGMA journal_mode=WAL");
        Execute(Schema);
    }

    public string Directory { get; }

    public string ConnectionString { get; }

    /// <summary>The writer connection, configured like the vault's (WAL, synchronous=NORMAL, foreign keys on).</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Opens another connection with the same settings (readers).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON";
        command.ExecuteNonQuery();
        return connection;
    }

    public void Execute(string sql, params object[] values)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue("$p" + i, values[i]);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Connection.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
