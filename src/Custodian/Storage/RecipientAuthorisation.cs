namespace Custodian.Storage;

/// <summary>The person's own authorisation for a recipient that needs it, given or withdrawn.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="RecipientKey">The recipient key.</param>
/// <param name="Given">True when given, false when withdrawn.</param>
/// <param name="At">When.</param>
public sealed record RecipientAuthorisation(string SubjectId, string RecipientKey, bool Given, DateTimeOffset At);
