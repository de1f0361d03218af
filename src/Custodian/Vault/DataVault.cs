using System.Globalization;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Vault;

/// <summary>
/// Personal data kept under a policy: every write and read goes through the decision rule, every value is
/// sealed under its person's key, and every step appends an audit entry in the same transaction.
/// The server, the CLI and the scenario runner all use this one class.
/// </summary>
public sealed partial class DataVault
{
    private readonly IVaultStore _store;
    private readonly KeyRing _keys;
    private readonly BlindIndex _blindIndex;
    private readonly TimeProvider _clock;
    private readonly SecretAttempts _secretAttempts;
    private volatile PolicyInForce _policy;

    /// <summary>Creates a vault over a store, a key ring, a policy and a clock.</summary>
    public DataVault(IVaultStore store, KeyRing keys, CompiledPolicy policy, TimeProvider clock, string? defaultCallingCode = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        _store = store;
        _keys = keys;
        _blindIndex = keys.CreateBlindIndex();
        _clock = clock ?? TimeProvider.System;
        _secretAttempts = new SecretAttempts(_clock);
        _policy = new PolicyInForce(policy);
        DefaultCallingCode = defaultCallingCode ?? CallingCodes.For(policy?.Document.Jurisdiction);
    }

    /// <summary>The calling code assumed for national phone numbers: given, or that of the policy's jurisdiction (<c>45</c> for Denmark).</summary>
    public string? DefaultCallingCode { get; }

    /// <summary>The policy in force.</summary>
    public CompiledPolicy Policy => _policy.Compiled;

    /// <summary>The store underneath, for verification and maintenance.</summary>
    public IVaultStore Store => _store;

    /// <summary>The clock the vault decides by (a virtual one in scenarios), for callers that date what they write.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>Switches to a newly published policy; decisions made after this use it.</summary>
    public void UsePolicy(CompiledPolicy policy) => _policy = new PolicyInForce(policy);

    /// <summary>Registers a person and returns their pseudonymous id.</summary>
    public async Task<string> CreateSubjectAsync(NewSubject subject, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var now = _clock.GetUtcNow();
        CheckBirthDate(subject, now);
        var subjectId = Ids.NewSubjectId();
        var lookups = await FreeLookupIndexesAsync(subject, cancellationToken);
        using var key = _keys.CreateSubjectKey(subjectId);
        byte[]? birthDate = null;
        if (subject.BirthDate is { } born)
        {
            using var sealer = key.CreateSealer();
            birthDate = sealer.Seal(born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BirthDateBinding(subjectId));
        }

        await using var tx = await _store.BeginAsync(cancellationToken);
        await WriteNewSubjectAsync(tx, subjectId, key, birthDate, lookups, actor, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return subjectId;
    }

    /// <summary>The blind indexes of a new person's lookup keys, refused when another person already holds one.</summary>
    private async Task<List<(LookupKind Kind, byte[] Index)>> FreeLookupIndexesAsync(NewSubject subject, CancellationToken cancellationToken)
    {
        var lookups = LookupIndexes(subject).ToList();
        foreach (var (kind, index) in lookups)
        {
            if (await _store.FindSubjectAsync(kind, index, cancellationToken) is not null)
                throw new VaultException(VaultErrorCodes.LookupTaken, $"That {KindName(kind)} is already registered to another person; find them instead, or merge the two records.");
        }

        return lookups;
    }

    /// <summary>Writes a new person, their wrapped key and lookup keys, with the two audit entries, in <paramref name="tx"/>.</summary>
    private static async Task WriteNewSubjectAsync(IVaultTransaction tx, string subjectId, SubjectDataKey key, byte[]? birthDate, List<(LookupKind Kind, byte[] Index)> lookups, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tx.CreateSubjectAsync(new StoredSubject(subjectId, now, birthDate), cancellationToken);
        await tx.StoreSubjectKeyAsync(new WrappedSubjectKey(subjectId, key.KeyId, key.Wrapped, now), cancellationToken);
        foreach (var (kind, index) in lookups) await tx.AddLookupKeyAsync(subjectId, kind, index, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "subject.create") { SubjectId = subjectId, Count = lookups.Count }, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, AuditEntry.SystemActor, "key.create") { SubjectId = subjectId }, cancellationToken);
    }

    /// <summary>Finds a person by email, phone or user name (matched through the blind index); null when none.</summary>
    public async Task<string?> FindSubjectAsync(LookupKind kind, string value, string actor, CancellationToken cancellationToken)
    {
        byte[] index;
        try
        {
            index = _blindIndex.Compute(kind, value, DefaultCallingCode);
        }
        catch (LookupKeyFormatException e)
        {
            throw new VaultException(VaultErrorCodes.InvalidLookup, e.Message);
        }

        var found = await _store.FindSubjectAsync(kind, index, cancellationToken);
        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "subject.find") { SubjectId = found, Count = found is null ? 0 : 1, Details = new Dictionary<string, string> { ["by"] = KindName(kind) } }, cancellationToken);
        return found;
    }

    /// <summary>Merges two records of the same person (IS12); the survivor keeps everything, the other stays as history.</summary>
    public async Task MergeSubjectsAsync(string survivorId, string mergedId, string actor, CancellationToken cancellationToken)
    {
        await RequireLiveSubjectAsync(survivorId, cancellationToken);
        await RequireLiveSubjectAsync(mergedId, cancellationToken);
        if (survivorId == mergedId) throw new VaultException(VaultErrorCodes.InvalidMerge, "A person cannot be merged into themselves.");
        var now = _clock.GetUtcNow();
        await using var tx = await _store.BeginAsync(cancellationToken);
        await tx.MergeSubjectsAsync(survivorId, mergedId, now, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "subject.merge") { SubjectId = survivorId, Details = new Dictionary<string, string> { ["merged"] = mergedId } }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        ForgetState(survivorId);
        ForgetState(mergedId);
    }

    /// <summary>Verifies the audit chain end to end.</summary>
    public Task<AuditVerificationResult> VerifyAuditAsync(CancellationToken cancellationToken) =>
        new AuditVerifier(new AuditCheckpointSigner(_keys.AuditKey)).VerifyAsync(_store, cancellationToken);

    /// <summary>Audits a call the access layer refused (a purpose a key is not bound to), so refusals are provable too.</summary>
    public Task RecordRefusalAsync(string actor, string action, string? subjectId, string? purposeKey, string code, CancellationToken cancellationToken) =>
        AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, action) { SubjectId = subjectId, Purpose = purposeKey, ReasonCodes = [code] }, cancellationToken);

    /// <summary>Audits a call that reads no personal data (the policy, the record of processing) with the caller's id.</summary>
    public Task RecordCallAsync(string actor, string action, CancellationToken cancellationToken) =>
        AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, action), cancellationToken);

    /// <summary>Audits a call that concerns one person or names what it read (ids and codes only, never a value).</summary>
    public Task RecordCallAsync(string actor, string action, string? subjectId, IReadOnlyDictionary<string, string> details, long count, CancellationToken cancellationToken) =>
        AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, action) { SubjectId = subjectId, Details = details, Count = count }, cancellationToken);

    private async Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var tx = await _store.BeginAsync(cancellationToken);
        await tx.AppendAuditAsync(entry, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private IEnumerable<(LookupKind Kind, byte[] Index)> LookupIndexes(NewSubject subject)
    {
        (LookupKind, string?)[] keys = [(LookupKind.Email, subject.Email), (LookupKind.Phone, subject.Phone), (LookupKind.UserName, subject.UserName)];
        foreach (var (kind, value) in keys)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            byte[] index;
            try
            {
                index = _blindIndex.Compute(kind, value, DefaultCallingCode);
            }
            catch (LookupKeyFormatException e)
            {
                throw new VaultException(VaultErrorCodes.InvalidLookup, e.Message);
            }

            yield return (kind, index);
        }
    }

    private static string KindName(LookupKind kind) => kind switch
    {
        LookupKind.Email => "email",
        LookupKind.Phone => "phone",
        _ => "user_name",
    };

    /// <summary>Refuses a birth date in the future or more than 150 years ago (the value itself is never quoted back).</summary>
    private static void CheckBirthDate(NewSubject subject, DateTimeOffset now)
    {
        if (subject.BirthDate is not { } born) return;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (born > today.AddDays(1)) throw new VaultException(VaultErrorCodes.InvalidValue, "The birth date is in the future; send the date the person was born (YYYY-MM-DD).");
        if (born < today.AddYears(-150)) throw new VaultException(VaultErrorCodes.InvalidValue, "The birth date is more than 150 years ago; check the year.");
    }

    private static SealBinding BirthDateBinding(string subjectId) => new(subjectId, "user.demographic.date_of_birth", "birth_date:" + subjectId);

    private sealed class PolicyInForce(CompiledPolicy compiled)
    {
        public CompiledPolicy Compiled { get; } = compiled;

        public DecisionEngine Engine { get; } = new(compiled);

        public Retention.RetentionPlanner Planner { get; } = new(compiled.Document.Retention);
    }
}
