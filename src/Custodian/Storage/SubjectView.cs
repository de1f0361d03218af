namespace Custodian.Storage;

/// <summary>
/// What reading one person needs, fetched in one call (<see cref="IVaultStore.GetSubjectViewAsync"/>): their versions,
/// and only the parts the caller's copies do not already hold.
/// </summary>
/// <param name="Versions">The versions, read no later than the parts below (in the same snapshot on PostgreSQL).</param>
/// <param name="StateUnchanged">True when the state version is the one the caller holds, so <paramref name="State"/> was not read.</param>
/// <param name="State">The state, when read; null with <paramref name="StateUnchanged"/> false means no such subject.</param>
/// <param name="Key">The subject's wrapped data key, read with the state; null when shredded or not read.</param>
/// <param name="Records">The subject's current records in collection order, when asked for and the caller's copy is not current; null otherwise.</param>
public sealed record SubjectView(SubjectVersions Versions, bool StateUnchanged, SubjectState? State, WrappedSubjectKey? Key, IReadOnlyList<StoredRecord>? Records);
