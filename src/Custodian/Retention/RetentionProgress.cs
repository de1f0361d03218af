namespace Custodian.Retention;

/// <summary>How far a retention run has come, reported after every page of subjects.</summary>
/// <param name="Subjects">Subjects evaluated so far.</param>
/// <param name="Records">Records evaluated so far.</param>
/// <param name="Acted">Records deleted, anonymised, archived or moved to the hold key so far.</param>
public readonly record struct RetentionProgress(long Subjects, long Records, long Acted);
