using Custodian.Policy;
using Custodian.Scenarios;

namespace Custodian.Acceptance.Tests;

/// <summary>Every example policy passes the checker, and every scenario of every example holds.</summary>
public class ExampleScenarioTests
{
    public static TheoryData<string> Policies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("examples"), "policy.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetRelativePath(RepositoryRoot.Path, file));
        return data;
    }

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.yaml", SearchOption.AllDirectories)
                     .Where(f => f.Contains($"{System.IO.Path.DirectorySeparatorChar}scenarios{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetRelativePath(RepositoryRoot.Path, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Example_policy_passes_the_checker_without_warnings(string policy)
    {
        var load = PolicyLoader.LoadFile(RepositoryRoot.Combine(policy));
        var diagnostics = load.Document is null ? load.Diagnostics : load.Diagnostics.AddRange(PolicyChecker.Check(load.Document));

        Assert.True(diagnostics.IsEmpty, string.Join(Environment.NewLine, diagnostics));
    }

    [Fact]
    public void There_are_five_examples_each_with_scenarios()
    {
        var companies = Directory.GetDirectories(RepositoryRoot.Combine("examples")).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["ceetron", "cekra", "cekura", "crsmarthome", "isocket"], companies);
        Assert.All(companies, c => Assert.NotEmpty(Directory.GetFiles(RepositoryRoot.Combine("examples", c!, "scenarios"), "*.yaml")));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_names_only_keys_its_policy_or_its_published_versions_declare(string scenarioFile)
    {
        var company = scenarioFile.Split(System.IO.Path.DirectorySeparatorChar)[1];
        var policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", company, "policy.yaml"));
        var (scenario, diagnostics) = ScenarioLoader.LoadFile(RepositoryRoot.Combine(scenarioFile));
        Assert.True(scenario is not null, string.Join(Environment.NewLine, diagnostics));

        var undeclared = ScenarioKeyCheck.Check(scenario!, policy);

        Assert.True(undeclared.IsEmpty, string.Join(Environment.NewLine, undeclared));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_holds(string scenarioFile)
    {
        var company = scenarioFile.Split(System.IO.Path.DirectorySeparatorChar)[1];
        var policy = PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", company, "policy.yaml"));
        var (scenario, diagnostics) = ScenarioLoader.LoadFile(RepositoryRoot.Combine(scenarioFile));
        Assert.True(scenario is not null, string.Join(Environment.NewLine, diagnostics));
        var vaults = new List<TempVault>();
        try
        {
            var runner = new ScenarioRunner(async (clock, _) =>
            {
                var temp = await TempVault.CreateAsync(policy, clock);
                vaults.Add(temp);
                return temp.Vault;
            });
            var outcomes = await runner.RunAsync(scenario!, CancellationToken.None);

            Assert.NotEmpty(outcomes);
            Assert.True(outcomes.All(o => o.Passed), string.Join(Environment.NewLine, outcomes));
        }
        finally
        {
            foreach (var vault in vaults) await vault.DisposeAsync();
        }
    }
}
