namespace Custodian.Storage;

/// <summary>
/// The two numbers a reader caches a subject by, read in one lookup: <paramref name="State"/> changes with anything
/// <see cref="IVaultStore.LoadSubjectStateAsync"/> returns, <paramref name="Records"/> with any of the subject's
/// records. A null part is not tracked by the store, and what it would guard is read afresh every time.
/// </summary>
/// <param name="State">The state version (see <see cref="IVaultStore.GetSubjectStateVersionAsync"/>).</param>
/// <param name="Records">The records version: changes when a record of the subject is written, changed or deleted.</param>
public readonly record struct SubjectVersions(long? State, long? Records);
