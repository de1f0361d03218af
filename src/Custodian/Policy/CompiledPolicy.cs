using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>
/// A checked policy compiled to integer ids and bit sets: immutable, shared by every request,
/// and indexed so a decision tests membership without allocating.
/// </summary>
public sealed class CompiledPolicy
{
    internal CompiledPolicy(
        PolicyDocument document,
        string contentHash,
        ImmutableArray<CompiledCategory> categories,
        ImmutableArray<CompiledPurpose> purposes,
        ImmutableArray<CompiledRecipient> recipients,
        ImmutableArray<CompiledPermission> permissions)
    {
        Document = document;
        ContentHash = contentHash;
        Categories = categories;
        Purposes = purposes;
        Recipients = recipients;
        Permissions = permissions;
        _categoryIds = categories.ToFrozenDictionary(c => c.Key, c => c.Id, StringComparer.Ordinal);
        _purposeIds = purposes.ToFrozenDictionary(p => p.Key, p => p.Id, StringComparer.Ordinal);
        _recipientIds = recipients.ToFrozenDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal);
        _permissionIds = permissions.ToFrozenDictionary(p => p.Key, p => p.Id, StringComparer.Ordinal);
    }

    private readonly FrozenDictionary<string, CategoryId> _categoryIds;
    private readonly FrozenDictionary<string, PurposeId> _purposeIds;
    private readonly FrozenDictionary<string, RecipientId> _recipientIds;
    private readonly FrozenDictionary<string, PermissionId> _permissionIds;

    /// <summary>The policy as written.</summary>
    public PolicyDocument Document { get; }

    /// <summary>SHA-256 of the file's text, hex: identifies a published version.</summary>
    public string ContentHash { get; }

    /// <summary>Every category (built-in and own) by id.</summary>
    public ImmutableArray<CompiledCategory> Categories { get; }

    /// <summary>Every purpose by id.</summary>
    public ImmutableArray<CompiledPurpose> Purposes { get; }

    /// <summary>Every recipient by id.</summary>
    public ImmutableArray<CompiledRecipient> Recipients { get; }

    /// <summary>Every permission by id.</summary>
    public ImmutableArray<CompiledPermission> Permissions { get; }

    /// <summary>Finds a category by key.</summary>
    public bool TryGetCategory(string key, out CategoryId id) => _categoryIds.TryGetValue(key, out id);

    /// <summary>Finds a purpose by key.</summary>
    public bool TryGetPurpose(string key, out PurposeId id) => _purposeIds.TryGetValue(key, out id);

    /// <summary>Finds a recipient by key.</summary>
    public bool TryGetRecipient(string key, out RecipientId id) => _recipientIds.TryGetValue(key, out id);

    /// <summary>Finds a permission by key.</summary>
    public bool TryGetPermission(string key, out PermissionId id) => _permissionIds.TryGetValue(key, out id);

    /// <summary>The category with this id.</summary>
    public CompiledCategory Category(CategoryId id) => Categories[id.Value];

    /// <summary>The purpose with this id.</summary>
    public CompiledPurpose Purpose(PurposeId id) => Purposes[id.Value];

    /// <summary>The recipient with this id.</summary>
    public CompiledRecipient Recipient(RecipientId id) => Recipients[id.Value];

    /// <summary>The permission with this id.</summary>
    public CompiledPermission Permission(PermissionId id) => Permissions[id.Value];

    /// <summary>All category keys, for "nearest valid name" answers.</summary>
    public IEnumerable<string> CategoryKeys => _categoryIds.Keys;

    /// <summary>All purpose keys, for "nearest valid name" answers.</summary>
    public IEnumerable<string> PurposeKeys => _purposeIds.Keys;

    /// <summary>All recipient keys.</summary>
    public IEnumerable<string> RecipientKeys => _recipientIds.Keys;

    /// <summary>All permission keys.</summary>
    public IEnumerable<string> PermissionKeys => _permissionIds.Keys;

    /// <summary>Categories that some purpose may use: what the policy says it collects.</summary>
    public IEnumerable<CompiledCategory> CollectedCategories =>
        Categories.Where(c => Purposes.Any(p => p.Categories.Contains(c.Id.Value)));

    /// <summary>Purpose ids whose category set contains <paramref name="category"/>.</summary>
    public IEnumerable<CompiledPurpose> PurposesUsing(CategoryId category) =>
        Purposes.Where(p => p.Categories.Contains(category.Value));
}
