using Custodian.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite.Tests;

public sealed class SchemaMigrationTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Opening_a_store_twice_applies_each_migration_once_and_keeps_data()
    {
        var subject = TestData.Subject();
        await using (var store = await OpenAsync())
        {
            await using var transaction = await store.BeginAsync(CancellationToken.None);
            await transaction.CreateSubjectAsync(subject, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        await using var reopened = await OpenAsync();
        using var connection = Connect();
        var appliedAgain = SqliteSchema.Migrate(connection);

        Assert.Equal(0, appliedAgain);
        Assert.Equal(SqliteSchema.Migrations.Count, Count(connection, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(SqliteSchema.LatestVersion, SqliteSchema.CurrentVersion(connection, null));
        Assert.NotNull(await reopened.GetSubjectAsync(subject.SubjectId, CancellationToken.None));
    }

    [Fact]
    public async Task The_store_runs_in_wal_mode_with_foreign_keys_enforced()
    {
        await using var store = await OpenAsync();
        using var connection = Connect();

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
        Assert.True(File.Exists(Path.Combine(_directory.Path, SqliteVaultStoreOptions.DatabaseFileName)));
    }

    [Fact]
    public async Task A_file_with_a_newer_schema_is_refused()
    {
        await (await OpenAsync()).DisposeAsync();
        using (var connection = Connect())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (9999, 0)";
            command.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<Custodian.Storage.VaultStoreException>(OpenAsync);

        Assert.Equal(Custodian.Storage.VaultStoreException.SchemaTooNew, ex.Code);
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, SqliteVaultStoreOptions.DatabaseFileName)};Pooling=False");
        connection.Open();
        return connection;
    }

    private Task<SqliteVaultStore> OpenAsync() =>
        SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = _directory.Path, CheckpointSigner = TestData.Signer }, CancellationToken.None);
}
