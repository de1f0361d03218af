namespace Custodian.Storage;

/// <summary>An objection to a legitimate-interest purpose, effective from <see cref="At"/> until lifted.</summary>
/// <param name="ObjectionId">The objection id.</param>
/// <param name="SubjectId">The subject.</param>
/// <param name="PurposeKey">The purpose objected to.</param>
/// <param name="At">When it took effect.</param>
/// <param name="LiftedAt">When it was lifted, or null.</param>
public sealed record Objection(string ObjectionId, string SubjectId, string PurposeKey, DateTimeOffset At, DateTimeOffset? LiftedAt = null);
