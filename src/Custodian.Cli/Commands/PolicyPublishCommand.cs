using System.CommandLine;
using System.Globalization;
using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian policy publish FILE --data DIR</c>: records a new policy version and announces material changes.</summary>
internal static class PolicyPublishCommand
{
    public static Command Build(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The new policy file." };
        var current = new Option<string>("--policy") { Description = "The policy the service runs now (as given to 'custodian serve --policy'); a version published since takes its place.", Required = true };
        var data = new Option<string>("--data") { Description = "The data directory of the running service.", DefaultValueFactory = _ => "custodian-data" };
        var effective = new Option<string?>("--effective") { Description = "The day it takes effect (YYYY-MM-DD); default the policy's own 'effective'." };
        var command = new Command("publish", """
            Publish a new policy version: records its text and content hash; a material change must take effect at least the
            notice period of the policy in force from today, queues a notice to every person with an address on file, and makes
            consent purposes whose meaning changed ask for consent again. The running server switches on the effective date.
            Exit codes: 0 published, 1 refused (policy errors, another controller, notice period too short, already published), 2 unreadable.

            Example:
              custodian policy publish policy-2025.yaml --policy policy.yaml --data ./custodian-data --effective $(date -d '+31 days' +%F)
            """)
        {
            file, current, data, effective,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                console.Error.WriteLine($"error: the policy file '{path}' does not exist");
                return ExitCodes.Unreadable;
            }

            DateOnly? date = null;
            if (parse.GetValue(effective) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    console.Error.WriteLine($"error: --effective '{text}' is not a date; write YYYY-MM-DD");
                    return ExitCodes.Failed;
                }

                date = parsed;
            }

            var (open, exit) = await VaultOpening.OpenAsync(console, parse.GetValue(current)!, parse.GetValue(data)!, ct);
            if (open is null) return exit;
            await using var _ = open;
            if (PolicyLoader.LoadFile(path).Document?.Controller is { } controller && !SameController(controller, open.Vault.Policy.Document.Controller))
            {
                var current = open.Vault.Policy.Document.Controller;
                console.Error.WriteLine($"error: {path} names the controller {Describe(controller)}, but the policy in force in this store names {Describe(current)}; "
                    + $"a store keeps one controller's data, so publish it to that controller's own data directory, or correct 'controller:' in {path}");
                return ExitCodes.Failed;
            }

            try
            {
                var result = await open.Vault.PublishPolicyAsync(await File.ReadAllTextAsync(path, ct), path, date, "cli", ct);
                foreach (var line in result.Diff.ToLines()) console.Out.WriteLine(line);
                console.Error.WriteLine($"Published version {result.Version.Version} (sha256 {result.Version.ContentHash[..12]}…), in force from {result.Version.Effective:yyyy-MM-dd}; "
                    + (result.Version.Material ? $"{result.NoticesQueued} notice(s) queued, {result.WithoutAddress} person(s) without an address" : "no material change, no notices")
                    + (result.Version.Reconsent.Count > 0 ? $"; consent asked again for {string.Join(", ", result.Version.Reconsent)}" : ""));
                return ExitCodes.Ok;
            }
            catch (VaultException e)
            {
                console.Error.WriteLine($"error {e.Code}: {e.Message}");
                return ExitCodes.Failed;
            }
            catch (PolicyException e)
            {
                foreach (var error in e.Errors) console.Error.WriteLine(error);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// <summary>
    /// Whether two policies are the same controller's: by registration number when both give one (a renamed company
    /// keeps it), else by name; spacing and case do not matter.
    /// </summary>
    internal static bool SameController(Party next, Party current) =>
        !string.IsNullOrWhiteSpace(next.Registration) && !string.IsNullOrWhiteSpace(current.Registration)
            ? Normalize(next.Registration) == Normalize(current.Registration)
            : Normalize(next.Name) == Normalize(current.Name);

    private static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static string Describe(Party party) =>
        string.IsNullOrWhiteSpace(party.Registration) ? $"'{party.Name}'" : $"'{party.Name}' ({party.Registration})";
}
