using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Custodian.Decisions;
using Custodian.Policy;

namespace Custodian.Benchmarks;

/// <summary>
/// One decision and a batch of decisions over a built <see cref="SubjectSnapshot"/> (iSocket policy, a customer with
/// an open account, marketing consent given, location permission on). The baseline is the floor any answer costs:
/// looking a precomputed decision up in a dictionary.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class DecisionBenchmarks
{
    private const int Batch = 64;

    private DecisionEngine _engine = null!;
    private SubjectSnapshot _snapshot = null!;
    private SubjectFacts _facts = null!;
    private CompiledPolicy _policy = null!;
    private CategoryId _category;
    private PurposeId _purpose;
    private RecipientId _recipient;
    private readonly Dictionary<(int Category, int Purpose), Decision> _answers = [];
    private readonly DecisionQuery[] _queries = new DecisionQuery[Batch];
    private readonly Decision[] _results = new Decision[Batch];
    private DateTimeOffset _at;

    [GlobalSetup]
    public void Setup()
    {
        _policy = BenchVault.LoadPolicy();
        _engine = new DecisionEngine(_policy);
        _at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var opened = _at.AddDays(-30);
        _facts = new SubjectFacts
        {
            SubjectId = "sub_bench",
            Consents = [.. _policy.Purposes.Where(p => p.Basis == LegalBasis.Consent).Select(p => new ConsentFact(p.Key, false, true, true, opened)),
                        .. _policy.Permissions.Select(p => new ConsentFact(p.Key, true, true, true, opened))],
            Relationships = [new RelationshipFact("account", "opened", opened), new RelationshipFact("order", "opened", opened)],
        };
        _snapshot = SubjectSnapshot.Build(_policy, _facts, _at);
        _category = _policy.TryGetCategory(BenchVault.SensorCategory, out var c) ? c : throw new InvalidOperationException("no sensor category");
        _purpose = _policy.TryGetPurpose(BenchVault.Purpose, out var p) ? p : throw new InvalidOperationException("no purpose");
        _recipient = _policy.TryGetRecipient("hosting_providers", out var r) ? r : throw new InvalidOperationException("no recipient");
        if (!_engine.Decide(_snapshot, _category, _purpose, _recipient, DecisionUse.Read, RecordStatus.Present).Allowed)
            throw new InvalidOperationException("the measured decision should allow");

        var categories = _policy.Categories.Length;
        var purposes = _policy.Purposes.Length;
        for (var i = 0; i < Batch; i++)
        {
            var query = new DecisionQuery(new CategoryId(i * 7 % categories), new PurposeId(i % purposes), null, DecisionUse.Read, RecordStatus.Present);
            _queries[i] = query;
            _answers[(query.Category.Value, query.Purpose.Value)] = _engine.Decide(_snapshot, query.Category, query.Purpose, null, query.Use, query.Record);
        }

        _answers[(_category.Value, _purpose.Value)] = _engine.Decide(_snapshot, _category, _purpose, _recipient, DecisionUse.Read, RecordStatus.Present);
    }

    [Benchmark(Baseline = true, Description = "dictionary lookup of a precomputed answer")]
    [BenchmarkCategory("one")]
    public Decision LookupOne() => _answers[(_category.Value, _purpose.Value)];

    [Benchmark(Description = "DecisionEngine.Decide (read, with recipient)")]
    [BenchmarkCategory("one")]
    public Decision DecideOne() => _engine.Decide(_snapshot, _category, _purpose, _recipient, DecisionUse.Read, RecordStatus.Present);

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "64 dictionary lookups (per decision)")]
    [BenchmarkCategory("batch of 64")]
    public int LookupBatch()
    {
        var allowed = 0;
        foreach (var q in _queries)
        {
            if (_answers[(q.Category.Value, q.Purpose.Value)].Allowed) allowed++;
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "DecisionEngine.DecideMany (per decision)")]
    [BenchmarkCategory("batch of 64")]
    public Decision DecideBatch()
    {
        _engine.DecideMany(_snapshot, _queries, _results);
        return _results[^1];
    }

    [Benchmark(Baseline = true, Description = "SubjectFacts copy (one allocation)")]
    [BenchmarkCategory("snapshot")]
    public SubjectFacts CopyFacts() => _facts with { };

    [Benchmark(Description = "SubjectSnapshot.Build")]
    [BenchmarkCategory("snapshot")]
    public SubjectSnapshot BuildSnapshot() => SubjectSnapshot.Build(_policy, _facts, _at);
}
