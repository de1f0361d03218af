using System.CommandLine;
using System.Globalization;
using Custodian.Crypto;
using Custodian.Retention;
using Custodian.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian retention run|forecast</c>: carry out the retention rules on a data directory, or show what they will do.</summary>
internal static class RetentionCommands
{
    public static Command Build(CliConsole console)
    {
        var retention = new Command("retention", "Delete, anonymise or archive data whose time is up, or forecast what expires when.");
        retention.Subcommands.Add(BuildRun(console));
        retention.Subcommands.Add(BuildForecast(console));
        return retention;
    }

    private static Command BuildRun(CliConsole console)
    {
        var (policy, data, at) = CommonOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Evaluate and print the counts; change nothing." };
        var archiveKey = new Option<string?>("--archive-public-key") { Description = "The management public key archives are sealed to (default: DIR/archive-public.pem)." };
        var command = new Command("run", """
            Evaluate every live record against the policy's retention rules and carry out what is due: delete, anonymise,
            archive (sealed to the management public key), or keep under the hold key when only a legal duty needs it.
            A legal hold on a person blocks all of it. Prints counts per rule and category, and progress on standard error.
            Exit codes: 0 done, 1 the policy has errors or records due for archiving had no archive key, 2 unreadable input.

            Examples:
              custodian retention run --policy policy.yaml --data ./custodian-data --dry-run
              custodian retention run --policy policy.yaml --data ./custodian-data
            """)
        {
            policy, data, at, dryRun, archiveKey,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, parse.GetValue(at), parse.GetValue(dryRun), parse.GetValue(archiveKey), ct));
        return command;
    }

    private static Command BuildForecast(CliConsole console)
    {
        var (policy, data, at) = CommonOptions();
        var months = new Option<int>("--months") { Description = "How many months ahead.", DefaultValueFactory = _ => 24 };
        var command = new Command("forecast", """
            Show what expires per month and category over the coming months if no anchor arrives meanwhile (relationships
            still live stay live), and what happens to it then. Changes nothing.

            Example:
              custodian retention forecast --policy policy.yaml --data ./custodian-data --months 24
            """)
        {
            policy, data, at, months,
        };
        command.SetAction((parse, ct) => ForecastAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, parse.GetValue(at), parse.GetValue(months), ct));
        return command;
    }

    private static (Option<string> Policy, Option<string> Data, Option<string?> At) CommonOptions() =>
        (new Option<string>("--policy") { Description = "The policy file in force.", Required = true },
         new Option<string>("--data") { Description = "The data directory (holding custodian.db).", Required = true },
         new Option<string?>("--at") { Description = "Evaluate as of this date (YYYY-MM-DD) or date-time instead of now; a future date only with --dry-run or in a forecast." });

    internal static async Task<int> RunAsync(CliConsole console, string policyFile, string dataDirectory, string? atText, bool dryRun, string? archiveKeyFile, CancellationToken cancellationToken)
    {
        if (!TryParseAt(console, atText, out var at)) return ExitCodes.Unreadable;
        if (at > DateTimeOffset.UtcNow && !dryRun)
        {
            console.Error.WriteLine($"error: --at {atText} is in the future; running it would delete data before its time. Add --dry-run to see what that day will do.");
            return ExitCodes.Failed;
        }

        var opened = await VaultOpening.OpenAsync(console, policyFile, dataDirectory, cancellationToken);
        if (opened.Vault is null) return opened.ExitCode;
        await using var vault = opened.Vault;
        try
        {
            vault.Vault.UseArchiveKey(ArchivePublicKey.Find(dataDirectory, archiveKeyFile));
        }
        catch (ArgumentException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Unreadable;
        }

        var progress = new LineProgress(p => console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Subjects:N0} people, {p.Records:N0} records evaluated, {p.Acted:N0} acted on")));
        var result = await vault.Vault.RunRetentionAsync(at, dryRun, progress, cancellationToken);
        console.Out.WriteLine(RetentionReport.Run(result));
        if (result.ArchiveKeyMissing > 0)
        {
            console.Error.WriteLine($"error: {result.ArchiveKeyMissing} record(s) are due for archiving but no archive public key is configured; they were left in place. Create a pair with 'custodian keys archive-keypair --out DIR', put archive-public.pem in {dataDirectory} (or pass --archive-public-key) and run again.");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    internal static async Task<int> ForecastAsync(CliConsole console, string policyFile, string dataDirectory, string? atText, int months, CancellationToken cancellationToken)
    {
        if (!TryParseAt(console, atText, out var at)) return ExitCodes.Unreadable;
        if (months is < 1 or > 240)
        {
            console.Error.WriteLine($"error: --months {months} is out of range; give 1 to 240.");
            return ExitCodes.Failed;
        }

        var opened = await VaultOpening.OpenAsync(console, policyFile, dataDirectory, cancellationToken);
        if (opened.Vault is null) return opened.ExitCode;
        await using var vault = opened.Vault;
        var forecast = await vault.Vault.ForecastRetentionAsync(at, months, cancellationToken);
        console.Out.Write(RetentionReport.Forecast(forecast));
        return ExitCodes.Ok;
    }

    private static bool TryParseAt(CliConsole console, string? text, out DateTimeOffset? at)
    {
        at = null;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            at = instant.ToUniversalTime();
            return true;
        }

        console.Error.WriteLine($"error: --at '{text}' is not a date; write 2025-03-01 or 2025-03-01T09:30:00Z");
        return false;
    }

    // Progress<T> posts to the thread pool; a console tool wants the lines in order, as they happen.
    private sealed class LineProgress(Action<RetentionProgress> write) : IProgress<RetentionProgress>
    {
        public void Report(RetentionProgress value) => write(value);
    }
}
