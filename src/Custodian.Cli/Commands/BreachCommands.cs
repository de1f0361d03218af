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
        breach.Subcommands.Add(WithId(console, "notify", "Queue a notice to every person affected, in their language (Art. 34, IS6).", async (vault, id, ct) =>
        {
            var result = await vault.NotifyBreachAsync(id, "cli", ct);
            return $"{result.Queued} notice(s) queued to {result.Affected} affected people; {result.WithoutAddress} without an email address (reach them another way).";
        }));
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
        var from = new Option<string>("--from") { Description = "When it began (YYYY-MM-DD or ISO date-time).", Required = true };
        var until = new Option<string?>("--until") { Description = "When it ended (default: now)." };
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
            var (open, exit) = await VaultOpening.OpenAsync(console, parse.GetValue(PolicyOption)!, parse.GetValue(DataOption)!, ct);
            if (open is null) return exit;
            await using var _ = open;
            try
            {
                var status = await open.Vault.RecordBreachAsync(new NewBreach(null, Instant(parse.GetValue(from)!), parse.GetValue(until) is { } u ? Instant(u) : null,
                    parse.GetValue(description)!, parse.GetValue(consequences) ?? "", parse.GetValue(categories) ?? [], parse.GetValue(systems) ?? [], parse.GetValue(recipients) ?? []), "cli", ct);
                console.Out.WriteLine(Describe(status));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is VaultException or FormatException)
            {
                console.Error.WriteLine($"error: {e.Message}");
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

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
