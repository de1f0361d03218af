using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Postgres.Tests;

/// <summary>
/// Servers on one schema must share one master key: a server started with another key, or with none (a key directory
/// whose master.key was lost), is refused before it writes, and keeps no key it made on the way.
/// </summary>
public sealed class MasterKeyCheckTests : IAsyncDisposable
{
    private readonly SchemaFixture _schema = new("keycheck");
    private readonly string _first = Directory.CreateTempSubdirectory("custodian-keys-").FullName;
    private readonly string _second = Directory.CreateTempSubdirectory("custodian-keys-").FullName;
    private readonly CompiledPolicy _policy = PolicyCompiler.CompileFile(Path.Combine(RepositoryPaths.Root(), "examples", "cekura", "policy.yaml"));

    public async ValueTask DisposeAsync()
    {
        await _schema.DisposeAsync();
        Directory.Delete(_first, recursive: true);
        Directory.Delete(_second, recursive: true);
    }

    [PostgresFact]
    public async Task A_second_key_directory_without_the_schema_s_key_is_refused_and_keeps_no_new_key()
    {
        var connection = await _schema.ConnectionStringAsync();
        await using (var open = await PostgresVaultFactory.OpenAsync(connection, _schema.Schema, _first, _policy, TimeProvider.System, CancellationToken.None))
        {
            await open.Vault.CreateSubjectAsync(new NewSubject("keycheck@example.dk"), "test", CancellationToken.None);
        }

        var refused = await Assert.ThrowsAsync<MasterKeyException>(() => PostgresVaultFactory.OpenAsync(connection, _schema.Schema, _second, _policy, TimeProvider.System, CancellationToken.None));

        Assert.Contains("is not the key", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_schema.Schema, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_second, MasterKeyProvider.KeyFileName)), "a key made for a schema that already holds data was kept");
        File.Copy(Path.Combine(_first, MasterKeyProvider.KeyFileName), Path.Combine(_second, MasterKeyProvider.KeyFileName));
        await using var reopened = await PostgresVaultFactory.OpenAsync(connection, _schema.Schema, _second, _policy, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(await reopened.Vault.FindSubjectAsync(LookupKind.Email, "keycheck@example.dk", "test", CancellationToken.None));
    }
}
