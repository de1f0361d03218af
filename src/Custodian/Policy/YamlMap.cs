using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Custodian.Policy;

/// <summary>
/// A mapping node being read by the policy loader: hands out its fields, remembers which were read,
/// and reports unknown keys with the nearest known one, so a typo is named where it is.
/// </summary>
internal sealed partial class YamlMap
{
    private readonly PolicyReadContext _context;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);

    public YamlMap(PolicyReadContext context, YamlMappingNode node, string what)
    {
        _context = context;
        Node = node;
        What = what;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain } merge)
                context.Error(PolicyCodes.AliasMisuse, merge, $"merge keys ('<<') are not read in {what}", "write the keys out in full instead of merging another mapping in");
            else if (key is YamlScalarNode scalar && scalar.Value is not null) _fields[scalar.Value] = (scalar, value);
            else context.Error(PolicyCodes.WrongShape, key, $"a key in {what} must be a plain word", "write the key as a word followed by ':', e.g. name: …");
        }
    }

    public YamlMappingNode Node { get; }

    public string What { get; }

    public SourceLocation Location => _context.At(Node);

    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries => _fields.Values;

    /// <summary>Reports every key not in <paramref name="known"/>.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var (name, (key, _)) in _fields)
        {
            if (Array.IndexOf(known, name) >= 0) continue;
            _context.Error(PolicyCodes.UnknownKey, key, $"unknown key '{name}' in {What}", Suggestions.DidYouMean(name, known, $"the keys of {What} are: {string.Join(", ", known)}"));
        }
    }

    public YamlNode? Get(string name) => _fields.TryGetValue(name, out var field) ? field.Value : null;

    public YamlNode? Require(string name)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            _context.Error(PolicyCodes.MissingKey, Node, $"{What} needs '{name}'", $"add '{name}:' to {What}");
            return null;
        }

        if (field.Value is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" })
        {
            _context.Error(PolicyCodes.MissingKey, field.Key, $"'{name}' in {What} has no value", $"write its value after '{name}:', or indented on the lines below");
            return null;
        }

        return field.Value;
    }

    public string? String(string name, bool required = false)
    {
        var node = required ? Require(name) : Get(name);
        return node is null ? null : _context.Scalar(node, $"'{name}' in {What}");
    }

    public bool Bool(string name, bool fallback)
    {
        var node = Get(name);
        if (node is null) return fallback;
        var text = _context.Scalar(node, $"'{name}'");
        switch (text)
        {
            case "true" or "yes": return true;
            case "false" or "no": return false;
            case null: return fallback;
            default:
                _context.Error(PolicyCodes.InvalidValue, node, $"'{name}' must be true or false, not '{text}'", "write true or false");
                return fallback;
        }
    }

    public int? Int(string name, int min, int max)
    {
        var node = Get(name);
        if (node is null) return null;
        var text = _context.Scalar(node, $"'{name}'");
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        _context.Error(PolicyCodes.InvalidValue, node, $"'{name}' must be a whole number from {min} to {max}, not '{text}'", $"write a whole number from {min} to {max}");
        return null;
    }

    public double? Number(string name, double min, double max)
    {
        var node = Get(name);
        if (node is null) return null;
        var text = _context.Scalar(node, $"'{name}'");
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        _context.Error(PolicyCodes.InvalidValue, node, $"'{name}' must be a number from {min} to {max}, not '{text}'", $"write a number from {min} to {max}, with '.' for decimals");
        return null;
    }

    public T? Choice<T>(string name, FrozenDictionary<string, T> vocabulary, bool required = false)
        where T : struct, Enum
    {
        var node = required ? Require(name) : Get(name);
        return node is null ? null : _context.Choice(node, vocabulary, $"'{name}'");
    }

    public IsoPeriod? Duration(string name, bool required = false)
    {
        var node = required ? Require(name) : Get(name);
        if (node is null) return null;
        var text = _context.Scalar(node, $"'{name}'");
        if (text is null) return null;
        if (IsoPeriod.TryParse(text, out var period))
        {
            if (period.ApproximateDays <= PolicyLoader.MaxDurationYears * 365.2425) return period;
            _context.Error(PolicyCodes.InvalidDuration, node, $"'{text}' is longer than {PolicyLoader.MaxDurationYears} years", $"write a duration of at most P{PolicyLoader.MaxDurationYears}Y");
            return null;
        }

        _context.Error(PolicyCodes.InvalidDuration, node, $"'{text}' is not an ISO 8601 duration", "write P30D for 30 days, P2M for 2 months, P5Y for 5 years, P1Y6M for a year and a half");
        return null;
    }

    public DateOnly? Date(string name, bool required = false)
    {
        var node = required ? Require(name) : Get(name);
        if (node is null) return null;
        var text = _context.Scalar(node, $"'{name}'");
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _context.Error(PolicyCodes.InvalidDate, node, $"'{text}' is not a date", "write the date as YYYY-MM-DD, e.g. 2024-05-01");
        return null;
    }

    public string? Country(string name, bool required = false)
    {
        var node = required ? Require(name) : Get(name);
        if (node is null) return null;
        var text = _context.Scalar(node, $"'{name}'");
        if (text is null) return null;
        if (CountryPattern().IsMatch(text)) return text;
        _context.Error(PolicyCodes.InvalidValue, node, $"'{text}' is not an ISO 3166 country code", "write two capital letters, e.g. DK, NO, US");
        return null;
    }

    public LocalizedText Text(string name, bool required = false)
    {
        var node = required ? Require(name) : Get(name);
        return node is null ? LocalizedText.Empty : _context.Text(node, $"'{name}' in {What}");
    }

    public ImmutableArray<(string Value, YamlNode Node)> List(string name)
    {
        var node = Get(name);
        return node is null ? [] : _context.List(node, $"'{name}' in {What}");
    }

    public YamlMap? Map(string name, string what, bool required = false)
    {
        var node = required ? Require(name) : Get(name);
        return node is null ? null : _context.Map(node, what);
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
