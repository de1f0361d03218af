using System.Security.Cryptography;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Sqlite;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests;

/// <summary>A vault on a real SQLite file in a temporary folder, deleted on dispose.</summary>
internal sealed class TempVault : IAsyncDisposable
{
    private readonly SqliteVaultFactory.OpenVault _open;

    private TempVault(string directory, SqliteVaultFactory.OpenVault open, VirtualClock clock)
    {
        Directory = directory;
        _open = open;
        Clock = clock;
    }

    public string Directory { get; }

    public VirtualClock Clock { get; }

    public DataVault Vault => _open.Vault;

    public KeyRing Keys => _open.Keys;

    public static Task<TempVault> CreateAsync(CompiledPolicy policy, DateTimeOffset start) => CreateAsync(policy, new VirtualClock(start));

    public static async Task<TempVault> CreateAsync(CompiledPolicy policy, VirtualClock clock)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "custodian-test-" + Guid.NewGuid().ToString("N"));
        var open = await SqliteVaultFactory.OpenAsync(directory, new KeyRing(RandomNumberGenerator.GetBytes(32)), policy, clock, null, CancellationToken.None);
        return new TempVault(directory, open, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _open.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
