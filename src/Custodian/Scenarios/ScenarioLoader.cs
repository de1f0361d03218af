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
    /// <summary>The largest scenario file read, in bytes (or characters, for text): scenarios are a few kilobytes.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists read: a scenario needs five (steps, a step, its readings, a reading).</summary>
    public const int MaxDepth = 32;

    /// <summary>The most values that aliases (<c>*name</c>) in one file may stand for together.</summary>
    public const int MaxAliasValues = 10_000;

    private const string Reference = "docs/scenarios.md";

    /// <summary>How a scenario file is read: its limits, and what to do about each.</summary>
    internal static readonly YamlFileRules Rules = new(
        "scenario", MaxFileBytes, MaxDepth, MaxAliasValues,
        TooLargeFix: "check that this is a scenario file: a scenario is a few kilobytes; split a long timeline into several scenarios, or remove pasted data",
        TooDeepFix: "a scenario needs at most five levels (steps, a step, its readings): check for unclosed '[' or '{', or indentation that keeps growing",
        EmptyFix: "start it with 'scenario:' (what it shows) and 'steps:', as in docs/scenarios.md or any file in examples/*/scenarios/");
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
        ["reset_password"] = ["value", "purpose"],
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

    /// <summary>Fields that take a list (a single value counts as a list of one).</summary>
    private static readonly FrozenSet<string> ListFields = new[] { "categories", "recipients", "wifi", "contains", "not_contains", "not_text", "kept", "dimensions" }.ToFrozenSet();

    /// <summary>Fields that take a mapping of single values, and what its lines are.</summary>
    private static readonly FrozenDictionary<string, string> MapFields = new Dictionary<string, string>
    {
        ["values"] = "category: value",
        ["dropped"] = "reason: count",
    }.ToFrozenDictionary();

    /// <summary>Fields that are true or false.</summary>
    private static readonly FrozenSet<string> FlagFields = new[] { "explicit", "permission", "verify", "verifies", "material", "overdue", "reconsent" }.ToFrozenSet();

    /// <summary>Fields that are counts.</summary>
    private static readonly FrozenSet<string> CountFields = new[] { "count", "stored", "coarsened", "affected", "minimum_group", "people" }.ToFrozenSet();

    /// <summary>Fields that are a date (YYYY-MM-DD).</summary>
    private static readonly FrozenSet<string> DateFields = new[] { "birth_date", "effective", "due" }.ToFrozenSet();

    /// <summary>Fields that are a date or a date-time.</summary>
    private static readonly FrozenSet<string> InstantFields = new[] { "from", "until" }.ToFrozenSet();

    private static readonly string[] ReadingKeys = ["category", "value", "device", "at"];

    /// <summary>The words some fields must be one of: (step kind or "*", field) → words.</summary>
    private static readonly FrozenDictionary<(string Kind, string Field), string[]> Choices = new Dictionary<(string, string), string[]>
    {
        [("request", "request")] = ["access", "portability", "rectification", "erasure", "restriction", "objection", "consent_withdrawal"],
        [("request", "by")] = ["person", "service", "admin"],
        [("collect", "source")] = ["provided", "observed", "device", "derived", "third_party"],
        [("guardian_consent", "guardian_consent")] = ["given", "withdrawn"],
        [("retention", "retention")] = ["run", "dry_run"],
        [("expect", "status")] = ["received", "verified", "in_progress", "extended", "completed", "denied"],
    }.ToFrozenDictionary();

    /// <summary>Reads a scenario file; diagnostics name file, line and column.</summary>
    public static (Scenario? Scenario, ImmutableArray<PolicyDiagnostic> Diagnostics) LoadFile(string path)
    {
        string? text;
        PolicyDiagnostic? problem;
        try
        {
            (text, problem) = GuardedYaml.ReadFile(path, Rules);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var diagnostic = Directory.Exists(path)
                ? new PolicyDiagnostic(PolicyCodes.Unreadable, DiagnosticSeverity.Error, new SourceLocation(path, 0, 0), "cannot read the file: it is a directory", $"pass the scenario files in it, e.g. {Path.Combine(path, "*.yaml")}")
                : new PolicyDiagnostic(PolicyCodes.Unreadable, DiagnosticSeverity.Error, new SourceLocation(path, 0, 0), $"cannot read the file: {e.Message.TrimEnd('.')}", "check the path and the file's permissions");
            return (null, [diagnostic]);
        }

        return text is null ? (null, [problem!]) : Load(text, path);
    }

    /// <summary>Reads a scenario from text; <paramref name="path"/> is used in diagnostics and to find published policies.</summary>
    public static (Scenario? Scenario, ImmutableArray<PolicyDiagnostic> Diagnostics) Load(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new PolicyReadContext(path, Reference);
        var (node, problems) = GuardedYaml.Parse(text, path, Rules);
        foreach (var problem in problems) context.Add(problem);
        if (node is null) return (null, [.. context.Diagnostics]);
        if (node is not YamlMappingNode)
        {
            context.Error(
                PolicyCodes.WrongShape, node, $"a scenario file must be a mapping of 'key: value' lines, not a {(node is YamlSequenceNode ? "list" : "single value")}",
                "start it with 'scenario:' (what it shows) and 'steps:' (a list of steps) at the start of the line, as in docs/scenarios.md");
            return (null, [.. context.Diagnostics]);
        }

        var root = context.Map(node, "the scenario file")!;
        root.AllowOnly("scenario", "promises", "start", "steps");
        var title = root.String("scenario", required: true) ?? "";
        var promises = root.List("promises").Select(p => p.Value).ToImmutableArray();
        var at = root.Get("start") is { } startNode ? ParseInstant(context, startNode, "'start'") ?? DefaultStart : DefaultStart;
        var steps = ImmutableArray.CreateBuilder<ScenarioStep>();
        var reading = new StepReading(context, at);
        var stepsNode = root.Require("steps");
        if (stepsNode is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                var step = ReadStep(reading, item);
                if (step is not null) steps.Add(step);
            }
        }
        else if (stepsNode is not null)
        {
            context.Error(
                PolicyCodes.WrongShape, stepsNode, $"'steps' must be a list of steps, not a {(stepsNode is YamlMappingNode ? "mapping" : "single value")}",
                "write each step as a list item, '- ' and its first key (e.g. '- at: 2024-03-01'), indented below 'steps:', its other keys lined up under the first");
        }

        var diagnostics = context.Diagnostics.ToImmutableArray();
        return (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : new Scenario(path, title, promises, steps.ToImmutable()), diagnostics);
    }

    private static readonly DateTimeOffset DefaultStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What reading the steps so far has established: the clock, and the people created.</summary>
    private sealed class StepReading(PolicyReadContext context, DateTimeOffset start)
    {
        public PolicyReadContext Context { get; } = context;

        public DateTimeOffset At { get; set; } = start;

        public (DateTimeOffset At, string Text)? Previous { get; set; }

        public List<string> People { get; } = [];
    }

    private static ScenarioStep? ReadStep(StepReading reading, YamlNode node)
    {
        var context = reading.Context;
        var map = context.Map(node, "a step");
        if (map is null) return null;
        var kinds = map.Entries.Select(e => e.Key.Value!).Where(StepKinds.ContainsKey).ToList();
        if (kinds.Count != 1)
        {
            if (kinds.Count == 0 && NearAction(map) is { } typo)
            {
                context.Error(PolicyCodes.UnknownKey, typo.Key, $"'{Suggestions.Quote(typo.Key.Value!)}' is not an action a step can take", $"did you mean {string.Join(" or ", typo.Nearest.Select(n => $"'{n}'"))}?");
                return null;
            }

            var fix = kinds.Count == 0
                ? $"start the step with one of: {string.Join(", ", StepKinds.Keys.Order(StringComparer.Ordinal))}"
                : $"split it into one step per action ({string.Join(", ", kinds)})";
            context.Error(PolicyCodes.MissingKey, node, kinds.Count == 0 ? "a step needs exactly one action" : "a step has more than one action", fix);
            return null;
        }

        var kind = kinds[0];
        string[] allowed = [.. StepKinds[kind], kind, "at", "subject"];
        var misspeltActions = MisspeltActions(context, map, kind, allowed);
        map.AllowOnly([.. allowed, .. misspeltActions]);
        if (map.Get("at") is { } atNode && ParseInstant(context, atNode, "'at'") is { } stepAt)
        {
            if (reading.Previous is { } previous && stepAt < previous.At)
            {
                context.Error(
                    PolicyCodes.InvalidDate, atNode, $"'{((YamlScalarNode)atNode).Value}' is before the previous step's time, {previous.Text}",
                    $"time never runs backwards in a scenario: give this step a time at or after {previous.Text}, or move it up to where it belongs");
            }
            else
            {
                reading.At = stepAt;
                reading.Previous = (stepAt, ((YamlScalarNode)atNode).Value!);
            }
        }

        reading.Previous ??= (reading.At, reading.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        var places = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value is "at" or "subject" || misspeltActions.Contains(key.Value!)) continue;
            var read = ReadField(context, kind, key.Value!, value, places);
            if (read is not null) fields[key.Value!] = read;
        }

        if (kind == "expect" && fields.GetValueOrDefault("expect") is string expectation && !Expectations.Contains(expectation))
            context.Error(PolicyCodes.InvalidChoice, map.Get("expect")!, $"'{expectation}' is not something a scenario can expect", Suggestions.NearestAndAllowed(expectation, Expectations.Order(StringComparer.Ordinal)));

        var subject = map.String("subject");
        if (subject is not null) CheckPerson(reading, map.Get("subject")!, subject, "subject");
        if (kind == "merge" && fields.GetValueOrDefault("merge") is string duplicate) CheckPerson(reading, map.Get("merge")!, duplicate, "merge");
        if (kind == "create" && fields.GetValueOrDefault("create") is string created && created.Length > 0) reading.People.Add(created);
        return new ScenarioStep(reading.At, subject, kind, fields, context.At(node)) { ValueLocations = places };
    }

    /// <summary>
    /// Keys of a step with one action that are neither its keys nor close to one, but close to another action's name
    /// (<c>collect:</c> with <c>withdarw:</c>): each is reported with the nearest actions, and that a step takes one action.
    /// </summary>
    private static List<string> MisspeltActions(PolicyReadContext context, YamlMap map, string kind, string[] allowed)
    {
        var misspelt = new List<string>();
        foreach (var (key, _) in map.Entries)
        {
            var name = key.Value!;
            if (Array.IndexOf(allowed, name) >= 0 || Suggestions.Nearest(name, allowed).Count > 0) continue;
            var nearest = Suggestions.Nearest(name, StepKinds.Keys);
            if (nearest.Count == 0) continue;
            context.Error(
                PolicyCodes.UnknownKey, key, $"'{Suggestions.Quote(name)}' is not a key of a '{kind}' step nor an action a step can take",
                $"did you mean the action {string.Join(" or ", nearest.Select(n => $"'{n}'"))}? A step takes one action, so put it in a step of its own; the keys of a '{kind}' step are: {string.Join(", ", allowed)}");
            misspelt.Add(name);
        }

        return misspelt;
    }

    /// <summary>A key of an action-less step that is close to an action's name, with the nearest actions.</summary>
    private static (YamlScalarNode Key, IReadOnlyList<string> Nearest)? NearAction(YamlMap map)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (key.Value is "at" or "subject") continue;
            var nearest = Suggestions.Nearest(key.Value!, StepKinds.Keys);
            if (nearest.Count > 0) return (key, nearest);
        }

        return null;
    }

    /// <summary>A person named by <c>subject:</c> or <c>merge:</c> must have been created by an earlier step.</summary>
    private static void CheckPerson(StepReading reading, YamlNode node, string alias, string field)
    {
        if (reading.People.Contains(alias)) return;
        var fix = reading.People.Count == 0
            ? $"create the person first, with a step '- create: {alias}' before this one"
            : Suggestions.DidYouMean(alias, reading.People, $"create the person first, with a step '- create: {alias}' before this one (the people created so far: {string.Join(", ", reading.People)})");
        reading.Context.Error(PolicyCodes.UndeclaredReference, node, $"'{field}: {Suggestions.Quote(alias)}' names no person created before this step", fix);
    }

    /// <summary>Reads one field of a step; where each of its values is written goes to <paramref name="places"/> (see <see cref="ScenarioStep.ValueLocations"/>).</summary>
    private static object? ReadField(PolicyReadContext context, string kind, string name, YamlNode node, Dictionary<string, SourceLocation> places)
    {
        var empty = node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" };
        if (MapFields.TryGetValue(name, out var lines))
        {
            if (empty) return new List<KeyValuePair<string, string>>();
            if (node is not YamlMappingNode)
            {
                context.Error(
                    PolicyCodes.WrongShape, node, $"'{name}' must be a mapping of '{lines}' lines, not a {(node is YamlSequenceNode ? "list" : "single value")}",
                    $"write one '{lines}' line for each, indented below '{name}:', or {{{lines}}} on one line");
                return null;
            }

            var map = context.Map(node, $"'{name}'")!;
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var (key, value) in map.Entries)
            {
                var text = context.Scalar(value, $"'{key.Value}' in '{name}'");
                if (text is null) continue;
                if (name == "dropped" && !IsCount(text)) context.Error(PolicyCodes.InvalidValue, value, $"'{key.Value}' in 'dropped' must be a count, not '{Suggestions.Quote(text)}'", "write a whole number, e.g. 0 or 3");
                places[ScenarioStep.KeyPath(name, key.Value!)] = context.At(key);
                pairs.Add(new(key.Value!, text));
            }

            return pairs;
        }

        if (name == "readings")
        {
            if (empty) return new List<IReadOnlyDictionary<string, string>>();
            if (node is not YamlSequenceNode sequence)
            {
                context.Error(PolicyCodes.WrongShape, node, $"'readings' must be a list of readings, not a {(node is YamlMappingNode ? "mapping" : "single value")}", "write each reading as a list item, e.g. '- {category: user.device.smart_device.temperature, value: \"21.5\"}'");
                return null;
            }

            var rows = new List<IReadOnlyDictionary<string, string>>();
            foreach (var item in sequence.Children)
            {
                var map = context.Map(item, "a reading");
                if (map is null) continue;
                map.AllowOnly(ReadingKeys);
                var category = map.String("category", required: true);
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Entries)
                {
                    if (Array.IndexOf(ReadingKeys, key.Value) < 0) continue;
                    var text = context.Scalar(value, $"'{key.Value}' in a reading");
                    if (text is null) continue;
                    if (key.Value == "at" && ParseInstant(context, value, "'at' in a reading") is null) continue;
                    places[ScenarioStep.ItemPath(name, rows.Count, key.Value!)] = context.At(value);
                    row[key.Value!] = text;
                }

                if (category is not null) rows.Add(row);
            }

            return rows;
        }

        if (ListFields.Contains(name))
        {
            if (empty) return new List<string>();
            if (node is YamlMappingNode) return ListError(context, name, node);
            var items = context.List(node, $"'{name}'");
            for (var i = 0; i < items.Length; i++) places[ScenarioStep.ItemPath(name, i)] = context.At(items[i].Node);
            return items.Select(i => i.Value).ToList();
        }

        var scalar = context.Scalar(node, $"'{name}' in a step");
        if (scalar is null) return null;
        places[name] = context.At(node);
        CheckScalar(context, kind, name, node, scalar);
        return scalar;
    }

    private static object? ListError(PolicyReadContext context, string name, YamlNode node)
    {
        context.Error(PolicyCodes.WrongShape, node, $"'{name}' must be a list such as [a, b], not a mapping", "write the items as [a, b], or one '- item' per line indented below the key");
        return null;
    }

    /// <summary>Checks a single value whose field has a type: a flag, a count, a date, a duration or one of some words.</summary>
    private static void CheckScalar(PolicyReadContext context, string kind, string name, YamlNode node, string text)
    {
        var quoted = Suggestions.Quote(text);
        if (FlagFields.Contains(name) && text is not ("true" or "false"))
        {
            context.Error(PolicyCodes.InvalidValue, node, $"'{name}' must be true or false, not '{quoted}'", "write true or false");
        }
        else if (CountFields.Contains(name) && !IsCount(text))
        {
            context.Error(PolicyCodes.InvalidValue, node, $"'{name}' must be a count, not '{quoted}'", "write a whole number, e.g. 0 or 3");
        }
        else if (DateFields.Contains(name) && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            context.Error(PolicyCodes.InvalidDate, node, $"'{quoted}' is not a date", "write the date as YYYY-MM-DD, e.g. 2024-05-01");
        }
        else if (InstantFields.Contains(name))
        {
            ParseInstant(context, node, $"'{name}'");
        }
        else if (kind == "extend_request" && name == "by" && !IsoPeriod.TryParse(text, out _))
        {
            context.Error(PolicyCodes.InvalidDuration, node, $"'{quoted}' is not an ISO 8601 duration", "write P30D for 30 days, P2M for 2 months, P1Y for a year");
        }
        else if (Choices.TryGetValue((kind, name), out var words) && Array.IndexOf(words, text) < 0)
        {
            var what = name == kind ? $"'{kind}'" : $"'{name}' in a '{kind}' step";
            context.Error(PolicyCodes.InvalidChoice, node, $"'{quoted}' is not a valid {what}", Suggestions.NearestAndAllowed(text, words));
        }
    }

    private static bool IsCount(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static DateTimeOffset? ParseInstant(PolicyReadContext context, YamlNode node, string what)
    {
        var text = context.Scalar(node, what);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant.ToUniversalTime();
        context.Error(PolicyCodes.InvalidDate, node, $"'{Suggestions.Quote(text)}' is not a date or date-time", "write 2024-03-01 or 2024-03-01T09:30:00Z");
        return null;
    }
}
