using Custodian.Policy;

namespace Custodian.Cli.Tests;

/// <summary>
/// Every example policy's statement (each of its languages, Markdown and HTML), its record of processing, and the
/// diff of the fixture policies, compared with reviewed golden files.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string, string, string> Statements()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (example, policy) in Examples())
        {
            foreach (var language in PolicyLoader.LoadFile(policy).Document!.Languages)
            {
                data.Add(example, language, "md");
                data.Add(example, language, "html");
            }
        }

        return data;
    }

    public static TheoryData<string> ExampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var (example, _) in Examples()) data.Add(example);
        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task Statement_matches_golden(string example, string language, string format)
    {
        var (exit, output, error) = await CliRun.RunAsync("policy", "render", PolicyPath(example), "--lang", language, "--format", format);

        Assert.True(exit == ExitCodes.Ok, error);
        GoldenFile.Verify($"{example}.{language}.{format}", output);
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public async Task Record_of_processing_matches_golden(string example)
    {
        var (exit, output, error) = await CliRun.RunAsync("policy", "ropa", PolicyPath(example), "--format", "csv");

        Assert.True(exit == ExitCodes.Ok, error);
        GoldenFile.Verify($"{example}.ropa.csv", output);
    }

    [Theory]
    [InlineData("text", "diff.txt")]
    [InlineData("json", "diff.json")]
    public async Task Diff_of_fixtures_matches_golden(string format, string golden)
    {
        var (exit, output, error) = await CliRun.RunAsync(
            "policy", "diff", Path.Combine(Repository.Fixtures, "diff", "old.yaml"), Path.Combine(Repository.Fixtures, "diff", "new.yaml"), "--format", format);

        Assert.True(exit == ExitCodes.MaterialChange, error);
        GoldenFile.Verify(golden, output);
    }

    [Fact]
    public void Every_golden_statement_belongs_to_an_example()
    {
        var expected = Examples().Select(e => e.Example).ToHashSet();
        var orphans = Directory.EnumerateFiles(Repository.Golden)
            .Select(Path.GetFileName)
            .Where(name => !name!.StartsWith("diff.", StringComparison.Ordinal) && !expected.Contains(name!.Split('.')[0]))
            .ToList();

        Assert.Empty(orphans);
    }

    private static string PolicyPath(string example) => Path.Combine(Repository.Examples, example, "policy.yaml");

    private static IEnumerable<(string Example, string Policy)> Examples() =>
        Directory.EnumerateDirectories(Repository.Examples)
            .Select(dir => (Example: Path.GetFileName(dir), Policy: Path.Combine(dir, "policy.yaml")))
            .Where(e => File.Exists(e.Policy))
            .OrderBy(e => e.Example, StringComparer.Ordinal);
}
