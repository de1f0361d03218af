namespace Custodian.Policy;

/// <summary>A category's index in a <see cref="CompiledPolicy"/>; valid only with the policy that made it.</summary>
/// <param name="Value">The index.</param>
public readonly record struct CategoryId(int Value);

/// <summary>A purpose's index in a <see cref="CompiledPolicy"/>.</summary>
/// <param name="Value">The index.</param>
public readonly record struct PurposeId(int Value);

/// <summary>A recipient's index in a <see cref="CompiledPolicy"/>.</summary>
/// <param name="Value">The index.</param>
public readonly record struct RecipientId(int Value);

/// <summary>A permission's index in a <see cref="CompiledPolicy"/>.</summary>
/// <param name="Value">The index.</param>
public readonly record struct PermissionId(int Value);
