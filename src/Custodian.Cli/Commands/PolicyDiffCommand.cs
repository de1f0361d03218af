using System.CommandLine;
using System.Text.Json;
using Custodian.Policy;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian policy diff OLD NEW [--format text|json]</c></summary>
internal static class PolicyDiffCommand
{
    public static Command Build(CliConsole console)
    {
        var before = new Argument<string>("OLD") { Description = "The published policy file." };
        var after = new Argument<string>("NEW") { Description = "The proposed policy file." };
        var format = new Option<string>("--format") { Description = "text (one 'material: …' or 'minor: …' line per change) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("diff", """
            Compare two versions of a policy and say which changes are material: a new purpose, new data for a purpose, a new recipient or transfer, longer retention, a changed legal basis or meaning. Material changes must be announced before they take effect.
            Exit codes: 0 no material change, 3 at least one material change, 1 a policy has errors, 2 a file could not be read.

            Example:
              custodian policy diff published/policy.yaml examples/cekura/policy.yaml --format json
            """)
        {
            before, after, format,
        };
        command.SetAction(parse => Run(console, parse.GetValue(before)!, parse.GetValue(after)!, parse.GetValue(format)!));
        return command;
    }

    internal static int Run(CliConsole console, string beforeFile, string afterFile, string format)
    {
        var before = PolicyLoading.Compile(console, beforeFile, out var beforeExit);
        var after = PolicyLoading.Compile(console, afterFile, out var afterExit);
        if (before is null || after is null) return Math.Max(beforeExit, afterExit);

        var result = PolicyDiff.Compare(before.Document, after.Document);
        if (format == "json")
        {
            var json = new
            {
                material = result.HasMaterialChange,
                changes = result.Changes.Select(c => new { kind = c.KindName, c.Material, c.Description, c.Keys }),
            };
            console.Out.WriteLine(JsonSerializer.Serialize(json, CliJson.Options));
        }
        else
        {
            foreach (var line in result.ToLines()) console.Out.WriteLine(line);
            console.Error.WriteLine($"{result.Changes.Length} change(s), {result.Changes.Count(c => c.Material)} material");
        }

        return result.HasMaterialChange ? ExitCodes.MaterialChange : ExitCodes.Ok;
    }
}
