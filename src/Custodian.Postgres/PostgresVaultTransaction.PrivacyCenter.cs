using Custodian.Storage;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Pending sign-ins and the session key ring of the privacy center (migration 0011).</summary>
internal sealed partial class PostgresVaultTransaction
{
    public Task AddSignInChallengeAsync(StoredSignInChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);

        // A new code voids the person's earlier ones; challenges without a person (unknown addresses) are left alone. A
        // challenge with the same id is kept, so the insert still reports the id as taken. The delete is held back and
        // travels with the insert, in the same round trip.
        if (challenge.SubjectId is not null)
            Defer("DELETE FROM signin_challenges WHERE subject_id = $1 AND challenge_id <> $2", VaultStoreException.Duplicate, challenge.SubjectId, challenge.ChallengeId);
        return RunAsync(
            "INSERT INTO signin_challenges (challenge_id, subject_id, code_hash, sealed_address, expires_at, attempts) VALUES ($1, $2, $3, $4, $5, $6)",
            VaultStoreException.Duplicate,
            cancellationToken,
            challenge.ChallengeId, challenge.SubjectId, challenge.CodeHash, challenge.SealedAddress, Ticks(challenge.ExpiresAt), challenge.Attempts);
    }

    public async Task<StoredSignInChallenge?> CountSignInAttemptAsync(string challengeId, DateTimeOffset at, int maxAttempts, CancellationToken cancellationToken)
    {
        // One statement under the row's lock: a server counting at the same moment waits and then sees this attempt.
        await FlushAsync(cancellationToken);
        var counted = await QueryAsync(
            _connection,
            $"""
            UPDATE signin_challenges SET attempts = attempts + 1
            WHERE challenge_id = $1 AND expires_at > $2 AND attempts < $3
            RETURNING {PostgresVaultStore.SignInChallengeColumns}
            """,
            [challengeId, Ticks(at), maxAttempts],
            PostgresVaultStore.MapSignInChallenge,
            cancellationToken);
        return counted.FirstOrDefault();
    }

    public async Task<bool> RemoveSignInChallengeAsync(string challengeId, CancellationToken cancellationToken) =>
        await RunAsync("DELETE FROM signin_challenges WHERE challenge_id = $1", VaultStoreException.Duplicate, cancellationToken, challengeId) > 0;

    public Task<int> RemoveExpiredSignInChallengesAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        RunAsync("DELETE FROM signin_challenges WHERE expires_at <= $1", VaultStoreException.Duplicate, cancellationToken, Ticks(at));

    public Task AddUiKeyElementAsync(StoredUiKeyElement element, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(element);
        return RunAsync("INSERT INTO ui_keys (name, xml, created_at) VALUES ($1, $2, $3)", VaultStoreException.Duplicate, cancellationToken, element.Name, element.Xml, Ticks(element.CreatedAt));
    }
}
