using System.Collections.Immutable;
using Custodian.Policy;
using Custodian.Vault;

namespace Custodian.Scenarios;

/// <summary>
/// Checks a loaded scenario against the policy it is to run on, before it runs: every purpose, category, recipient,
/// permission and cookie category a step names must be declared by that policy, or by a policy version one of the
/// scenario's <c>publish</c> steps publishes (a key a later version brings is not an error). A key neither declares is a
/// <see cref="PolicyCodes.UndeclaredInScenario"/> error at the key's value, with the nearest declared key, instead of a
/// step that fails when it runs.
/// </summary>
public static class ScenarioKeyCheck
{
    /// <summary>What a key in a step names, as the vault resolves it.</summary>
    private enum KeyKind
    {
        Purpose,
        Category,
        Recipient,
        Permission,
        Cookie,
    }

    /// <summary>A key a step names: what it is, the key, where it is in the step, and how the message shows it.</summary>
    private readonly record struct Reference(KeyKind Kind, string Key, string Path, string Shown);

    /// <summary>Fields of <c>expect</c>, <c>request</c>, <c>complete_request</c> and <c>breach</c> steps that name keys.</summary>
    private static readonly (string Field, KeyKind Kind)[] KeyFields =
    [
        ("purpose", KeyKind.Purpose),
        ("recipient", KeyKind.Recipient),
        ("category", KeyKind.Category),
        ("categories", KeyKind.Category),
        ("recipients", KeyKind.Recipient),
        ("contains", KeyKind.Category),
        ("not_contains", KeyKind.Category),
        ("kept", KeyKind.Category),
    ];

    /// <summary>
    /// The keys <paramref name="scenario"/> names that neither <paramref name="policy"/> nor a policy its <c>publish</c>
    /// steps publish declares, each an error at the key's value. A publication expected to be refused (<c>refused:</c>)
    /// brings no keys. When a published policy cannot be read, the keys it might bring are not known and nothing is
    /// reported: the <c>publish</c> step says what is wrong when it runs.
    /// </summary>
    public static ImmutableArray<PolicyDiagnostic> Check(Scenario scenario, CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policy);
        var declared = new Declared();
        declared.Add(policy);
        var published = new List<string>();
        foreach (var step in scenario.Steps.Where(s => s.Kind == "publish" && s.Text("refused") is null))
        {
            var load = PolicyLoader.LoadFile(ScenarioRunner.PublishedPath(step));
            if (load.Document is null) return [];
            declared.Add(PolicyCompiler.Compile(load.Document, ""));
            var name = step.Text("publish") ?? "";
            if (!published.Contains(name)) published.Add(name);
        }

        var diagnostics = ImmutableArray.CreateBuilder<PolicyDiagnostic>();
        foreach (var step in scenario.Steps)
        {
            foreach (var reference in References(step).Where(r => !declared.Contains(r.Kind, r.Key)))
                diagnostics.Add(Undeclared(step, reference, declared, published));
        }

        return diagnostics.ToImmutable();
    }

    private static PolicyDiagnostic Undeclared(ScenarioStep step, Reference reference, Declared declared, List<string> published)
    {
        var noun = reference.Kind switch
        {
            KeyKind.Purpose => "purpose",
            KeyKind.Category => "category",
            KeyKind.Recipient => "recipient",
            KeyKind.Permission => "permission",
            _ => "cookie category",
        };
        var versions = published.Count == 0 ? "" : $" ({string.Join(", ", published)})";
        var where = reference.Kind == KeyKind.Category
            ? published.Count == 0
                ? "that is neither built in nor declared by the policy"
                : $"that is neither built in nor declared by the policy or a version this scenario publishes{versions}"
            : published.Count == 0
                ? "that the policy does not declare"
                : $"that neither the policy nor a version this scenario publishes{versions} declares";
        var candidates = declared.Keys(reference.Kind).Order(StringComparer.Ordinal).ToList();
        var otherwise = reference.Kind switch
        {
            KeyKind.Category => "name a built-in category (fideslang, e.g. user.contact.email) or one the policy declares under 'categories:', or declare it there",
            _ when candidates.Count == 0 => $"the policy declares no {noun}: declare it in the policy, or remove the step",
            _ => $"name one the policy declares ({string.Join(", ", candidates.Take(10))}{(candidates.Count > 10 ? ", …" : "")}), or declare it in the policy",
        };
        return new PolicyDiagnostic(
            PolicyCodes.UndeclaredInScenario, DiagnosticSeverity.Error, step.LocationOf(reference.Path),
            $"{reference.Shown} names a {noun} {where}", Suggestions.DidYouMean(reference.Key, candidates, otherwise));
    }

    /// <summary>Every key a step names, with the field it is written in: what the vault resolves when the step runs.</summary>
    private static IEnumerable<Reference> References(ScenarioStep step)
    {
        var action = step.Text(step.Kind);
        Reference Action(KeyKind kind, string key) => new(kind, key, step.Kind, $"'{step.Kind}: {Suggestions.Quote(action!)}'");
        switch (step.Kind)
        {
            case "collect" or "events" or "object" or "lift_objection" when action is not null:
                yield return Action(KeyKind.Purpose, action);
                break;
            case "consent" or "withdraw" when action is not null:
                yield return step.Flag("permission") ? Action(KeyKind.Permission, action)
                    : action.StartsWith(DataVault.CookieKeyPrefix, StringComparison.Ordinal) ? Action(KeyKind.Cookie, action[DataVault.CookieKeyPrefix.Length..])
                    : Action(KeyKind.Purpose, action);
                break;
            case "permission_on" or "permission_off" when action is not null:
                yield return Action(KeyKind.Permission, action);
                break;
            case "authorise" or "revoke" when action is not null:
                yield return Action(KeyKind.Recipient, action);
                break;
            case "reset_password" when action is not null:
                yield return Action(KeyKind.Category, action);
                break;
        }

        foreach (var (key, _) in step.Map("values"))
            yield return new(KeyKind.Category, key, ScenarioStep.KeyPath("values", key), $"'{Suggestions.Quote(key)}' in 'values'");
        var readings = step.Rows("readings");
        for (var i = 0; i < readings.Count; i++)
        {
            if (readings[i].TryGetValue("category", out var key))
                yield return new(KeyKind.Category, key, ScenarioStep.ItemPath("readings", i, "category"), $"'category: {Suggestions.Quote(key)}' in a reading");
        }

        if (step.Kind is not ("expect" or "request" or "complete_request" or "breach" or "reset_password")) yield break;
        foreach (var (field, kind) in KeyFields)
        {
            if (!step.Fields.TryGetValue(field, out var value)) continue;
            if (value is string single)
            {
                yield return new(kind, single, field, $"'{field}: {Suggestions.Quote(single)}'");
                continue;
            }

            var items = step.List(field);
            for (var i = 0; i < items.Count; i++)
                yield return new(kind, items[i], ScenarioStep.ItemPath(field, i), $"'{Suggestions.Quote(items[i])}' in '{field}'");
        }
    }

    /// <summary>The keys the policy and the versions the scenario publishes declare, together.</summary>
    private sealed class Declared
    {
        private readonly Dictionary<KeyKind, HashSet<string>> _keys = Enum.GetValues<KeyKind>().ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));

        public void Add(CompiledPolicy policy)
        {
            _keys[KeyKind.Purpose].UnionWith(policy.PurposeKeys);
            _keys[KeyKind.Category].UnionWith(policy.CategoryKeys);
            _keys[KeyKind.Recipient].UnionWith(policy.RecipientKeys);
            _keys[KeyKind.Permission].UnionWith(policy.PermissionKeys);
            _keys[KeyKind.Cookie].UnionWith(policy.Document.Cookies.Select(c => c.Key));
        }

        public bool Contains(KeyKind kind, string key) => _keys[kind].Contains(key);

        public HashSet<string> Keys(KeyKind kind) => _keys[kind];
    }
}
