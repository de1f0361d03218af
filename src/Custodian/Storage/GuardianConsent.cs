namespace Custodian.Storage;

/// <summary>A guardian's consent for a subject under the minimum age, given or withdrawn.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Given">True when given, false when withdrawn.</param>
/// <param name="At">When.</param>
/// <param name="GuardianReference">A non-personal reference to the guardian (for example their subject id).</param>
public sealed record GuardianConsent(string SubjectId, bool Given, DateTimeOffset At, string GuardianReference);
