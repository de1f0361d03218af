namespace Custodian.Storage;

/// <summary>One switch of a subject's restriction of processing (on or off), kept as history.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Restricted">True when restriction starts, false when lifted.</param>
/// <param name="At">When.</param>
public sealed record RestrictionChange(string SubjectId, bool Restricted, DateTimeOffset At);
