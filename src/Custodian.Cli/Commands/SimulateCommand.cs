using System.CommandLine;
using System.Security.Cryptography;
using Custodian.Crypto;
using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Sqlite;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian simulate POLICY SCENARIO...</c>: runs scenario timelines on a fresh store and a virtual clock.</summary>
internal static class SimulateCommand
{
    public static Command Build(CliConsole console)
    {
        var policy = new Argument<string>("POLICY") { Description = "The policy file." };
        var scenarios = new Argument<string[]>("SCENARIO") { Description = "Scenario files, or folders of *.yaml scenarios.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("simulate", """
            Run scenarios against the policy: each on a fresh temporary SQLite store and a virtual clock, through the same vault
            and decision engine the server uses. Prints one line per expectation (ok, or FAIL with expected and actual), at
            the file, line and column of its step. A scenario file with errors, or naming a purpose, category, recipient or
            permission that neither the policy nor a version the scenario publishes declares (CUS219), does not run.
            Exit codes: 0 all held, 1 a scenario file has errors, an expectation failed or a step could not run, 2 a file
            could not be read.

            Example:
              custodian simulate examples/cekura/policy.yaml examples/cekura/scenarios/
            """)
        {
            policy, scenarios,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(policy)!, parse.GetValue(scenarios)!, ct));
        return command;
    }

    internal static async Task<int> RunAsync(CliConsole console, string policyPath, string[] scenarioPaths, CancellationToken cancellationToken)
    {
        CompiledPolicy compiled;
        try
        {
            compiled = PolicyCompiler.CompileFile(policyPath);
        }
        catch (PolicyException e)
        {
            foreach (var error in e.Errors) console.Error.WriteLine(error);
            return e.Errors.Any(d => d.Code == PolicyCodes.Unreadable) ? ExitCodes.Unreadable : ExitCodes.Failed;
        }

        var files = scenarioPaths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.yaml").Order(StringComparer.Ordinal).ToArray() : new[] { p }).ToList();
        if (files.Count == 0)
        {
            console.Error.WriteLine($"error: no scenarios found in {string.Join(", ", scenarioPaths.Select(p => $"'{p}'"))} (no *.yaml files); pass scenario files, or a folder holding them such as examples/cekura/scenarios/");
            return ExitCodes.Unreadable;
        }

        var failed = 0;
        var passed = 0;
        foreach (var file in files)
        {
            var (scenario, diagnostics) = ScenarioLoader.LoadFile(file);

            // A purpose, category, recipient or permission no policy of the scenario declares is found before anything runs.
            var undeclared = scenario is null ? [] : ScenarioKeyCheck.Check(scenario, compiled);
            foreach (var diagnostic in diagnostics.AddRange(undeclared)) console.Error.WriteLine(diagnostic);
            if (scenario is null || !undeclared.IsEmpty)
            {
                if (diagnostics.Any(d => d.Code == PolicyCodes.Unreadable)) return ExitCodes.Unreadable;
                failed++;
                continue;
            }

            console.Out.WriteLine($"# {scenario.Title}" + (scenario.Promises.IsEmpty ? "" : $" [{string.Join(", ", scenario.Promises)}]"));
            var directory = Path.Combine(Path.GetTempPath(), "custodian-sim-" + Guid.NewGuid().ToString("N"));
            try
            {
                var keys = new KeyRing(RandomNumberGenerator.GetBytes(32));
                await using var opened = new DisposableList();
                var runner = new ScenarioRunner(async (clock, ct) =>
                {
                    var vault = await SqliteVaultFactory.OpenAsync(directory, keys, compiled, clock, null, ct);
                    opened.Add(vault);
                    return vault.Vault;
                });
                foreach (var outcome in await runner.RunAsync(scenario, cancellationToken))
                {
                    console.Out.WriteLine(outcome);
                    if (outcome.Passed) passed++;
                    else failed++;
                }
            }
            finally
            {
                TryDelete(directory);
            }
        }

        console.Error.WriteLine($"{files.Count} scenario(s): {passed} expectation(s) held, {failed} failed");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary store left behind is harmless; the next run uses a new folder.
        }
    }

    private sealed class DisposableList : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _items = [];

        public void Add(IAsyncDisposable item) => _items.Add(item);

        public async ValueTask DisposeAsync()
        {
            foreach (var item in _items) await item.DisposeAsync();
        }
    }
}
