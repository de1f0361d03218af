namespace Custodian.GdprBench;

/// <summary>
/// What every system should answer, kept by the tool as the workloads run: per key whether it exists, when it
/// expires, which purposes are objected to and whether consent stands. A read the model says must return nothing
/// and that returns data is a compliance violation.
/// </summary>
internal sealed class GroundTruth
{
    private readonly List<DateTimeOffset> _expires = [];
    private readonly List<bool> _deleted = [];
    private readonly List<int> _objected = [];
    private readonly List<bool> _consent = [];

    public GroundTruth(IEnumerable<BenchRecord> records, DateTimeOffset now)
    {
        Now = now;
        foreach (var record in records) Add(record, consent: false);
    }

    /// <summary>The fixed instant the workloads run at.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Keys ever created (deleted ones included).</summary>
    public int Count => _expires.Count;

    public void Add(BenchRecord record, bool consent)
    {
        _expires.Add(record.ExpiresAt);
        _deleted.Add(false);
        _objected.Add(0);
        _consent.Add(consent);
    }

    public bool IsDeleted(int key) => _deleted[key];

    /// <summary>True when the record exists and its TTL has not passed.</summary>
    public bool IsCurrent(int key) => !_deleted[key] && _expires[key] > Now;

    public void Delete(int key) => _deleted[key] = true;

    public bool IsObjected(int key, int purpose) => (_objected[key] & (1 << purpose)) != 0;

    public void SetObjected(int key, int purpose, bool objected) =>
        _objected[key] = objected ? _objected[key] | (1 << purpose) : _objected[key] & ~(1 << purpose);

    public bool HasConsent(int key) => _consent[key];

    public void SetConsent(int key, bool given) => _consent[key] = given;

    /// <summary>True when a read of <paramref name="key"/> for purpose <paramref name="purpose"/> may return data.</summary>
    public bool MayRead(int key, int purpose) =>
        !_deleted[key] && _expires[key] > Now && !IsObjected(key, purpose) && (purpose != BenchPurposes.ConsentIndex || _consent[key]);

    /// <summary>Live records whose TTL has passed.</summary>
    public long ExpiredCount()
    {
        long count = 0;
        for (var i = 0; i < _expires.Count; i++) if (!_deleted[i] && _expires[i] <= Now) count++;
        return count;
    }
}
