using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Custodian.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Custodian.Scenarios;

/// <summary>Reads scenario files, naming file, line and column for every mistake, as the policy loader does.</summary>
public static class ScenarioLoader
{
    /// <summary>Step kinds and the fields each accepts besides <c>at</c> and <c>subject</c>.</summary>
    public static FrozenDictionary<string, string[]> StepKinds { get; } = new Dictionary<string, string[]>
    {
        ["create"] = ["email", "phone", "user_name", "birth_date"],
        ["relationship"] = ["event"],
        ["collect"] = ["values", "source"],
        ["consent"] = ["explicit", "permission"],
        ["withdraw"] = ["permission"],
        ["permission_on"] = [],
        ["permission_off"] = [],
        ["object"] = [],
        ["lift_objection"] = [],
        ["restrict"] = [],
        ["lift_restriction"] = [],
        ["authorise"] = [],
        ["revoke"] = [],
        ["guardian_consent"] = ["guardian"],
        ["hold"] = ["until"],
        ["release_holds"] = [],
        ["events"] = ["readings"],
        ["merge"] = [],
        ["bind_device"] = ["type", "name", "mac", "wifi", "firmware"],
        ["unbind_device"] = [],
        ["try_now"] = ["readings"],
        ["reset_password"] = ["value"],
        ["request"] = ["name", "verify", "by", "email", "purpose", "language", "reason"],
        ["complete_request"] = ["category", "value"],
        ["extend_request"] = ["reason", "by"],
        ["deny_request"] = ["reason", "reason_code"],
        ["erase_children"] = [],
        ["publish"] = ["effective", "refused"],
        ["breach"] = ["from", "until", "categories", "recipients", "description", "consequences"],
        ["notify_breach"] = [],
        ["retention"] = [],
        ["expect"] = ["category", "categories", "purpose", "recipient", "reason", "returns", "value", "verifies", "stored", "dropped", "coarsened", "email", "phone", "user_name", "note", "name", "status", "due", "overdue", "contains", "not_contains", "kept", "not_text", "version", "count", "template", "material", "reconsent", "affected", "minimum_group", "dimensions", "people"],
    }.ToFrozenDictionary();

    /// <summary>What <c>expect:</c> can check.</summary>
    public static FrozenSet<string> Expectations { get; } = new[]
    {
        "allow", "deny", "read", "stored", "not_stored", "refused", "missing_required", "events", "password", "found", "audit_valid", "request", "package", "policy_version", "notices", "breach", "statistics", "archived", "gone", "anonymised",
    }.ToFrozenSet();

    /// <summary>Reads a scenario file; diagnostics name file, line and column.</summary>
    public static (Scenario? Scenario, ImmutableArray<PolicyDiagnostic> Diagnostics) LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new PolicyDiagnostic(PolicyCodes.Unreadable, DiagnosticSeverity.Error, new SourceLocation(path, 0, 0), $"cannot read the file: {e.Message}", "check the path")]);
        }

        return Load(text, path);
    }

    /// <summary>Reads a scenario from text.</summary>
    public static (Scenario? Scenario, ImmutableArray<PolicyDiagnostic> Diagnostics) Load(string text, string path)
    {
        var context = new PolicyReadContext(path);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (null, [new PolicyDiagnostic(PolicyCodes.YamlSyntax, DiagnosticSeverity.Error, new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {(e.InnerException ?? e).Message}", "check indentation and quoting")]);
        }

        var root = yaml.Documents.Count == 0 ? null : context.Map(yaml.Documents[0].RootNode, "the scenario file");
        if (root is null) return (null, [.. context.Diagnostics]);
        root.AllowOnly("scenario", "promises", "start", "steps");
        var title = root.String("scenario", required: true) ?? "";
        var promises = root.List("promises").Select(p => p.Value).ToImmutableArray();
        var at = root.Get("start") is { } startNode ? ParseInstant(context, startNode) ?? DefaultStart : DefaultStart;
        var steps = ImmutableArray.CreateBuilder<ScenarioStep>();
        if (root.Require("steps") is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                var step = ReadStep(context, item, ref at);
                if (step is not null) steps.Add(step);
            }
        }

        var diagnostics = context.Diagnostics.ToImmutableArray();
        return (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : new Scenario(path, title, promises, steps.ToImmutable()), diagnostics);
    }

    private static readonly DateTimeOffset DefaultStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScenarioStep? ReadStep(PolicyReadContext context, YamlNode node, ref DateTimeOffset at)
    {
        var map = context.Map(node, "a step");
        if (map is null) return null;
        var kinds = map.Entries.Select(e => e.Key.Value!).Where(StepKinds.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            var fix = kinds.Count == 0
                ? $"start the step with one of: {string.Join(", ", StepKinds.Keys.Order(StringComparer.Ordinal))}"
                : $"split it into one step per action ({string.Join(", ", kinds)})";
            context.Error(PolicyCodes.MissingKey, node, kinds.Count == 0 ? "a step needs exactly one action" : "a step has more than one action", fix);
            return null;
        }

        var kind = kinds[0];
        map.AllowOnly([.. StepKinds[kind], kind, "at", "subject"]);
        if (map.Get("at") is { } atNode && ParseInstant(context, atNode) is { } stepAt) at = stepAt;
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value is "at" or "subject") continue;
            var read = ReadValue(context, value);
            if (read is not null) fields[key.Value!] = read;
        }

        if (kind == "expect" && fields.GetValueOrDefault("expect") is string expectation && !Expectations.Contains(expectation))
            context.Error(PolicyCodes.InvalidChoice, map.Get("expect")!, $"'{expectation}' is not something a scenario can expect", Suggestions.DidYouMean(expectation, Expectations.Order(StringComparer.Ordinal)));

        return new ScenarioStep(at, map.String("subject"), kind, fields, context.At(node));
    }

    private static object? ReadValue(PolicyReadContext context, YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence when sequence.Children.All(c => c is YamlMappingNode) =>
            sequence.Children.Select(c => (IReadOnlyDictionary<string, string>)((YamlMappingNode)c).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => context.Scalar(p.Value, "a field") ?? "", StringComparer.Ordinal)).ToList(),
        YamlSequenceNode sequence => (IReadOnlyList<string>)context.List(sequence, "a list").Select(i => i.Value).ToList(),
        YamlMappingNode mapping => (IReadOnlyList<KeyValuePair<string, string>>)mapping.Children.Select(p => new KeyValuePair<string, string>(((YamlScalarNode)p.Key).Value!, context.Scalar(p.Value, "a value") ?? "")).ToList(),
        _ => null,
    };

    private static DateTimeOffset? ParseInstant(PolicyReadContext context, YamlNode node)
    {
        var text = context.Scalar(node, "'at'");
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant.ToUniversalTime();
        context.Error(PolicyCodes.InvalidDate, node, $"'{text}' is not a date or date-time", "write 2024-03-01 or 2024-03-01T09:30:00Z");
        return null;
    }
}
