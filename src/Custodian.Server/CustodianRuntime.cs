using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Postgres;
using Custodian.Requests;
using Custodian.Server.Auth;
using Custodian.Sqlite;
using Custodian.Vault;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Custodian.Server;

/// <summary>
/// What the server runs on: the compiled policy, the vault on its store and the API keys. Opened when the host
/// starts (before it listens) and closed after the last in-flight request has finished.
/// </summary>
public sealed partial class CustodianRuntime(IOptions<ServerOptions> options, TimeProvider clock, ILogger<CustodianRuntime> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The environment variable naming a PostgreSQL connection string when <see cref="ServerOptions.Postgres"/> is unset.</summary>
    public const string PostgresEnvironmentVariable = "CUSTODIAN_POSTGRES";

    private DataVault? _vault;
    private KeyRing? _keyRing;
    private IAsyncDisposable? _open;
    private ApiKeyStore? _keys;
    private RequestDesk? _requests;

    /// <summary>The vault (after start).</summary>
    public DataVault Vault => _vault ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The keys derived from the master key (after start): the same in every server sharing the master key.</summary>
    public KeyRing KeyRing => _keyRing ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The policy in force.</summary>
    public CompiledPolicy Policy => Vault.Policy;

    /// <summary>The API keys (after start).</summary>
    public ApiKeyStore Keys => _keys ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The data-subject request desk (after start).</summary>
    public RequestDesk Requests => _requests ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The options in use.</summary>
    public ServerOptions Options => options.Value;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Policy)) throw new InvalidOperationException("No policy file given: pass --policy FILE.");
        var policy = PolicyCompiler.CompileFile(settings.Policy);
        var dataPath = Path.GetFullPath(settings.Data);
        var postgres = string.IsNullOrWhiteSpace(settings.Postgres) ? Environment.GetEnvironmentVariable(PostgresEnvironmentVariable) : settings.Postgres;
        string? keyWarning;
        string storeName;
        if (string.IsNullOrWhiteSpace(postgres))
        {
            var open = await SqliteVaultFactory.OpenAsync(dataPath, policy, clock, cancellationToken);
            (_open, _vault, _keyRing, keyWarning, storeName) = (open, open.Vault, open.Keys, open.KeyWarning, "data directory " + dataPath);
        }
        else
        {
            var open = await PostgresVaultFactory.OpenAsync(postgres, settings.PostgresSchema, dataPath, policy, clock, cancellationToken);
            (_open, _vault, _keyRing, keyWarning, storeName) = (open, open.Vault, open.Keys, open.KeyWarning, "PostgreSQL schema " + settings.PostgresSchema);
        }

        _keys = new ApiKeyStore(settings.Data, clock);
        _requests = _vault.CreateRequestDesk();
        if (keyWarning is { } warning) LogKeyWarning(logger, warning);
        var shortHash = policy.ContentHash[..12];
        LogStarted(logger, policy.Document.Id, policy.Document.Version, shortHash, storeName);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_open is not null) await _open.DisposeAsync();
        _open = null;
        _vault = null;
        _keyRing = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogKeyWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enforcing policy {PolicyId} version {Version} (sha256 {Hash}…) on {Store}")]
    private static partial void LogStarted(ILogger logger, string policyId, string version, string hash, string store);
}
