using System.Globalization;
using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>
/// Every fixed word of the published statement for one language, in one place so a translator can review
/// it: headings, explanations of legal bases, rights and roles, and the phrasing of durations and retention.
/// Each language is a subclass (<see cref="En"/>, <see cref="Da"/>); an abstract member a language lacks
/// does not compile, so no sentence silently falls back to English.
/// </summary>
public abstract partial class StatementText
{
    /// <summary>English.</summary>
    public static StatementText En { get; } = new EnglishStatementText();

    /// <summary>Danish.</summary>
    public static StatementText Da { get; } = new DanishStatementText();

    /// <summary>The languages a statement can be rendered in.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["en", "da"];

    /// <summary>The text for <paramref name="language"/>, or null when no translation exists.</summary>
    public static StatementText? For(string language) => language switch
    {
        "en" => En,
        "da" => Da,
        _ => null,
    };

    /// <summary>The language code (<c>en</c>).</summary>
    public abstract string Language { get; }

    /// <summary>A duration with numerals: "2 months", "1 year and 6 months" (retention).</summary>
    public string Duration(IsoPeriod period) => Compose(period, words: false);

    /// <summary>A duration with a lone 1 in words: "one month" (response times); other numbers stay numerals.</summary>
    public string DurationInWords(IsoPeriod period) => Compose(period, words: true);

    /// <summary>Joins items as a reader expects: "A, B and C".</summary>
    public string JoinAnd(IEnumerable<string> items) => Join(items, AndWord);

    /// <summary>Joins alternatives: "A, B or C".</summary>
    public string JoinOr(IEnumerable<string> items) => Join(items, OrWord);

    /// <summary>
    /// Joins names that may themselves contain "and": with semicolons when any does, so
    /// "safety and care service; bookkeeping" cannot be misread.
    /// </summary>
    public string JoinNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Any(n => n.Contains($" {AndWord} ", StringComparison.Ordinal)) ? string.Join("; ", list) : JoinAnd(list);
    }

    /// <summary>A name as it reads inside a sentence: "Marketing by email" becomes "marketing by email"; an acronym such as "CPR number" or "IP-adresse" stays.</summary>
    public static string InSentence(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var firstWord = name.Split(' ', '-')[0];
        var acronym = firstWord.Length > 1 && firstWord.All(char.IsUpper);
        return name.Length > 0 && char.IsUpper(name[0]) && !acronym
            ? char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..]
            : name;
    }

    /// <summary>How long a retention rule keeps data, counted from its anchor: "up to 2 months after your subscription ends".</summary>
    public string RetentionPeriod(RetentionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Keep.IsZero) return Until(rule.From, rule.AnchorKind);
        var period = $"{Duration(rule.Keep)} {Anchor(rule.From, rule.AnchorKind)}";
        return rule.LegalDuty ? period : UpTo(period);
    }

    /// <summary>The word joining the last two items of a list.</summary>
    protected abstract string AndWord { get; }

    /// <summary>The word joining the last two alternatives.</summary>
    protected abstract string OrWord { get; }

    /// <summary>The name of a duration unit (<c>Y</c>, <c>M</c>, <c>W</c>, <c>D</c>), singular or plural.</summary>
    protected abstract string Unit(char unit, bool plural);

    /// <summary>The word for one of a unit ("one", "en", "et").</summary>
    protected abstract string One(char unit);

    /// <summary>"up to {period}".</summary>
    protected abstract string UpTo(string period);

    /// <summary>A retention of zero length: kept only until the anchor ("until your account is closed").</summary>
    protected abstract string Until(RetentionAnchor anchor, string? kind);

    /// <summary>The moment a period counts from, after the duration: "after your subscription ends".</summary>
    protected abstract string Anchor(RetentionAnchor anchor, string? kind);

    private string Compose(IsoPeriod period, bool words)
    {
        var parts = new List<string>();
        void Add(int count, char unit)
        {
            if (count == 0) return;
            parts.Add(count == 1 && words ? $"{One(unit)} {Unit(unit, false)}" : $"{count.ToString(CultureInfo.InvariantCulture)} {Unit(unit, count != 1)}");
        }

        Add(period.Years, 'Y');
        Add(period.Months, 'M');
        Add(period.Weeks, 'W');
        Add(period.Days, 'D');
        return parts.Count == 0 ? $"0 {Unit('D', true)}" : JoinAnd(parts);
    }

    private static string Join(IEnumerable<string> items, string conjunction)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} {conjunction} {list[^1]}",
        };
    }
}
