using System.CommandLine;
using Custodian.Records;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian policy ropa FILE --format csv|json|md [--output PATH]</c></summary>
internal static class PolicyRopaCommand
{
    public static Command Build(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The policy file." };
        var format = new Option<string>("--format") { Description = "csv (RFC 4180, for spreadsheets), json or md.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("csv", "json", "md");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("ropa", """
            Produce the GDPR Art. 30 record of processing activities from the policy: one row per purpose with its legal basis, Art. 9(2) condition, categories of data and of data subjects, recipients, transfers outside the EU/EEA, retention and security measures.
            Exit codes: 0 written, 1 the policy has errors, 2 the file could not be read or written.

            Example:
              custodian policy ropa examples/cekura/policy.yaml --format csv --output ropa.csv
            """)
        {
            file, format, output,
        };
        command.SetAction(parse => Run(console, parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    internal static int Run(CliConsole console, string file, string format, string? output)
    {
        var policy = PolicyLoading.Compile(console, file, out var exitCode);
        if (policy is null) return exitCode;
        var record = RecordOfProcessingBuilder.Build(policy);
        var text = format switch
        {
            "csv" => RecordCsvWriter.Write(record),
            "json" => RecordJsonWriter.Write(record),
            _ => RecordMarkdownWriter.Write(record),
        };
        return PolicyLoading.Emit(console, text, output);
    }
}
