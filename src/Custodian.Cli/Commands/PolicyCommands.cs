using System.CommandLine;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian policy …</c>: check, render, ropa and diff.</summary>
internal static class PolicyCommands
{
    public static Command Build(CliConsole console)
    {
        var policy = new Command("policy", "Check a policy file, render the privacy statement, produce the record of processing, compare versions.");
        policy.Subcommands.Add(PolicyCheckCommand.Build(console));
        policy.Subcommands.Add(PolicyRenderCommand.Build(console));
        policy.Subcommands.Add(PolicyRopaCommand.Build(console));
        policy.Subcommands.Add(PolicyDiffCommand.Build(console));
        policy.Subcommands.Add(PolicyPublishCommand.Build(console));
        return policy;
    }
}
