namespace Custodian.Client.Contracts;

/// <summary>The policy in force, so a caller can check which version decides its requests.</summary>
/// <param name="Id">Policy id.</param>
/// <param name="Version">Version label.</param>
/// <param name="Effective">When it took effect.</param>
/// <param name="ContentHash">SHA-256 of the policy file.</param>
/// <param name="Languages">The statement's languages.</param>
/// <param name="Controller">The controller's name.</param>
/// <param name="Purposes">Purpose keys.</param>
/// <param name="Categories">Collected category keys.</param>
/// <param name="Recipients">Recipient keys.</param>
/// <param name="Permissions">Permission keys.</param>
public sealed record PolicySummary(string Id, string Version, DateOnly Effective, string ContentHash, IReadOnlyList<string> Languages, string Controller,
    IReadOnlyList<string> Purposes, IReadOnlyList<string> Categories, IReadOnlyList<string> Recipients, IReadOnlyList<string> Permissions);
