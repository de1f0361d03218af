using System.Collections.Concurrent;

namespace Custodian.Vault;

/// <summary>
/// Counts wrong secrets per person and category, so a password check cannot be used to guess: after
/// <see cref="MaxFailures"/> wrong secrets within <see cref="Window"/>, checks are refused until the window that began
/// with the first of them has passed. A right secret clears the count. Held in memory by each process.
/// </summary>
internal sealed class SecretAttempts(TimeProvider clock)
{
    /// <summary>Wrong secrets allowed in one window.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a run of wrong secrets is remembered, from the first of them.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int PruneAbove = 100_000;
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Since)> _failures = new(StringComparer.Ordinal);

    /// <summary>When checks for this person and category may resume, or null when they may go on now.</summary>
    public DateTimeOffset? BlockedUntil(string subjectId, string categoryKey)
    {
        if (!_failures.TryGetValue(Key(subjectId, categoryKey), out var run)) return null;
        var until = run.Since + Window;
        return run.Failures >= MaxFailures && until > clock.GetUtcNow() ? until : null;
    }

    /// <summary>Records the outcome of one check.</summary>
    public void Record(string subjectId, string categoryKey, bool matched)
    {
        var key = Key(subjectId, categoryKey);
        if (matched)
        {
            _failures.TryRemove(key, out _);
            return;
        }

        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(key, _ => (1, now), (_, run) => run.Since + Window <= now ? (1, now) : (run.Failures + 1, run.Since));
        if (_failures.Count > PruneAbove)
        {
            foreach (var (stale, run) in _failures)
            {
                if (run.Since + Window <= now) _failures.TryRemove(stale, out _);
            }
        }
    }

    private static string Key(string subjectId, string categoryKey) => string.Concat(subjectId, "\0", categoryKey);
}
