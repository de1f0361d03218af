using BenchmarkDotNet.Attributes;
using Custodian.Policy;
using YamlDotNet.RepresentationModel;

namespace Custodian.Benchmarks;

/// <summary>
/// What it costs to turn policy text into a compiled policy (load, check, compile), against the floor of
/// only parsing the same text as YAML. Runs every examples/*/policy.yaml and a generated large policy.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyCompileBenchmarks
{
    /// <summary>The name of the generated policy (1,000 purposes, 5,000 own categories) among the parameters.</summary>
    public const string Generated = "generated-1000x5000";

    private string _text = "";

    /// <summary>Example company names found under examples/, then the generated policy.</summary>
    public static IEnumerable<string> Policies()
    {
        var examples = Path.Combine(RepositoryRoot.Find(), "examples");
        foreach (var directory in Directory.GetDirectories(examples).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(directory, "policy.yaml"))) yield return Path.GetFileName(directory);
        }

        yield return Generated;
    }

    [ParamsSource(nameof(Policies))]
    public string Policy { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = Policy == Generated
            ? GeneratedPolicy.Write(purposes: 1000, categories: 5000)
            : File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "examples", Policy, "policy.yaml"));

        var load = PolicyLoader.Load(_text, Policy);
        var diagnostics = load.Document is null ? load.Diagnostics : load.Diagnostics.AddRange(PolicyChecker.Check(load.Document));
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"policy '{Policy}' does not pass the checker:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(10))}");
    }

    [Benchmark(Baseline = true, Description = "parse YAML only")]
    public YamlStream ParseYaml()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(_text));
        return yaml;
    }

    [Benchmark(Description = "load + check + compile")]
    public CompiledPolicy LoadCheckCompile()
    {
        var load = PolicyLoader.Load(_text, Policy);
        var document = load.Document ?? throw new InvalidOperationException("the policy did not load");
        var diagnostics = PolicyChecker.Check(document);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new InvalidOperationException("the policy has errors");
        return PolicyCompiler.Compile(document, _text);
    }
}
