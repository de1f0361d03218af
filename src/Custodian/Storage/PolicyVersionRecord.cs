namespace Custodian.Storage;

/// <summary>A published version of the policy: its text, when it takes effect, and what changed from the one before.</summary>
/// <param name="ContentHash">SHA-256 of the policy text (hex): the version's identity.</param>
/// <param name="Version">The policy's own version label.</param>
/// <param name="Effective">The day it takes effect (start of the day, UTC).</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Text">The policy file's text.</param>
/// <param name="Material">Whether any change from the previous version is material.</param>
/// <param name="Changes">The changes, one line each ("material: …" / "minor: …").</param>
/// <param name="Reconsent">Consent purposes whose meaning changed materially: consent given before <paramref name="Effective"/> no longer counts.</param>
public sealed record PolicyVersionRecord(string ContentHash, string Version, DateOnly Effective, DateTimeOffset PublishedAt, string Text, bool Material, IReadOnlyList<string> Changes, IReadOnlyList<string> Reconsent);

/// <summary>The published policy versions.</summary>
public interface IPolicyVersionStore
{
    /// <summary>Every published version, oldest publication first.</summary>
    Task<IReadOnlyList<PolicyVersionRecord>> GetPolicyVersionsAsync(CancellationToken cancellationToken);
}

/// <summary>Publishing a policy version, in the same transaction as its notices and audit entry.</summary>
public interface IPolicyVersionTransaction
{
    /// <summary>Records a published version.</summary>
    Task SavePolicyVersionAsync(PolicyVersionRecord version, CancellationToken cancellationToken);
}
