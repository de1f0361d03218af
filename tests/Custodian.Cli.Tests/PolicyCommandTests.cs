using Custodian.Statement;

namespace Custodian.Cli.Tests;

/// <summary>Exit codes and messages of render, ropa and diff.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("custodian-cli-").FullName;

    private static string Cekura => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    private static string OldFixture => Path.Combine(Repository.Fixtures, "diff", "old.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Render_without_lang_uses_the_policys_first_language()
    {
        var (exit, output, _) = await CliRun.RunAsync("policy", "render", Cekura);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("# Privatlivspolitik", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_refuses_a_language_the_policy_is_not_published_in_and_lists_its_languages()
    {
        var (exit, output, error) = await CliRun.RunAsync("policy", "render", Cekura, "--lang", "de");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Empty(output);
        Assert.Contains("da, en", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_of_a_missing_file_is_unreadable()
    {
        var (exit, _, _) = await CliRun.RunAsync("policy", "render", Path.Combine(_directory, "missing.yaml"));

        Assert.Equal(ExitCodes.Unreadable, exit);
    }

    [Fact]
    public async Task Render_of_a_policy_with_errors_prints_diagnostics_and_fails()
    {
        var path = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(path, File.ReadAllText(OldFixture).Replace("basis: consent", "basis: because", StringComparison.Ordinal));

        var (exit, output, error) = await CliRun.RunAsync("policy", "render", path);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Empty(output);
        Assert.Contains("broken.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_with_output_writes_the_file()
    {
        var path = Path.Combine(_directory, "statement.html");

        var (exit, output, _) = await CliRun.RunAsync("policy", "render", Cekura, "--lang", "en", "--format", "html", "--output", path);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(output);
        Assert.Contains("<html lang=\"en\">", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_statement_has_no_script_and_every_table_has_headers()
    {
        var (_, html, _) = await CliRun.RunAsync("policy", "render", Cekura, "--lang", "da", "--format", "html");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CountOf(html, "<table>"), CountOf(html, "<thead>"));
        Assert.Equal(CountOf(html, "<table>"), CountOf(html, "<caption>"));
    }

    [Fact]
    public async Task Ropa_json_has_one_activity_per_purpose()
    {
        var (exit, output, _) = await CliRun.RunAsync("policy", "ropa", Cekura, "--format", "json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(10, json.RootElement.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task Diff_of_identical_policies_exits_zero()
    {
        var (exit, output, _) = await CliRun.RunAsync("policy", "diff", OldFixture, OldFixture);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Diff_with_only_minor_changes_exits_zero()
    {
        var path = Path.Combine(_directory, "minor.yaml");
        await File.WriteAllTextAsync(path, File.ReadAllText(OldFixture).Replace("version: \"2024.1\"", "version: \"2024.1a\"", StringComparison.Ordinal));

        var (exit, output, _) = await CliRun.RunAsync("policy", "diff", OldFixture, path);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("minor: version changed from 2024.1 to 2024.1a", output.Trim());
    }

    [Fact]
    public void Every_supported_language_has_wording() =>
        Assert.All(StatementText.SupportedLanguages, language => Assert.NotNull(StatementText.For(language)));

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    [Fact]
    public async Task Check_of_a_missing_file_names_the_file_without_a_position()
    {
        var missing = Path.Combine(_directory, "missing.yaml");

        var (exit, output, _) = await CliRun.RunAsync("policy", "check", missing);

        Assert.Equal(ExitCodes.Unreadable, exit);
        Assert.StartsWith($"{missing}: error CUS111: cannot read the file: Could not find file '{missing}' — check the path and the file's permissions", output, StringComparison.Ordinal);
    }
}
