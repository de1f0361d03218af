using Custodian.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Custodian.Server.Ui;

/// <summary>
/// Sends the outbox while the server runs: every <see cref="ServerOptions.OutboxInterval"/>, and at once when a page queues a
/// message a person is waiting for (a sign-in code). Messages become <c>.eml</c> files in <c>DATA/outbox</c> by default.
/// </summary>
public sealed partial class OutboxDelivery(CustodianRuntime runtime, TimeProvider clock, ILogger<OutboxDelivery> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>The directory the <c>.eml</c> files go to.</summary>
    public string Directory => runtime.Options.Outbox ?? Path.Combine(Path.GetFullPath(runtime.Options.Data), "outbox");

    /// <summary>Asks for a delivery round now instead of at the next interval.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is already pending.
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var document = runtime.Policy.Document;
        var from = document.Rights.ContactEmail ?? document.Controller.Email ?? "privacy@localhost";
        var dispatcher = new OutboxDispatcher(runtime.Vault.Store, runtime.Vault.CreateRequestDesk().Outbox, new EmlFileTransport(Directory, clock), from, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (sent, failed) = await dispatcher.DispatchDueAsync(stoppingToken);
                if (sent + failed > 0) LogRound(logger, sent, failed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(logger, e.GetType().Name);
            }

            try
            {
                await _wake.WaitAsync(runtime.Options.OutboxInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Sent} message(s) sent, {Failed} attempt(s) failed")]
    private static partial void LogRound(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery round failed ({Error}); retrying at the next interval")]
    private static partial void LogFailure(ILogger logger, string error);
}
