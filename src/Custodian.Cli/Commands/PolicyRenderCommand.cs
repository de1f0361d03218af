using System.CommandLine;
using Custodian.Statement;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian policy render FILE --lang en|da --format md|html [--output PATH]</c></summary>
internal static class PolicyRenderCommand
{
    public static Command Build(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The policy file." };
        var lang = new Option<string?>("--lang") { Description = "Language of the statement; one of the policy's languages (default: its first)." };
        var format = new Option<string>("--format") { Description = "md (Markdown) or html (a standalone accessible page).", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("render", """
            Render the published privacy statement from the policy it enforces: who we are, what we collect, why and on what legal basis, who receives it, transfers, how long we keep it, your rights, cookies, changes and complaints.
            Exit codes: 0 rendered, 1 the policy has errors or the language is not one of its languages, 2 the file could not be read or written.

            Examples:
              custodian policy render examples/cekura/policy.yaml --lang da --format html --output privatlivspolitik.html
              custodian policy render examples/cekura/policy.yaml --lang en
            """)
        {
            file, lang, format, output,
        };
        command.SetAction(parse => Run(console, parse.GetValue(file)!, parse.GetValue(lang), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    internal static int Run(CliConsole console, string file, string? language, string format, string? output)
    {
        var policy = PolicyLoading.Compile(console, file, out var exitCode);
        if (policy is null) return exitCode;
        var languages = policy.Document.Languages;
        language ??= languages.FirstOrDefault() ?? "en";
        if (!languages.Contains(language))
        {
            console.Error.WriteLine($"{file}: the policy is not published in '{language}'; its languages are: {string.Join(", ", languages)}");
            return ExitCodes.Failed;
        }

        if (StatementText.For(language) is null)
        {
            console.Error.WriteLine($"no statement wording exists for '{language}'; available: {string.Join(", ", StatementText.SupportedLanguages)}");
            return ExitCodes.Failed;
        }

        var text = StatementRenderer.Render(policy, language, format == "html" ? StatementFormat.Html : StatementFormat.Markdown);
        return PolicyLoading.Emit(console, text, output);
    }
}
