namespace Custodian.Storage;

/// <summary>Pending privacy-center sign-ins, read by whichever server the person's next page reaches.</summary>
public interface ISignInChallengeStore
{
    /// <summary>The challenge, expired or not, or null when unknown or removed.</summary>
    Task<StoredSignInChallenge?> GetSignInChallengeAsync(string challengeId, CancellationToken cancellationToken);

    /// <summary>How many challenges have not expired at <paramref name="at"/>.</summary>
    Task<int> CountSignInChallengesAsync(DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>
/// Sign-in challenge writes, in the same transaction as the code's message and audit entries. Attempts are counted by the
/// store, one statement each, so servers sharing it together allow no more than the limit.
/// </summary>
public interface ISignInChallengeTransaction
{
    /// <summary>
    /// Stores a new challenge. When it names a person, their earlier challenges are removed first, in this transaction, so
    /// only the newest code works; challenges without a person (for addresses that belong to no one) are left alone.
    /// </summary>
    /// <exception cref="VaultStoreException"><c>STORE002</c> when the id is taken.</exception>
    Task AddSignInChallengeAsync(StoredSignInChallenge challenge, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one attempt at a challenge that has not expired at <paramref name="at"/> and has had fewer than
    /// <paramref name="maxAttempts"/>, and returns it with the attempt counted; null (nothing counted) when it is unknown,
    /// expired or used up. Whoever holds the attempt may compare one code.
    /// </summary>
    Task<StoredSignInChallenge?> CountSignInAttemptAsync(string challengeId, DateTimeOffset at, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Removes a challenge; false when it was already gone, so only one caller signs in with it.</summary>
    Task<bool> RemoveSignInChallengeAsync(string challengeId, CancellationToken cancellationToken);

    /// <summary>Removes every challenge expired at <paramref name="at"/>; returns how many.</summary>
    Task<int> RemoveExpiredSignInChallengesAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
