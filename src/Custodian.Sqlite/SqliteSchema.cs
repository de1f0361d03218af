using System.Globalization;
using Custodian.Storage;
using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite;

/// <summary>
/// Applies the embedded, numbered SQL migrations (<c>Migrations/NNNN_name.sql</c>) in order, each in
/// its own transaction together with its <c>schema_version</c> row, so applying twice is a no-op and
/// a crash mid-migration leaves the previous version intact. A migration whose row is missing is applied
/// even when a higher one already is, so independent migrations may arrive out of number order.
/// </summary>
public static class SqliteSchema
{
    private const string ResourcePrefix = "Custodian.Sqlite.Migrations.";

    /// <summary>The migrations this code knows, ordered by version.</summary>
    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = Discover();

    /// <summary>The schema version this code writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Brings the database up to <see cref="LatestVersion"/>; returns the migrations applied.</summary>
    /// <exception cref="VaultStoreException"><c>STORE007</c> when the file has a newer schema.</exception>
    public static int Migrate(SqliteConnection connection, TimeProvider? timeProvider = null)
    {
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        ArgumentNullException.ThrowIfNull(connection);
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
        var applied = 0;
        foreach (var (version, name) in Migrations)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var current = CurrentVersion(connection, transaction);
            if (current > LatestVersion)
            {
                throw new VaultStoreException(VaultStoreException.SchemaTooNew, $"The database schema is version {current}; this build knows up to {LatestVersion}.");
            }

            // Each migration is applied when its own row is missing, not by comparing with the highest version:
            // independent migrations numbered with a gap (0003 before 0002 exists) are applied whenever they arrive.
            if (IsApplied(connection, transaction, version))
            {
                continue;
            }

            Execute(connection, transaction, ReadResource(name));
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version (version, applied_at) VALUES ({version}, {now.UtcTicks})"));
            transaction.Commit();
            applied++;
        }

        return applied;
    }

    /// <summary>The highest applied version, 0 for a fresh file.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool IsApplied(SqliteConnection connection, SqliteTransaction transaction, int version)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT COUNT(*) FROM schema_version WHERE version = {version}");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(int Version, string Name)> Discover()
    {
        var migrations = new List<(int Version, string Name)>();
        foreach (var name in typeof(SqliteSchema).Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            {
                var file = name[ResourcePrefix.Length..];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
                migrations.Add((version, name));
            }
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(SqliteSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
