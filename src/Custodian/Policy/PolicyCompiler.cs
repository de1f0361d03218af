using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Custodian.Taxonomy;

namespace Custodian.Policy;

/// <summary>
/// Turns a checked <see cref="PolicyDocument"/> into a <see cref="CompiledPolicy"/>: integer ids, category sets
/// expanded to every key below the listed ones, inherited sensitivity, permission masks and transfer verdicts.
/// </summary>
public static class PolicyCompiler
{
    /// <summary>The most permissions a policy may declare: each is one bit of a 64-bit mask.</summary>
    public const int MaxPermissions = 64;

    /// <summary>Loads, checks and compiles a policy file; throws <see cref="PolicyException"/> listing the errors.</summary>
    public static CompiledPolicy CompileFile(string path)
    {
        var load = PolicyLoader.LoadFile(path);
        var diagnostics = load.Diagnostics.AddRange(load.Document is null ? [] : PolicyChecker.Check(load.Document));
        if (load.Document is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            throw new PolicyException(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
        return Compile(load.Document, File.ReadAllText(path));
    }

    /// <summary>Compiles a document the checker passed; <paramref name="sourceText"/> gives the content hash.</summary>
    public static CompiledPolicy Compile(PolicyDocument document, string sourceText)
    {
        ArgumentNullException.ThrowIfNull(document);
        var categories = BuildCategories(document, out var children);
        var ids = new Dictionary<string, int>(categories.Count, StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++) ids[categories[i].Key] = i;

        BitSet Expand(IEnumerable<string> keys)
        {
            var set = new BitSet(categories.Count);
            var stack = new Stack<int>();
            foreach (var key in keys)
            {
                if (ids.TryGetValue(key, out var id)) stack.Push(id);
            }

            while (stack.Count > 0)
            {
                var id = stack.Pop();
                if (set.Contains(id)) continue;
                set.Add(id);
                foreach (var child in children[id]) stack.Push(child);
            }

            return set;
        }

        var permissions = ExpandApproximate(document.Permissions).Take(MaxPermissions)
            .Select((p, i) => new CompiledPermission(new PermissionId(i), p, Expand(p.Gates)) { ApproximateVariant = p.ApproximateCategory is null ? null : new PermissionId(i + 1) })
            .ToImmutableArray();
        var gating = new ulong[categories.Count];
        foreach (var permission in permissions)
        {
            foreach (var member in permission.Gates.Members()) gating[member] |= 1UL << permission.Id.Value;
        }

        var compiledCategories = categories
            .Select((c, i) => c with { Id = new CategoryId(i), Parent = ParentId(c.Key, ids), GatingPermissions = gating[i] })
            .ToImmutableArray();

        var purposes = document.Purposes
            .Select((p, i) => new CompiledPurpose(new PurposeId(i), p, Expand(p.Categories), IsSale(p.Key)))
            .ToImmutableArray();
        var purposeIds = purposes.ToDictionary(p => p.Key, p => p.Id.Value, StringComparer.Ordinal);

        var recipients = document.Recipients
            .Select((r, i) =>
            {
                var purposeSet = new BitSet(purposes.Length);
                foreach (var key in r.Purposes)
                {
                    if (purposeIds.TryGetValue(key, out var id)) purposeSet.Add(id);
                }

                return new CompiledRecipient(new RecipientId(i), r, purposeSet, Expand(r.Categories), Transfers.IsAllowed(r, document.TransferRule));
            })
            .ToImmutableArray();

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceText)));
        return new CompiledPolicy(document, hash, compiledCategories, purposes, recipients, permissions);
    }

    /// <summary>Whether a purpose key is a sale of personal data under the built-in taxonomy (itself or an ancestor).</summary>
    public static bool IsSale(string purposeKey)
    {
        for (var key = purposeKey; key is not null; key = BuiltInTaxonomy.ParentOf(key))
        {
            if (BuiltInTaxonomy.Uses.TryGetValue(key, out var use) && use.Sale) return true;
        }

        return false;
    }

    /// <summary>The suffix of the implicit permission that allows only the approximate variant (<c>location_approximate</c>).</summary>
    public const string ApproximateSuffix = "_approximate";

    /// <summary>
    /// A permission with an approximate variant becomes two: the permission itself (precise, gating its gates) and
    /// <c>&lt;key&gt;_approximate</c>, gating only the approximate category. Granting the permission implies its variant.
    /// </summary>
    private static IEnumerable<PermissionDefinition> ExpandApproximate(ImmutableArray<PermissionDefinition> permissions)
    {
        foreach (var permission in permissions)
        {
            yield return permission;
            if (permission.ApproximateCategory is { } approximate)
            {
                var name = new LocalizedText(permission.Name.Languages.Select(l => new KeyValuePair<string, string>(l, permission.Name.Get(l) + (l == "da" ? " (omtrentlig)" : " (approximate)"))));
                yield return permission with { Key = permission.Key + ApproximateSuffix, Name = name, Gates = [approximate], ApproximateCategory = null };
            }
        }
    }

    private static CategoryId? ParentId(string key, Dictionary<string, int> ids)
    {
        var parent = BuiltInTaxonomy.ParentOf(key);
        return parent is not null && ids.TryGetValue(parent, out var id) ? new CategoryId(id) : null;
    }

    private static List<CompiledCategory> BuildCategories(PolicyDocument document, out List<int>[] children)
    {
        var declared = document.Categories.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var keys = BuiltInTaxonomy.Categories.Keys.Concat(declared.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        var result = new List<CompiledCategory>(keys.Count);
        children = new List<int>[keys.Count];
        foreach (var key in keys)
        {
            var id = result.Count;
            index[key] = id;
            children[id] = [];
            var parent = BuiltInTaxonomy.ParentOf(key);
            var inherited = CategorySensitivity.None;
            if (parent is not null && index.TryGetValue(parent, out var parentId))
            {
                children[parentId].Add(id);
                inherited = result[parentId].Sensitivity & ~CategorySensitivity.PaymentCard;
            }

            BuiltInTaxonomy.Categories.TryGetValue(key, out var builtIn);
            declared.TryGetValue(key, out var own);
            var name = own is not null && own.Name.Languages.Any() ? own.Name : builtIn?.Name ?? LocalizedText.Empty;
            var sensitivity = inherited | (builtIn?.Flags ?? CategorySensitivity.None) | (own?.Flags ?? CategorySensitivity.None);
            result.Add(new CompiledCategory(new CategoryId(id), key, null, name, own?.Description ?? LocalizedText.Empty, sensitivity, 0, own is not null));
        }

        return result;
    }
}
