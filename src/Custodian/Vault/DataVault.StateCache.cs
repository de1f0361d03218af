using System.Globalization;
using Custodian.Decisions;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    // Enough for the people being served at once; past it the least recently used are dropped.
    private const int StateCacheLimit = 10_000;

    // A person with more records than this is read from the store every time rather than held in memory.
    private const int RecordsCacheLimitPerPerson = 200;

    // Records held at most across everyone (a few hundred bytes each, sealed): past it the least recently used go.
    private const int RecordsCacheBudget = 200_000;

    private readonly BoundedCache<string, CachedSubjectState> _stateCache = new(StateCacheLimit, StateCacheLimit, StringComparer.Ordinal);
    private readonly BoundedCache<string, CachedRecords> _recordsCache = new(StateCacheLimit, RecordsCacheBudget, StringComparer.Ordinal);

    /// <summary>
    /// A person's decoded state and facts, reused while the store's state version for them is unchanged. The store
    /// changes the version with every write to anything the state holds, from any writer, so a consent withdrawn or a
    /// key destroyed is seen by the very next call; only the check (one indexed lookup) is paid when nothing changed.
    /// Facts are time-independent: snapshots are still built per call at the instant asked for.
    /// </summary>
    private async Task<CachedSubjectState> SubjectStateAsync(string subjectId, CancellationToken cancellationToken) =>
        (await SubjectStateAndVersionsAsync(subjectId, cancellationToken)).State;

    /// <summary>The person's state (as <see cref="SubjectStateAsync(string, CancellationToken)"/>) and the versions checked for it, read first.</summary>
    private async Task<(CachedSubjectState State, SubjectVersions Versions)> SubjectStateAndVersionsAsync(string subjectId, CancellationToken cancellationToken)
    {
        var (state, versions, _) = await SubjectViewAsync(subjectId, withRecords: false, cancellationToken);
        return (state, versions);
    }

    /// <summary>
    /// The person's state, the versions checked for it and, when <paramref name="withRecords"/>, their records as
    /// stored — sealed values and metadata, never an opened value — in one store call that fetches only what the
    /// cached copies lack (no records unless asked for). People with many records are not kept, so the cache stays small.
    /// </summary>
    private async Task<(CachedSubjectState State, SubjectVersions Versions, IReadOnlyList<StoredRecord> Records)> SubjectViewAsync(string subjectId, bool withRecords, CancellationToken cancellationToken)
    {
        _stateCache.TryGetValue(subjectId, out var cachedState);
        CachedRecords? cachedRecords = null;
        if (withRecords) _recordsCache.TryGetValue(subjectId, out cachedRecords);
        var view = await _store.GetSubjectViewAsync(subjectId, new SubjectVersions(cachedState?.Version, cachedRecords?.Version), withRecords, cancellationToken);

        var confirmed = view.StateUnchanged ? cachedState : null;
        VaultMetrics.CountPersonState(confirmed is not null ? PersonStateOutcome.Confirmed : cachedState is null ? PersonStateOutcome.Loaded : PersonStateOutcome.Changed);
        var state = confirmed ?? RememberState(subjectId, Decode(subjectId, view.State, view.Key));
        if (!withRecords) return (state, view.Versions, []);
        if (view.Records is null && cachedRecords is not null) return (state, view.Versions, cachedRecords.Records);
        var records = view.Records ?? await _store.GetRecordsAsync(subjectId, null, cancellationToken);
        RememberRecords(subjectId, view.Versions.Records, records);
        return (state, view.Versions, records);
    }

    /// <summary>
    /// Drops the cached state of a person this vault has just changed. Only an optimisation — a stale copy is never used,
    /// its version no longer matches — but without it the next read would first check a copy known to be stale.
    /// </summary>
    private void ForgetState(string? subjectId)
    {
        if (subjectId is not null) _stateCache.Remove(subjectId);
    }

    /// <summary>
    /// Drops the held copy of a person's records, as <see cref="ForgetState"/> does their state: after this vault wrote
    /// them (their state copy stays good), so the next read does not first try an answer on records known to be stale.
    /// </summary>
    private void ForgetRecords(string subjectId)
    {
        _recordsCache.Remove(subjectId);
    }

    private CachedSubjectState RememberState(string subjectId, CachedSubjectState loaded)
    {
        if (loaded.State.Version is { } loadedVersion)
        {
            _stateCache.Set(subjectId, loaded with { Version = loadedVersion });
        }
        else
        {
            _stateCache.Remove(subjectId);
        }

        return loaded;
    }

    /// <summary>
    /// The person's records as stored, reused while the records version read before them (<paramref name="recordsVersion"/>)
    /// is unchanged; read afresh when the store does not track it.
    /// </summary>
    private async Task<IReadOnlyList<StoredRecord>> RecordsOfAsync(string subjectId, long? recordsVersion, CancellationToken cancellationToken)
    {
        if (recordsVersion is { } version && _recordsCache.TryGetValue(subjectId, out var cached) && cached.Version == version) return cached.Records;
        var records = await _store.GetRecordsAsync(subjectId, null, cancellationToken);
        RememberRecords(subjectId, recordsVersion, records);
        return records;
    }

    private void RememberRecords(string subjectId, long? recordsVersion, IReadOnlyList<StoredRecord> records)
    {
        if (recordsVersion is not { } version) return;
        if (records.Count > RecordsCacheLimitPerPerson)
        {
            _recordsCache.Remove(subjectId);
            return;
        }

        _recordsCache.Set(subjectId, new CachedRecords(version, records), records.Count);
    }

    private CachedSubjectState Decode(string subjectId, SubjectState? state, WrappedSubjectKey? key)
    {
        if (state is null) throw new VaultException(VaultErrorCodes.UnknownSubject, $"No person with id '{subjectId}'.");
        if (state.Subject.MergedInto is { } survivor)
            throw new VaultException(VaultErrorCodes.UnknownSubject, $"Person '{subjectId}' was merged into '{survivor}'; use that id.");

        DateOnly? birthDate = null;
        if (key is not null && state.Subject.BirthDateSealed is { } sealedBirth)
        {
            using var sealer = _keys.OpenSubjectKey(subjectId, key.KeyId, key.Wrapped);
            birthDate = DateOnly.ParseExact(sealer.OpenString(sealedBirth, BirthDateBinding(subjectId)), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var facts = new SubjectFacts
        {
            SubjectId = subjectId,
            BirthDate = birthDate,
            Erased = !state.HasDataKey,
            Consents = [.. state.Consents.Where(c => c.Kind != ConsentKind.Cookie).Select(c => new ConsentFact(c.Key, c.Kind == ConsentKind.Permission, c.Given, c.Explicit, c.At))],
            Objections = [.. state.Objections.Select(o => new ObjectionFact(o.PurposeKey, o.At, o.LiftedAt))],
            Restrictions = [.. state.Restrictions.Select(r => new ToggleFact(r.Restricted, r.At))],
            Relationships = [.. state.Relationships.Select(r => new RelationshipFact(r.Kind, r.Event, r.At))],
            Authorisations = [.. state.RecipientAuthorisations.Select(a => new AuthorisationFact(a.RecipientKey, a.Given, a.At))],
            GuardianConsents = [.. state.GuardianConsents.Select(g => new ToggleFact(g.Given, g.At))],
        };
        return new CachedSubjectState(state.Version ?? -1, state, facts, key);
    }

    /// <summary>A person's state as loaded, the facts decoded from it, and their wrapped data key (null once shredded).</summary>
    private sealed record CachedSubjectState(long Version, SubjectState State, SubjectFacts Facts, WrappedSubjectKey? Key);

    /// <summary>A person's stored records and the records version they were read under.</summary>
    private sealed record CachedRecords(long Version, IReadOnlyList<StoredRecord> Records);
}
