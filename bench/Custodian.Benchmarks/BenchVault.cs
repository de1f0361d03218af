using System.Security.Cryptography;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Sqlite;
using Custodian.Vault;
using Microsoft.Data.Sqlite;

namespace Custodian.Benchmarks;

/// <summary>
/// A vault on a real SQLite file in a temporary folder under the iSocket example policy, the one the write and
/// read suites measure; deleted on dispose.
/// </summary>
internal sealed class BenchVault : IAsyncDisposable
{
    /// <summary>The purpose every suite uses: the iSocket portal, a contract purpose on the account relationship.</summary>
    public const string Purpose = "essential.service";

    /// <summary>The category of device readings.</summary>
    public const string SensorCategory = "user.sensor.isocket";

    private readonly SqliteVaultFactory.OpenVault _open;

    private BenchVault(string directory, SqliteVaultFactory.OpenVault open)
    {
        Directory = directory;
        _open = open;
    }

    public string Directory { get; }

    public DataVault Vault => _open.Vault;

    public SqliteVaultStore Store => _open.Store;

    public KeyRing Keys => _open.Keys;

    public AuditCheckpointSigner Signer => new(_open.Keys.AuditKey);

    public static CompiledPolicy LoadPolicy() =>
        PolicyCompiler.CompileFile(Path.Combine(RepositoryRoot.Find(), "examples", "isocket", "policy.yaml"));

    public static async Task<BenchVault> CreateAsync()
    {
        var directory = TempDirectory("vault");
        var open = await SqliteVaultFactory.OpenAsync(directory, new KeyRing(RandomNumberGenerator.GetBytes(32)), LoadPolicy(), TimeProvider.System, null, CancellationToken.None);
        return new BenchVault(directory, open);
    }

    /// <summary>A person with an open account, so the contract purpose allows their data.</summary>
    public async Task<string> CreateCustomerAsync(int index)
    {
        var subject = await Vault.CreateSubjectAsync(new NewSubject(Email: $"person{index}@example.com"), "bench", CancellationToken.None);
        await Vault.RecordRelationshipAsync(subject, "account", "opened", "bench", CancellationToken.None);
        return subject;
    }

    public static string TempDirectory(string what) =>
        Path.Combine(Path.GetTempPath(), "custodian-bench", what + "-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        await _open.DisposeAsync();
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
