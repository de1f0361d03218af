using System.CommandLine;
using System.Text.Json;
using Custodian.Policy;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian policy check FILE...</c></summary>
internal static class PolicyCheckCommand
{
    public static Command Build(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Policy files to check.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text (file:line:col: error CODE: message) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors." };
        var command = new Command("check", """
            Check policy files before publishing: every reading error and every broken promise with file, line, column, a stable code and a fix.
            Exit codes: 0 clean (warnings allowed), 1 errors (or warnings with --strict), 2 a file could not be read.

            Example:
              custodian policy check examples/cekura/policy.yaml
            """)
        {
            files, format, strict,
        };
        command.SetAction(parse => Run(console, parse.GetValue(files)!, parse.GetValue(format)!, parse.GetValue(strict)));
        return command;
    }

    internal static int Run(CliConsole console, string[] files, string format, bool strict)
    {
        var results = files.Select(file =>
        {
            var load = PolicyLoader.LoadFile(file);
            var diagnostics = load.Document is null ? load.Diagnostics : load.Diagnostics.AddRange(PolicyChecker.Check(load.Document));
            return (file, load.Unreadable, diagnostics);
        }).ToList();

        var errors = results.Sum(r => r.diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        var warnings = results.Sum(r => r.diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        if (format == "json")
        {
            var json = new
            {
                errors,
                warnings,
                files = results.Select(r => new
                {
                    r.file,
                    ok = !r.diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
                    diagnostics = r.diagnostics.Select(d => new
                    {
                        d.Code,
                        severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
                        file = d.Location.File,
                        d.Location.Line,
                        d.Location.Column,
                        d.Message,
                        d.Fix,
                    }),
                }),
            };
            console.Out.WriteLine(JsonSerializer.Serialize(json, CliJson.Options));
        }
        else
        {
            foreach (var (file, _, diagnostics) in results)
            {
                foreach (var diagnostic in diagnostics) console.Out.WriteLine(diagnostic);
                if (!diagnostics.Any()) console.Error.WriteLine($"{file}: ok");
            }

            console.Error.WriteLine($"{results.Count} file(s) checked: {errors} error(s), {warnings} warning(s)");
        }

        if (results.Any(r => r.Unreadable)) return ExitCodes.Unreadable;
        return errors > 0 || (strict && warnings > 0) ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
