namespace Custodian.Storage;

/// <summary>A person with their records of one category and their wrapped data key, read together.</summary>
/// <param name="Subject">The person, or null when there is no such person.</param>
/// <param name="Records">Their current records of the category, in collection order.</param>
/// <param name="Key">Their wrapped data key; null when shredded or never created.</param>
public sealed record SubjectRecords(StoredSubject? Subject, IReadOnlyList<StoredRecord> Records, WrappedSubjectKey? Key);
