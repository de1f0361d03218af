using System.Globalization;
using System.Text.RegularExpressions;
using Custodian.Storage;
using Npgsql;

namespace Custodian.Postgres;

/// <summary>
/// Applies the embedded, numbered SQL migrations (<c>Migrations/NNNN_name.sql</c>) to one schema, each
/// in its own transaction with its <c>schema_version</c> row. An advisory lock per schema makes two
/// servers starting together take turns, so a migration is never applied twice. A migration is applied
/// when its own row is missing, so independent migrations numbered with a gap apply whenever they arrive.
/// </summary>
public static partial class PostgresSchema
{
    private const string ResourcePrefix = "Custodian.Postgres.Migrations.";

    /// <summary>The migrations this code knows, ordered by version.</summary>
    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = Discover();

    /// <summary>The schema version this code writes.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Throws when <paramref name="schema"/> is not a plain lower-case identifier (it is spliced into SQL).</summary>
    /// <exception cref="ArgumentException">The name could need quoting.</exception>
    public static void ValidateName(string schema)
    {
        if (string.IsNullOrEmpty(schema) || !SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                $"The schema name '{schema}' is not usable: use 1 to 63 lower-case letters, digits or underscores, starting with a letter or underscore (for example 'custodian').",
                nameof(schema));
        }
    }

    /// <summary>Creates <paramref name="schema"/> when missing and brings it to <see cref="LatestVersion"/>; returns the migrations applied.</summary>
    /// <exception cref="VaultStoreException"><c>STORE007</c> when the schema is newer than this build.</exception>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, string schema, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ValidateName(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = 0;
        foreach (var (version, name) in Migrations)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock(hashtextextended('custodian.migrate.{schema}', 0))", cancellationToken);
            await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}; SET LOCAL search_path TO {schema}; CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at bigint NOT NULL)", cancellationToken);
            var current = await CurrentVersionAsync(connection, cancellationToken);
            if (current > LatestVersion)
            {
                throw new VaultStoreException(VaultStoreException.SchemaTooNew, $"The schema '{schema}' is version {current}; this build knows up to {LatestVersion}. Run a newer Custodian or open another schema.");
            }

            if (await IsAppliedAsync(connection, version, cancellationToken))
            {
                continue;
            }

            await ExecuteAsync(connection, ReadResource(name), cancellationToken);
            var now = timeProvider.GetUtcNow().UtcTicks;
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version (version, applied_at) VALUES ({version}, {now})"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied++;
        }

        return applied;
    }

    /// <summary>Whether <paramref name="schema"/> already holds a Custodian vault, without creating or changing anything (for read-only tools).</summary>
    /// <exception cref="NpgsqlException">The server cannot be reached.</exception>
    public static async Task<bool> ExistsAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        ValidateName(schema);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema + ".schema_version" });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The highest applied version in the connection's current schema, 0 when none.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> IsAppliedAsync(NpgsqlConnection connection, int version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM schema_version WHERE version = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(int Version, string Name)> Discover()
    {
        var migrations = new List<(int Version, string Name)>();
        foreach (var name in typeof(PostgresSchema).Assembly.GetManifestResourceNames())
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
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Migration resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
