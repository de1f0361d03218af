using System.Security.Cryptography;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Sqlite;

namespace Custodian.Cli.Tests;

/// <summary>
/// A data directory a command cannot use as it is (a store whose master key is gone, a custodian.db that is no SQLite
/// database) is refused in one line with exit code 2, and nothing in it changes: above all no new master key.
/// </summary>
public sealed class StoreOpeningTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("custodian-cli-store-").FullName;

    private string Data => Path.Combine(_root, "data");

    private string KeyFile => Path.Combine(Data, MasterKeyProvider.KeyFileName);

    private static string Policy => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private async Task CreateStoreAsync()
    {
        await using var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Policy), TimeProvider.System, CancellationToken.None);
    }

    public static TheoryData<string[]> StoreCommands => new()
    {
        { ["requests", "list", "--policy", "{policy}", "--data", "{data}"] },
        { ["requests", "complete", "req_x", "--policy", "{policy}", "--data", "{data}"] },
        { ["stats", "export", "--policy", "{policy}", "--data", "{data}", "--purpose", "essential.service"] },
        { ["retention", "forecast", "--policy", "{policy}", "--data", "{data}"] },
        { ["audit", "verify", "--data", "{data}"] },
        { ["outbox", "send", "--data", "{data}"] },
        { ["serve", "--policy", "{policy}", "--data", "{data}", "--urls", "http://127.0.0.1:0"] },
        { ["retention", "run", "--policy", "{policy}", "--data", "{data}"] },
    };

    private string[] Fill(string[] args) =>
        [.. args.Select(a => a.Replace("{policy}", Policy, StringComparison.Ordinal).Replace("{data}", Data, StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(StoreCommands))]
    public async Task A_store_whose_master_key_is_missing_is_refused_and_gets_no_new_key(string[] args)
    {
        await CreateStoreAsync();
        File.Delete(KeyFile);
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync(Fill(args));

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("exists but its master key is missing", error, StringComparison.Ordinal);
        Assert.Contains(KeyFile, error, StringComparison.Ordinal);
        Assert.Contains("Put back master.key from the backup", error, StringComparison.Ordinal);
        Assert.Contains(MasterKeyProvider.EnvironmentVariable, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("is serving", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile), "a new master key was created for an existing store");
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Fact]
    public async Task A_new_directory_gets_a_store_and_a_key_and_an_environment_key_opens_a_store_without_key_file()
    {
        await CreateStoreAsync();
        Assert.True(File.Exists(KeyFile));
        var key = (await File.ReadAllTextAsync(KeyFile)).Trim();
        File.Delete(KeyFile);

        using var loaded = SqliteVaultFactory.LoadMasterKey(Data, name => name == MasterKeyProvider.EnvironmentVariable ? key : null);

        Assert.Equal(MasterKeySource.Environment, loaded.Source);
        Assert.False(File.Exists(KeyFile));
        Assert.Throws<MasterKeyException>(() => SqliteVaultFactory.LoadMasterKey(Data, _ => null));
        Assert.False(File.Exists(KeyFile));
    }

    public static TheoryData<string[]> ReadingCommands => new()
    {
        { ["requests", "list", "--policy", "{policy}", "--data", "{data}"] },
        { ["stats", "export", "--policy", "{policy}", "--data", "{data}", "--purpose", "essential.service"] },
        { ["audit", "verify", "--data", "{data}"] },
        { ["outbox", "send", "--data", "{data}"] },
        { ["serve", "--policy", "{policy}", "--data", "{data}", "--urls", "http://127.0.0.1:0"] },
        { ["retention", "run", "--policy", "{policy}", "--data", "{data}"] },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task A_custodian_db_that_is_not_a_database_is_named_and_left_as_it_was(string[] args)
    {
        Directory.CreateDirectory(Data);
        await File.WriteAllTextAsync(Path.Combine(Data, "custodian.db"), "these are notes, not a database\n");
        await File.WriteAllTextAsync(KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync(Fill(args));

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("custodian.db is not a Custodian store (not a SQLite database)", error, StringComparison.Ordinal);
        Assert.Contains("restore custodian.db from a backup", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Fact]
    public async Task Archive_open_names_a_custodian_db_that_is_not_a_database()
    {
        var keys = Path.Combine(_root, "keys");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("keys", "archive-keypair", "--out", keys)).ExitCode);
        Directory.CreateDirectory(Data);
        await File.WriteAllTextAsync(Path.Combine(Data, "custodian.db"), "not a database");
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync("archive", "open", "--private-key", Path.Combine(keys, "archive-private.pem"), "--data", Data);

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("is not a Custodian store", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(Data));
    }

    [Fact]
    public async Task Audit_verify_refuses_an_empty_postgres_connection_string_instead_of_using_sqlite()
    {
        await CreateStoreAsync();

        var (exit, output, error) = await CliRun.RunAsync("audit", "verify", "--data", Data, "--postgres", "");

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("error: --postgres is empty", error, StringComparison.Ordinal);
        Assert.DoesNotContain("audit chain", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> VaultCommands => new()
    {
        { ["requests", "list", "--policy", "{policy}", "--data", "{data}"] },
        { ["stats", "export", "--policy", "{policy}", "--data", "{data}", "--purpose", "essential.service"] },
        { ["serve", "--policy", "{policy}", "--data", "{data}", "--urls", "http://127.0.0.1:0"] },
        { ["retention", "run", "--policy", "{policy}", "--data", "{data}"] },
    };

    [Theory]
    [MemberData(nameof(VaultCommands))]
    public async Task A_master_key_that_is_not_the_store_s_is_refused_before_anything_is_written(string[] args)
    {
        await using (var open = await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Policy), TimeProvider.System, CancellationToken.None))
        {
            await open.Vault.CreateSubjectAsync(new Custodian.Vault.NewSubject("keycheck@example.dk", null, null, null), "test", CancellationToken.None);
        }

        await File.WriteAllTextAsync(KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = Snapshot.Of(Data);

        var (exit, output, error) = await CliRun.RunAsync(Fill(args));

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.Contains("is not the key", error, StringComparison.Ordinal);
        Assert.Contains("Put back master.key", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("is serving", output + error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(Data));
    }
}
