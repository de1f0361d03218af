namespace Custodian.Storage;

/// <summary>A legal hold that blocks deletion of a subject's data during a dispute.</summary>
/// <param name="HoldId">The hold id.</param>
/// <param name="SubjectId">The subject.</param>
/// <param name="Reason">A non-personal reason code or case reference.</param>
/// <param name="From">When it starts.</param>
/// <param name="Until">When it ends by itself, or null.</param>
/// <param name="LiftedAt">When it was lifted early, or null.</param>
public sealed record LegalHold(string HoldId, string SubjectId, string Reason, DateTimeOffset From, DateTimeOffset? Until = null, DateTimeOffset? LiftedAt = null);
