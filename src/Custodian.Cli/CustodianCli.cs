using System.CommandLine;
using System.CommandLine.Help;
using Custodian.Cli.Commands;

namespace Custodian.Cli;

/// <summary>The <c>custodian</c> command: builds the command tree and runs it with the given writers.</summary>
public static class CustodianCli
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var console = new CliConsole(output, error);
        // A RootCommand is named after the running file (Custodian.Cli, testhost); help and usage say the tool's name.
        var root = new Command("custodian", "Custodian keeps the promises of a privacy policy: it stores personal data under the policy, refuses every use the policy does not allow, and renders the published statement from the same file.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(PolicyCommands.Build(console));
        root.Subcommands.Add(SimulateCommand.Build(console));
        root.Subcommands.Add(AuditCommands.Build(console));
        root.Subcommands.Add(ServeCommand.Build(console));
        root.Subcommands.Add(KeysCommands.Build(console));
        root.Subcommands.Add(DemoCommand.Build(console));
        root.Subcommands.Add(StatsCommand.Build(console));
        root.Subcommands.Add(BreachCommands.Build(console));
        root.Subcommands.Add(RetentionCommands.Build(console));
        root.Subcommands.Add(ArchiveCommands.Build(console));
        root.Subcommands.Add(RequestsCommands.Build(console));
        root.Subcommands.Add(OutboxCommands.Build(console));
        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
