namespace Custodian.Cli.Tests;

/// <summary>Help names the tool as it is typed, <c>custodian</c>, whatever file runs it.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("custodian [command] [options]", "--help")]
    [InlineData("custodian serve [options]", "serve", "--help")]
    [InlineData("custodian retention run [options]", "retention", "run", "--help")]
    public async Task Usage_names_the_tool_custodian(string usage, params string[] args)
    {
        var (exit, output, _) = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Usage:\n  " + usage, output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_is_still_answered()
    {
        var (exit, output, _) = await CliRun.RunAsync("--version");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }
}
