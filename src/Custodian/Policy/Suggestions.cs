namespace Custodian.Policy;

/// <summary>Finds the nearest valid names to a misspelt one, for "did you mean" fixes.</summary>
public static class Suggestions
{
    /// <summary>Up to <paramref name="count"/> candidates close to <paramref name="wrong"/>, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string wrong, IEnumerable<string> candidates, int count = 3)
    {
        // A key is a short token; nothing is near a long text, and measuring it against every key would cost its length squared.
        if (wrong.Length > MaxKeyLength) return [];
        var limit = Math.Max(2, wrong.Length / 3);
        return candidates
            .Select(candidate => (candidate, distance: Distance(wrong, candidate)))
            .Where(pair => pair.distance <= limit || pair.candidate.EndsWith("." + wrong, StringComparison.Ordinal))
            .OrderBy(pair => pair.distance)
            .ThenBy(pair => pair.candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => pair.candidate)
            .ToList();
    }

    /// <summary>The longest text measured against known keys, and quoted back whole in a message.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>A caller's key as a message quotes it: whole when short, else its start and its length.</summary>
    public static string Quote(string key) =>
        key.Length <= MaxKeyLength ? key : $"{key[..40]}… ({key.Length} characters)";

    /// <summary>"did you mean 'x'?" or a list of what is allowed when nothing is close.</summary>
    public static string DidYouMean(string wrong, IEnumerable<string> candidates, string? allowedList = null)
    {
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToList();
        var nearest = Nearest(wrong, list);
        if (nearest.Count > 0) return $"did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?";
        return allowedList ?? $"use one of: {string.Join(", ", list.Take(20))}";
    }

    /// <summary>
    /// For a value that must be one of a short list of words: "did you mean 'x'? allowed: a, b, c" when one is close,
    /// else "use one of: a, b, c". Every allowed word is named either way, so the fix never needs the reference.
    /// </summary>
    public static string NearestAndAllowed(string wrong, IEnumerable<string> allowed)
    {
        var list = allowed as IReadOnlyCollection<string> ?? allowed.ToList();
        var nearest = Nearest(wrong, list, count: 1);
        var words = string.Join(", ", list);
        return nearest.Count > 0 ? $"did you mean '{nearest[0]}'? allowed: {words}" : $"use one of: {words}";
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
