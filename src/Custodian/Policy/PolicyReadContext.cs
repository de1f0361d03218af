using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Custodian.Policy;

/// <summary>The diagnostics and file of one policy (or scenario) being read.</summary>
/// <param name="file">The file, as diagnostics name it.</param>
/// <param name="reference">The document that lists the file's keys, named in fixes.</param>
internal sealed partial class PolicyReadContext(string file, string reference = "docs/policy-reference.md")
{
    private readonly List<PolicyDiagnostic> _diagnostics = [];

    /// <summary>What diagnostics call the whole file.</summary>
    public const string RootName = "the policy file";

    public string File { get; } = file;

    public IReadOnlyList<PolicyDiagnostic> Diagnostics => _diagnostics;

    /// <summary>The language plain (untranslated) text is taken to be in: the policy's first language.</summary>
    public string DefaultLanguage { get; set; } = "en";

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(string code, YamlNode node, string message, string? fix) =>
        _diagnostics.Add(new PolicyDiagnostic(code, DiagnosticSeverity.Error, At(node), message, fix));

    public void Add(PolicyDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar) return scalar.Value;
        Error(PolicyCodes.WrongShape, node, $"{what} must be a single value, not a {Shape(node)}", ScalarFix(node));
        return null;
    }

    public YamlMap? Map(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping) return new YamlMap(this, mapping, what);
        Error(PolicyCodes.WrongShape, node, $"{what} must be a mapping of 'key: value' lines, not a {Shape(node)}", MapFix(node, what));
        return null;
    }

    public ImmutableArray<(string Value, YamlNode Node)> List(YamlNode node, string what)
    {
        if (node is YamlScalarNode single && single.Value is not null) return [(single.Value, node)];
        if (node is not YamlSequenceNode sequence)
        {
            Error(PolicyCodes.WrongShape, node, $"{what} must be a list such as [a, b], not a {Shape(node)}", "write the items as [a, b], or one '- item' per line indented below the key");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<(string, YamlNode)>();
        foreach (var item in sequence.Children)
        {
            var value = Scalar(item, $"an item of {what}");
            if (value is not null) items.Add((value, item));
        }

        return items.ToImmutable();
    }

    public T? Choice<T>(YamlNode node, FrozenDictionary<string, T> vocabulary, string what)
        where T : struct, Enum
    {
        var text = Scalar(node, what);
        if (text is null) return null;
        if (vocabulary.TryGetValue(text, out var value)) return value;
        Error(PolicyCodes.InvalidChoice, node, $"'{text}' is not a valid {what}", Suggestions.NearestAndAllowed(text, vocabulary.Keys.Order(StringComparer.Ordinal)));
        return null;
    }

    /// <summary>Text per language: either a mapping <c>{en: …, da: …}</c> or one string (taken as the first language).</summary>
    public LocalizedText Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar) return new LocalizedText([new(DefaultLanguage, scalar.Value ?? "")]);
        var map = Map(node, what);
        if (map is null) return LocalizedText.Empty;
        var texts = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in map.Entries)
        {
            if (!IsoLanguages.Codes.Contains(key.Value!))
            {
                var fix = key.Value!.Contains(' ', StringComparison.Ordinal)
                    ? "quote the text before it: inside {…} a comma starts a new key, e.g. {da: \"Hej, verden\", en: \"Hello, world\"}"
                    : IsoLanguages.Fix(key.Value!);
                Error(PolicyCodes.InvalidValue, key, $"'{key.Value}' is not a language code in {what}", fix);
                continue;
            }

            var text = Scalar(value, $"the {key.Value} text of {what}");
            if (text is not null) texts.Add(new(key.Value!, text));
        }

        return new LocalizedText(texts);
    }

    public bool CheckKey(string key, YamlNode node, string what)
    {
        if (KeyPattern().IsMatch(key)) return true;
        Error(PolicyCodes.InvalidKeySyntax, node, $"'{key}' is not a valid {what} key", "use lowercase words joined by '_' and levels joined by '.', e.g. user.contact.email");
        return false;
    }

    private static string ScalarFix(YamlNode node) => node is YamlMappingNode
        ? "write one value on the same line as the key; quote it if it contains ': ' or starts with '{' or '['"
        : "write one value instead of a list; quote it if it starts with '[' or '- '";

    private string MapFix(YamlNode node, string what) => node switch
    {
        _ when what == RootName => "a policy file is a mapping: start it with 'custodian: 1' and the sections shown in docs/policy-reference.md",
        YamlSequenceNode => $"write 'key: value' lines indented below it, without '- ' or [ ]; see {reference} for its keys",
        _ => $"write 'key: value' lines indented below it; see {reference} for its keys",
    };

    private static string Shape(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "single value",
    };

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z0-9][a-z0-9_]*)*$")]
    private static partial Regex KeyPattern();
}
