using System.CommandLine;
using System.Globalization;
using Custodian.Breaches;
using Custodian.Sqlite;
using Custodian.Vault;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian breach record|list|show|report|action|notify</c>: the breach register (Art. 33, 34; IS6).</summary>
internal static class BreachCommands
{
    public static Command Build(CliConsole console)
    {
        var breach = new Command("breach", "The breach register: record a breach, track the 72-hour deadline, draft the Art. 33 notification, notify the people affected.");
        breach.Subcommands.Add(Record(console));
        breach.Subcommands.Add(List(console));
        breach.Subcommands.Add(WithId(console, "show", "Show a breach, its deadline and the follow-up report.", async (vault, id, ct) =>
        {
            var status = await vault.GetBreachAsync(id, ct);
            return Describe(status) + Environment.NewLine + BreachReport.FollowUp(vault.Policy, status);
        }));
        breach.Subcommands.Add(WithId(console, "report", "Mark the breach reported to the authority and print the drafted Art. 33 notification.", (vault, id, ct) => vault.ReportBreachAsync(id, "cli", ct)));
        var notify = WithId(console, "notify", "Queue a notice to every person affected, in their language (Art. 34, IS6). Once only: a second time is refused unless --resend is given.", null);
        var resend = new Option<bool>("--resend") { Description = "Notify the people affected again although they were already notified (each gets the notice a second time)." };
        notify.Options.Add(resend);
        notify.SetAction(async (parse, ct) => await RunAsync(console, parse, async (vault, id, c) =>
        {
            var again = parse.GetValue(resend);
            var result = await vault.NotifyBreachAsync(id, again, "cli", c);
            return string.Create(CultureInfo.InvariantCulture, $"{result.Queued} notice(s) {(again ? "queued again" : "queued")} to {result.Affected} affected people; {result.WithoutAddress} without an email address (reach them another way).");
        }, ct));
        breach.Subcommands.Add(notify);
        var action = WithId(console, "action", "Record an action taken (for the follow-up report).", null);
        var text = new Option<string>("--text") { Description = "What was done.", Required = true };
        action.Options.Add(text);
        action.SetAction(async (parse, ct) => await RunAsync(console, parse, async (vault, id, c) => Describe(await vault.AddBreachActionAsync(id, parse.GetValue(text)!, "cli", c)), ct));
        breach.Subcommands.Add(action);
        return breach;
    }

    private static readonly Option<string> PolicyOption = new("--policy") { Description = "The policy file.", Required = true };
    private static readonly Option<string> DataOption = new("--data") { Description = "The data directory.", DefaultValueFactory = _ => "custodian-data" };

    private static Command Record(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "When it began (ISO 8601: 2026-11-30 or 2026-11-30T14:00Z).", Required = true };
        var until = new Option<string?>("--until") { Description = "When it ended (ISO 8601; default: now)." };
        var description = new Option<string>("--description") { Description = "What happened (no personal data about the people affected).", Required = true };
        var consequences = new Option<string?>("--consequences") { Description = "The likely consequences." };
        var categories = new Option<string[]>("--category") { Description = "A category involved (repeat).", AllowMultipleArgumentsPerToken = true };
        var systems = new Option<string[]>("--system") { Description = "A system involved (repeat).", AllowMultipleArgumentsPerToken = true };
        var recipients = new Option<string[]>("--recipient") { Description = "A recipient involved (repeat).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("record", """
            Record a breach discovered now; finds the people affected from the store and the audit trail without decrypting anything.

            Example:
              custodian breach record --policy policy.yaml --data ./custodian-data --from 2025-03-01 --description "Laptop with a care report stolen" --category user.health_and_medical --system care-reports
            """)
        {
            PolicyOption, DataOption, from, until, description, consequences, categories, systems, recipients,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryInstant(console, "--from", parse.GetValue(from), out var began) || !TryInstant(console, "--until", parse.GetValue(until), out var ended)) return ExitCodes.Unreadable;
            var (open, exit) = await VaultOpening.OpenAsync(console, parse.GetValue(PolicyOption)!, parse.GetValue(DataOption)!, ct);
            if (open is null) return exit;
            await using var _ = open;
            try
            {
                var status = await open.Vault.RecordBreachAsync(new NewBreach(null, began!.Value, ended,
                    parse.GetValue(description)!, parse.GetValue(consequences) ?? "", parse.GetValue(categories) ?? [], parse.GetValue(systems) ?? [], parse.GetValue(recipients) ?? []), "cli", ct);
                console.Out.WriteLine(Describe(status));
                return ExitCodes.Ok;
            }
            catch (VaultException e)
            {
                console.Error.WriteLine($"error {e.Code}: {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "List breaches with their deadlines; overdue ones are marked OVERDUE.") { PolicyOption, DataOption };
        command.SetAction(async (parse, ct) =>
        {
            var (open, exit) = await VaultOpening.OpenAsync(console, parse.GetValue(PolicyOption)!, parse.GetValue(DataOption)!, ct);
            if (open is null) return exit;
            await using var _ = open;
            var breaches = await open.Vault.ListBreachesAsync(ct);
            if (breaches.Count == 0) console.Error.WriteLine("The breach register is empty.");
            foreach (var status in breaches) console.Out.WriteLine(Describe(status));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command WithId(CliConsole console, string name, string description, Func<DataVault, string, CancellationToken, Task<string>>? run)
    {
        var id = new Argument<string>("ID") { Description = "The breach id (brc_…)." };
        var command = new Command(name, description) { PolicyOption, DataOption, id };
        if (run is not null) command.SetAction((parse, ct) => RunAsync(console, parse, run, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, Func<DataVault, string, CancellationToken, Task<string>> run, CancellationToken ct)
    {
        var (open, exit) = await VaultOpening.OpenAsync(console, parse.GetValue(PolicyOption)!, parse.GetValue(DataOption)!, ct);
        if (open is null) return exit;
        await using var _ = open;
        try
        {
            console.Out.WriteLine(await run(open.Vault, parse.GetRequiredValue<string>("ID"), ct));
            return ExitCodes.Ok;
        }
        catch (VaultException e)
        {
            console.Error.WriteLine($"error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static string Describe(BreachStatus status)
    {
        var b = status.Breach;
        var state = b.ReportedAt is { } reported ? $"reported {reported:yyyy-MM-dd HH:mm}" + (status.ReportedLate ? " (late)" : "")
            : status.Overdue ? $"OVERDUE since {status.Deadline:yyyy-MM-dd HH:mm} UTC"
            : $"report due by {status.Deadline:yyyy-MM-dd HH:mm} UTC ({status.TimeLeft!.Value.TotalHours:F0} h left)";
        return string.Create(CultureInfo.InvariantCulture, $"{b.BreachId}\tdiscovered {b.DiscoveredAt:yyyy-MM-dd HH:mm}\t{state}\t{b.AffectedPeople} people\t{string.Join(",", b.Categories.Concat(b.Recipients))}");
    }

    // A date or date-time in ISO 8601; a date alone is midnight UTC, a time without an offset is UTC. The text given is not
    // repeated in the error: the option and the expected form are enough to fix it.
    private static bool TryInstant(CliConsole console, string option, string? text, out DateTimeOffset? at)
    {
        at = null;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            at = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            at = instant.ToUniversalTime();
            return true;
        }

        console.Error.WriteLine($"error: {option} is not a date; write it in ISO 8601, e.g. 2026-11-30T14:00Z (or 2026-11-30 for midnight UTC).");
        return false;
    }
}
