namespace Custodian.Policy;

/// <summary>A category ready for decisions: inherited sensitivity and the permissions that gate it, resolved.</summary>
/// <param name="Id">Its index.</param>
/// <param name="Key">Its dotted key.</param>
/// <param name="Parent">Its parent, if any.</param>
/// <param name="Name">Display name per language.</param>
/// <param name="Description">Plain-words description per language.</param>
/// <param name="Sensitivity">Own and inherited flags.</param>
/// <param name="GatingPermissions">Bit mask of permission ids that must all be on to use it.</param>
/// <param name="Declared">True when the policy itself names the category (own key or wording).</param>
public sealed record CompiledCategory(
    CategoryId Id, string Key, CategoryId? Parent, LocalizedText Name, LocalizedText Description,
    CategorySensitivity Sensitivity, ulong GatingPermissions, bool Declared);

/// <summary>A purpose ready for decisions: its categories expanded to every key below them.</summary>
/// <param name="Id">Its index.</param>
/// <param name="Definition">The purpose as written.</param>
/// <param name="Categories">Every category id the purpose may use.</param>
/// <param name="Sale">True for selling or sharing for cross-context advertising.</param>
public sealed record CompiledPurpose(PurposeId Id, PurposeDefinition Definition, BitSet Categories, bool Sale)
{
    /// <summary>The purpose key.</summary>
    public string Key => Definition.Key;

    /// <summary>The legal basis.</summary>
    public LegalBasis Basis => Definition.Basis;
}

/// <summary>A recipient ready for decisions, with whether its transfer is lawful under the policy precomputed.</summary>
/// <param name="Id">Its index.</param>
/// <param name="Definition">The recipient as written.</param>
/// <param name="Purposes">Purpose ids it may receive data for.</param>
/// <param name="Categories">Category ids it may receive.</param>
/// <param name="TransferAllowed">False when the country is outside the EU/EEA without a valid mechanism, or the policy forbids it.</param>
public sealed record CompiledRecipient(RecipientId Id, RecipientDefinition Definition, BitSet Purposes, BitSet Categories, bool TransferAllowed)
{
    /// <summary>The recipient key.</summary>
    public string Key => Definition.Key;
}

/// <summary>A permission ready for decisions.</summary>
/// <param name="Id">Its index (at most 64 permissions).</param>
/// <param name="Definition">The permission as written.</param>
/// <param name="Gates">Every category id it gates.</param>
public sealed record CompiledPermission(PermissionId Id, PermissionDefinition Definition, BitSet Gates)
{
    /// <summary>For a permission with an approximate variant: the variant's id, implied on whenever this one is on.</summary>
    public PermissionId? ApproximateVariant { get; init; }

    /// <summary>The permission key.</summary>
    public string Key => Definition.Key;
}
