using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Custodian.Policy;
using Custodian.Sqlite;
using Custodian.Statistics;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian stats export</c>: anonymous statistics from a data directory.</summary>
internal static class StatsCommand
{
    public static Command Build(CliConsole console)
    {
        var policy = new Option<string>("--policy") { Description = "The policy file.", Required = true };
        var data = new Option<string>("--data") { Description = "The data directory.", DefaultValueFactory = _ => "custodian-data" };
        var purpose = new Option<string>("--purpose") { Description = "The purpose the statistics serve.", Required = true };
        var by = new Option<string>("--by") { Description = "Dimensions, comma-separated: category, month, device_type.", DefaultValueFactory = _ => "category,month" };
        var categories = new Option<string[]>("--category") { Description = "Categories to count (repeat); default all the purpose may use.", AllowMultipleArgumentsPerToken = true };
        var k = new Option<int?>("--k") { Description = "Minimum people per released group (default: the policy's statistics.minimum_group)." };
        var epsilon = new Option<double?>("--epsilon") { Description = "Add Laplace noise with this epsilon (differential privacy)." };
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var export = new Command("export", """
            Export anonymous statistics: readings counted by dimension, only where the policy allows the purpose for each
            person; groups with fewer than k people suppressed; optional Laplace noise. Parameters are printed with the data.

            Example:
              custodian stats export --policy examples/crsmarthome/policy.yaml --data ./custodian-data --purpose analytics.reporting --by device_type,month --k 10 --epsilon 1
            """)
        {
            policy, data, purpose, by, categories, k, epsilon, format,
        };
        export.SetAction(async (parse, ct) =>
        {
            // Checked before the store is opened: a refused export changes nothing and is not audited.
            var dimensions = parse.GetValue(by)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (dimensions.Length == 0)
            {
                console.Error.WriteLine($"error: --by is empty; name at least one dimension to count by: {string.Join(", ", StatisticsRequest.KnownDimensions)} (default category,month)");
                return ExitCodes.Unreadable;
            }

            if (parse.GetValue(epsilon) is { } noise && !(double.IsFinite(noise) && noise > 0))
            {
                console.Error.WriteLine($"error: --epsilon {noise.ToString(CultureInfo.InvariantCulture)} adds no meaningful noise; give a finite number above 0 (typically 0.1 to 2; smaller is more private), or leave --epsilon out for no noise");
                return ExitCodes.Unreadable;
            }

            if (parse.GetValue(k) is { } minimum and < 2)
            {
                console.Error.WriteLine($"error: --k {minimum} is too small; give at least 2 (a group of one person is that person), or leave --k out for the policy's statistics.minimum_group");
                return ExitCodes.Unreadable;
            }

            var (open, exit) = await VaultOpening.OpenAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, ct);
            if (open is null) return exit;
            await using var _ = open;
            var request = new StatisticsRequest
            {
                Purpose = parse.GetValue(purpose)!,
                Dimensions = dimensions,
                Categories = parse.GetValue(categories) ?? [],
                MinimumGroup = parse.GetValue(k),
                Epsilon = parse.GetValue(epsilon),
            };
            try
            {
                var result = await open.Vault.ExportStatisticsAsync(request, "cli", ct);
                if (parse.GetValue(format) == "csv") WriteCsv(console.Out, result);
                else console.Out.WriteLine(JsonSerializer.Serialize(result, CliJson.Options));
                console.Error.WriteLine($"{result.Rows.Count} group(s) released, {result.Parameters.GroupsSuppressed} suppressed below k = {result.Parameters.MinimumGroup}; {result.Parameters.PeopleIncluded} people counted");
                return ExitCodes.Ok;
            }
            catch (Vault.VaultException e)
            {
                console.Error.WriteLine($"error {e.Code}: {e.Message}" + (e.Suggestions.Count > 0 ? $" — did you mean '{e.Suggestions[0]}'?" : ""));
                return ExitCodes.Failed;
            }
        });
        var stats = new Command("stats", "Anonymous statistics for sharing in aggregate (k-anonymity, optional differential privacy).");
        stats.Subcommands.Add(export);
        return stats;
    }

    private static void WriteCsv(TextWriter output, StatisticsExport export)
    {
        var dimensions = export.Parameters.Dimensions;
        output.WriteLine(string.Join(',', dimensions.Append("people").Append("readings").Append("sum")));
        foreach (var row in export.Rows)
        {
            var cells = dimensions.Select(d => row.Group.GetValueOrDefault(d, row.Group.ContainsKey("suppressed") ? "(suppressed)" : ""))
                .Append(row.People.ToString(CultureInfo.InvariantCulture))
                .Append(row.Readings.ToString(CultureInfo.InvariantCulture))
                .Append(row.Sum?.ToString("F2", CultureInfo.InvariantCulture) ?? "");
            output.WriteLine(string.Join(',', cells));
        }
    }
}
