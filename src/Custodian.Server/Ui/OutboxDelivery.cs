using Custodian.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Custodian.Server.Ui;

/// <summary>
/// Sends the outbox while the server runs: every <see cref="ServerOptions.OutboxIntervalSeconds"/>, and at once when a page
/// queues a message a person is waiting for (a sign-in code). Messages go through SMTP when <c>Custodian:Smtp:Host</c> is set,
/// else become <c>.eml</c> files in <c>DATA/outbox</c>, from the same sender as the outbox worker's.
/// </summary>
public sealed partial class OutboxDelivery(CustodianRuntime runtime, TimeProvider clock, ILogger<OutboxDelivery> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

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
        var options = runtime.Options;

        // The outbox worker's way out and sender exactly (SMTP when a host is configured, else .eml files in DATA/outbox;
        // Custodian:Smtp:From, else the policy's rights contact or controller email), so a message looks the same whichever sends it.
        IMessageTransport transport;
        try
        {
            transport = options.Smtp.CreateTransport(options.Data, clock);
        }
        catch (ArgumentException)
        {
            // The outbox worker says what is wrong with the settings; codes wait for it.
            return;
        }

        var from = options.Smtp.SenderFor(runtime.Policy.Document);
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.OutboxIntervalSeconds));
        var dispatcher = new OutboxDispatcher(runtime.Vault.Store, runtime.Vault.CreateRequestDesk().Outbox, transport, from, clock);
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
                await _wake.WaitAsync(interval, stoppingToken);
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
