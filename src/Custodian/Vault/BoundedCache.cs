using System.Collections.Concurrent;

namespace Custodian.Vault;

/// <summary>
/// A thread-safe map with a bound on its entries and on their total weight. Past either bound it evicts the least
/// recently used tenth of its entries at once (one sort of the entries per tenth inserted), so a server serving more
/// people than it can hold keeps the ones it serves most instead of starting over. Reads take no lock; writes and
/// eviction take one.
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly int _capacity;
    private readonly long _weightBudget;
    private readonly Lock _writes = new();
    private long _weight;
    private long _clock;

    /// <param name="capacity">The most entries held.</param>
    /// <param name="weightBudget">The most total weight held (see <see cref="Set"/>).</param>
    /// <param name="comparer">How keys compare.</param>
    public BoundedCache(int capacity, long weightBudget, IEqualityComparer<TKey> comparer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightBudget);
        _capacity = capacity;
        _weightBudget = weightBudget;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    /// <summary>Entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>Total weight held now.</summary>
    public long Weight => Volatile.Read(ref _weight);

    /// <summary>The value held for <paramref name="key"/>, marked as just used.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Used = Interlocked.Increment(ref _clock);
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Holds <paramref name="value"/> for <paramref name="key"/> (replacing any), counting <paramref name="weight"/>
    /// against the weight budget; evicts the least recently used entries first when a bound would be passed. A value
    /// heavier than the whole budget is not held.
    /// </summary>
    public void Set(TKey key, TValue value, long weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        lock (_writes)
        {
            RemoveLocked(key);
            if (weight > _weightBudget) return;
            if (_entries.Count >= _capacity || _weight + weight > _weightBudget) EvictLocked(weight);
            _entries[key] = new Entry(value, weight) { Used = Interlocked.Increment(ref _clock) };
            _weight += weight;
        }
    }

    /// <summary>Drops the value held for <paramref name="key"/>, if any.</summary>
    public void Remove(TKey key)
    {
        lock (_writes)
        {
            RemoveLocked(key);
        }
    }

    private void RemoveLocked(TKey key)
    {
        if (_entries.TryRemove(key, out var removed)) _weight -= removed.Weight;
    }

    /// <summary>Evicts the least recently used tenth (at least one entry), and more until <paramref name="incoming"/> fits the budget.</summary>
    private void EvictLocked(long incoming)
    {
        var byAge = _entries.ToArray();
        Array.Sort(byAge, (a, b) => a.Value.Used.CompareTo(b.Value.Used));
        var evict = Math.Max(1, byAge.Length / 10);
        var i = 0;
        for (; i < byAge.Length && (i < evict || _weight + incoming > _weightBudget); i++)
        {
            RemoveLocked(byAge[i].Key);
        }
    }

    private sealed class Entry(TValue value, long weight)
    {
        public TValue Value { get; } = value;

        public long Weight { get; } = weight;

        public long Used { get; set; }
    }
}
