namespace Custodian.Cli.Tests;

/// <summary>What <c>custodian simulate</c> prints: outcomes at file:line:column, and keys no policy declares before anything runs.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("custodian-cli-simulate-").FullName;

    private static string Cekura => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    private static string Disclosure => Path.Combine(Repository.Examples, "cekura", "scenarios", "cu4-disclosure-needs-prior-authorisation.yaml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Each_outcome_names_the_steps_file_line_and_column()
    {
        var (exit, output, _) = await CliRun.RunAsync("simulate", Cekura, Disclosure);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"{Environment.NewLine}ok   {Disclosure}:19:5 2024-03-02 karen: user.name for essential.service.care.disclosure to family_member is denied (authorisation_missing){Environment.NewLine}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Misspelt_purpose_is_reported_at_file_line_and_column_and_that_file_does_not_run()
    {
        // Arrange: the scenario of the reference with its purpose misspelt, run with the scenario as written
        var misspelt = Path.Combine(_directory, "x.yaml");
        await File.WriteAllTextAsync(misspelt, (await File.ReadAllTextAsync(Disclosure)).Replace("essential.service.care.disclosure", "essential.service.care.disclosur", StringComparison.Ordinal));

        // Act
        var (exit, output, error) = await CliRun.RunAsync("simulate", Cekura, misspelt, Disclosure);

        // Assert: the errors before anything runs, the other file run as usual
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.StartsWith(
            $"{misspelt}:12:14: error CUS219: 'consent: essential.service.care.disclosur' names a purpose that the policy does not declare — did you mean 'essential.service.care.disclosure'",
            error, StringComparison.Ordinal);
        Assert.Contains($"{misspelt}:23:14: error CUS219: 'purpose: essential.service.care.disclosur'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(misspelt, output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Contains($"ok   {Disclosure}:19:5 ", output, StringComparison.Ordinal);
        Assert.EndsWith($"2 scenario(s): 5 expectation(s) held, 1 failed{Environment.NewLine}", error, StringComparison.Ordinal);
    }
}
