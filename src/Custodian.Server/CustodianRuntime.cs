using Custodian.Policy;
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
    private SqliteVaultFactory.OpenVault? _open;
    private ApiKeyStore? _keys;
    private RequestDesk? _requests;

    /// <summary>The vault (after start).</summary>
    public DataVault Vault => _open?.Vault ?? throw new InvalidOperationException("The server has not started.");

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
        _open = await SqliteVaultFactory.OpenAsync(Path.GetFullPath(settings.Data), policy, clock, cancellationToken);
        _keys = new ApiKeyStore(settings.Data, clock);
        _requests = _open.Vault.CreateRequestDesk();
        if (_open.KeyWarning is { } warning) LogKeyWarning(logger, warning);
        var shortHash = policy.ContentHash[..12];
        var dataPath = Path.GetFullPath(settings.Data);
        LogStarted(logger, policy.Document.Id, policy.Document.Version, shortHash, dataPath);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_open is not null) await _open.DisposeAsync();
        _open = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogKeyWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enforcing policy {PolicyId} version {Version} (sha256 {Hash}…) on data directory {Data}")]
    private static partial void LogStarted(ILogger logger, string policyId, string version, string hash, string data);
}
