using Custodian.Retention;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Custodian.Server;

/// <summary>
/// Runs the retention sweep in the background every <see cref="ServerOptions.RetentionInterval"/> (hourly by default;
/// zero switches it off), so data goes when its time is up without anyone remembering to run it. Archives are sealed
/// to the management public key from <see cref="ServerOptions.ArchivePublicKey"/> or <c>archive-public.pem</c> in the data directory.
/// </summary>
public sealed partial class RetentionSweepService(CustodianRuntime runtime, IOptions<ServerOptions> options, TimeProvider clock, ILogger<RetentionSweepService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RetentionInterval;
        if (interval <= TimeSpan.Zero)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            runtime.Vault.UseArchiveKey(ArchivePublicKey.Find(Path.GetFullPath(options.Value.Data), options.Value.ArchivePublicKey));
        }
        catch (ArgumentException e)
        {
            LogArchiveKeyError(logger, e.Message);
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var result = await runtime.Vault.RunRetentionAsync(null, dryRun: false, null, stoppingToken);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var (deleted, anonymised, archived) = (result.Count(RetentionOutcome.Delete), result.Count(RetentionOutcome.Anonymise), result.Count(RetentionOutcome.Archive));
                    var (held, blocked) = (result.Count(RetentionOutcome.MoveToHold), result.Count(RetentionOutcome.HeldByLegalHold));
                    LogRun(logger, result.Records, deleted, anonymised, archived, held, blocked, result.Elapsed.TotalMilliseconds);
                }

                if (result.ArchiveKeyMissing > 0) LogArchiveKeyMissing(logger, result.ArchiveKeyMissing);
                await RemoveExpiredSignInsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed run must not stop the next; the error names ids and codes only.
                LogFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // Sign-ins whose ten minutes are up go as well (with the sealed addresses they hold), even while no one signs in.
    private async Task RemoveExpiredSignInsAsync(CancellationToken cancellationToken)
    {
        await using var tx = await runtime.Vault.Store.BeginAsync(cancellationToken);
        await tx.RemoveExpiredSignInChallengesAsync(clock.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep is switched off (RetentionInterval is zero)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep: {Records} records evaluated; {Deleted} deleted, {Anonymised} anonymised, {Archived} archived, {Held} moved to the hold key, {Blocked} blocked by legal holds ({Milliseconds:F0} ms)")]
    private static partial void LogRun(ILogger logger, long records, long deleted, long anonymised, long archived, long held, long blocked, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep: {Count} records are due for archiving but no archive public key is configured; put archive-public.pem in the data directory or set Custodian:ArchivePublicKey")]
    private static partial void LogArchiveKeyMissing(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep: the archive public key cannot be used: {Message}")]
    private static partial void LogArchiveKeyError(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed ({Type}): {Message}; the next run is at the next interval")]
    private static partial void LogFailed(ILogger logger, string type, string message);
}
