using Custodian.Audit;
using Custodian.Storage;

namespace Custodian.Crypto;

/// <summary>
/// Whether a key ring's master key is the one a store was written with, checked when the store opens and before anything
/// is written: a wrong key (a lost key file replaced by a new one, another server's key) would leave the sealed data
/// unreadable and seal new data under a second key.
/// </summary>
public static class MasterKeyCheck
{
    /// <summary>
    /// False when a subject key wrapped in the store does not unwrap with <paramref name="keys"/> (or, in a store with no
    /// person yet, the latest audit checkpoint was signed with another key); true for a store with nothing to check.
    /// </summary>
    public static async Task<bool> MatchesAsync(IVaultStore store, KeyRing keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        var latest = await store.ReadLatestAuditAsync(200, cancellationToken);
        foreach (var subjectId in latest.Select(e => e.SubjectId).OfType<string>().Reverse().Distinct(StringComparer.Ordinal).Take(20))
        {
            // An erased person's key is gone; the next one is tried.
            if (await store.GetSubjectKeyAsync(subjectId, cancellationToken) is not { } wrapped) continue;
            try
            {
                using var sealer = keys.OpenSubjectKey(subjectId, wrapped.KeyId, wrapped.Wrapped);
                return true;
            }
            catch (SealedValueException)
            {
                return false;
            }
        }

        if (store is IAuditChainSource chain && await chain.ReadAuditCheckpointsAsync(cancellationToken) is { Count: > 0 } checkpoints)
            return new AuditCheckpointSigner(keys.AuditKey).Verify(checkpoints[^1]);
        return true;
    }

    /// <summary>How to give a store its own key back (without a closing full stop).</summary>
    public static readonly string RestoreAdvice =
        $"Put back {MasterKeyProvider.KeyFileName} from the backup taken with the store, or set {MasterKeyProvider.EnvironmentVariable} to the key it was created with";

    /// <summary>The refusal for a key that does not match, naming where the key came from and how to put the right one back.</summary>
    public static MasterKeyException Mismatch(string store, string keyDirectory, MasterKeySource source)
    {
        var keyFile = Path.GetFullPath(Path.Combine(keyDirectory, MasterKeyProvider.KeyFileName));
        var origin = source switch
        {
            MasterKeySource.Environment => $"the {MasterKeyProvider.EnvironmentVariable} environment variable",
            MasterKeySource.CreatedKeyFile => $"a new key (no {keyFile} was there, so none was kept)",
            _ => keyFile,
        };
        return new MasterKeyException(
            $"The master key from {origin} is not the key {store} was written with: its sealed data would not open and new data would be sealed under a second key. "
            + RestoreAdvice + "; every server on one store uses the same key.");
    }
}
