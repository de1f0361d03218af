using BenchmarkDotNet.Attributes;
using Custodian.Policy;
using Custodian.Retention;
using Custodian.Storage;

namespace Custodian.Benchmarks;

/// <summary>
/// The retention planner's evaluation loop over one million records already in memory (100,000 people under the
/// CEKURA policy), against a bare loop that reads the same fields of the same rows. Times are per record.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RetentionPlannerBenchmarks
{
    private const int People = 100_000;
    private const int Records = People * 10;
    private RetentionSubject[] _subjects = [];
    private RetentionPlanner _planner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var policy = PolicyCompiler.CompileFile(Path.Combine(RepositoryRoot.Find(), "examples", "cekura", "policy.yaml"));
        _planner = new RetentionPlanner(policy.Document.Retention);
        _subjects = RetentionData.Subjects(People);
        if (People * RetentionData.RecordsPerSubject != Records) throw new InvalidOperationException("the data shape changed");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records, Description = "read the same fields")]
    public long ReadFields()
    {
        long sum = 0;
        foreach (var subject in _subjects)
        {
            sum += subject.Relationships.Count;
            foreach (var record in subject.Records)
                sum += record.CollectedAt.UtcTicks + record.CategoryKey.Length + record.PurposeKey.Length + (int)record.KeyKind;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "plan: anchors + verdict")]
    public long Plan()
    {
        long due = 0;
        foreach (var subject in _subjects)
        {
            var anchors = new SubjectAnchors(subject, RetentionData.At);
            foreach (var record in subject.Records)
            {
                if (_planner.Decide(record, anchors).Outcome != RetentionOutcome.Keep) due++;
            }
        }

        return due;
    }
}
