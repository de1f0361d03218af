using Custodian.Retention;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    private volatile ArchivePublicKey? _archiveKey;

    /// <summary>True when an archive public key is configured, so records whose rule says <c>archive</c> can leave the live store.</summary>
    public bool CanArchive => _archiveKey is not null;

    /// <summary>
    /// Sets the management public key archives are sealed to (IS7). Only the public half: the vault can write archives
    /// and cannot read them. Until one is set, records due for archiving stay where they are and runs report them.
    /// </summary>
    public void UseArchiveKey(ArchivePublicKey? key) => _archiveKey = key;

    /// <summary>Archives holding items about a person (all when null), still sealed: only the management private key opens them.</summary>
    public Task<IReadOnlyList<StoredArchive>> ReadArchivesAsync(string? subjectId, CancellationToken cancellationToken) =>
        _store.ReadArchivesAsync(subjectId, cancellationToken);

    /// <summary>The anonymous statistics anonymised records became (IS9): counts without subjects or values.</summary>
    public Task<IReadOnlyList<AnonymousCount>> ReadAnonymousStatisticsAsync(CancellationToken cancellationToken) =>
        _store.ReadAnonymousCountsAsync(cancellationToken);
}
