using System.Security.Cryptography;
using System.Text;

namespace Custodian.Server.Auth;

/// <summary>
/// How many one-time codes go to one person or address: at most <see cref="MaxCodes"/> within <see cref="Window"/>. Each
/// code allows five attempts, so without a bound anyone could ask for code after code and guess on, five at a time, until
/// one of the million fits (and fill the person's inbox meanwhile). The count is kept by each server process, under a keyed
/// hash of the name it is given, so no address is held in memory.
/// </summary>
public sealed class CodeMailLimit(TimeProvider clock)
{
    /// <summary>The most codes sent to one person or address within <see cref="Window"/>.</summary>
    public const int MaxCodes = 5;

    /// <summary>The time the count runs over, from the first code counted.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private const int PruneAbove = 100_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Count, DateTimeOffset Since)> _sent = new(StringComparer.Ordinal);

    /// <summary>
    /// Counts one code for <paramref name="recipient"/> and returns null when it may be sent; when the limit is reached,
    /// counts nothing and returns the time the next code may be sent.
    /// </summary>
    public DateTimeOffset? TryCount(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var key = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(recipient)));
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_sent.Count > PruneAbove)
            {
                foreach (var stale in _sent.Where(s => s.Value.Since + Window <= now).Select(s => s.Key).ToList()) _sent.Remove(stale);
            }

            if (!_sent.TryGetValue(key, out var run) || run.Since + Window <= now)
            {
                _sent[key] = (1, now);
                return null;
            }

            if (run.Count >= MaxCodes) return run.Since + Window;
            _sent[key] = (run.Count + 1, run.Since);
            return null;
        }
    }

    /// <summary>The name an email address is counted under: trimmed and in lower case, so spellings of one address count together.</summary>
    public static string Address(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return "email:" + email.Trim().ToLowerInvariant();
    }
}
