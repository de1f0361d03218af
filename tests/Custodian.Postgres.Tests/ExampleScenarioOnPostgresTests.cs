using System.Security.Cryptography;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Scenarios;

namespace Custodian.Postgres.Tests;

/// <summary>Every example scenario also holds when the vault lives in PostgreSQL (opened through <see cref="PostgresVaultFactory"/>).</summary>
public sealed class ExampleScenarioOnPostgresTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "examples"), "*.yaml", SearchOption.AllDirectories)
                     .Where(f => f.Contains($"{Path.DirectorySeparatorChar}scenarios{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot(), file));
        }

        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_holds_on_postgres(string scenarioFile)
    {
        var company = scenarioFile.Split(Path.DirectorySeparatorChar)[1];
        var policy = PolicyCompiler.CompileFile(Path.Combine(RepositoryRoot(), "examples", company, "policy.yaml"));
        var (scenario, diagnostics) = ScenarioLoader.LoadFile(Path.Combine(RepositoryRoot(), scenarioFile));
        Assert.True(scenario is not null, string.Join(Environment.NewLine, diagnostics));
        var opened = new List<(PostgresVaultFactory.OpenVault? Vault, SchemaFixture Schema)>();
        try
        {
            var runner = new ScenarioRunner(async (clock, ct) =>
            {
                var schema = new SchemaFixture("scenario");
                opened.Add((null, schema));
                var open = await PostgresVaultFactory.OpenAsync(await schema.ConnectionStringAsync(), schema.Schema, new KeyRing(RandomNumberGenerator.GetBytes(32)), policy, clock, null, ct);
                opened[^1] = (open, schema);
                return open.Vault;
            });
            var outcomes = await runner.RunAsync(scenario!, CancellationToken.None);

            Assert.NotEmpty(outcomes);
            Assert.True(outcomes.All(o => o.Passed), string.Join(Environment.NewLine, outcomes));
        }
        finally
        {
            foreach (var (vault, schema) in opened)
            {
                if (vault is not null)
                {
                    await vault.DisposeAsync();
                }

                await schema.DisposeAsync();
            }
        }
    }

    private static string RepositoryRoot() => RepositoryPaths.Root();
}
