using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>Text given per language (<c>en</c>, <c>da</c>…), as a policy author writes it for the published statement.</summary>
public sealed class LocalizedText
{
    private readonly ImmutableSortedDictionary<string, string> _byLanguage;

    /// <summary>Creates text from a language → text map.</summary>
    public LocalizedText(IEnumerable<KeyValuePair<string, string>> byLanguage)
    {
        _byLanguage = byLanguage.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>Text with no translations.</summary>
    public static LocalizedText Empty { get; } = new([]);

    /// <summary>The languages this text is written in.</summary>
    public IEnumerable<string> Languages => _byLanguage.Keys;

    /// <summary>Whether there is text for <paramref name="language"/>.</summary>
    public bool Has(string language) => _byLanguage.ContainsKey(language);

    /// <summary>The text in <paramref name="language"/>, else English, else any language, else null.</summary>
    public string? Get(string language)
    {
        if (_byLanguage.TryGetValue(language, out var text)) return text;
        if (_byLanguage.TryGetValue("en", out text)) return text;
        return _byLanguage.Values.FirstOrDefault();
    }

    /// <summary>Whether two texts say the same in every language.</summary>
    public bool SameAs(LocalizedText other) =>
        _byLanguage.Count == other._byLanguage.Count
        && _byLanguage.All(pair => other._byLanguage.TryGetValue(pair.Key, out var text) && text == pair.Value);
}
