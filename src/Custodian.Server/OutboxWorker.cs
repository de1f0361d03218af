using Custodian.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Custodian.Server;

/// <summary>
/// Sends the outbox in the background: every <see cref="ServerOptions.OutboxIntervalSeconds"/> seconds it runs the
/// <see cref="OutboxDispatcher"/> over the messages that are due (failures back off inside the dispatcher). Logs only counts
/// and non-personal codes.
/// </summary>
public sealed partial class OutboxWorker(CustodianRuntime runtime, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = runtime.Options;
        OutboxDispatcher dispatcher;
        try
        {
            var transport = options.Smtp.CreateTransport(options.Data, clock);
            dispatcher = new OutboxDispatcher(runtime.Vault.Store, runtime.Requests.Outbox, transport, options.Smtp.SenderFor(runtime.Policy.Document), clock);
        }
        catch (ArgumentException e)
        {
            LogMisconfigured(logger, e.Message);
            return;
        }

        var target = options.Smtp.Describe(options.Data);
        LogStarted(logger, target, options.OutboxIntervalSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.OutboxIntervalSeconds)), clock);
        do
        {
            try
            {
                var (sent, failed) = await dispatcher.DispatchDueAsync(stoppingToken);
                if (sent + failed > 0) LogRun(logger, sent, failed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: sending to {Target} every {Seconds} s")]
    private static partial void LogStarted(ILogger logger, string target, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Sent} sent, {Failed} failed attempt(s); failures are retried with back-off")]
    private static partial void LogRun(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox run failed ({Error}); it is tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox not started: {Problem}")]
    private static partial void LogMisconfigured(ILogger logger, string problem);
}
