using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Pending sign-ins and the session key ring of the privacy center (migration 0011).</summary>
internal sealed partial class SqliteVaultTransaction
{
    public Task AddSignInChallengeAsync(StoredSignInChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);

        // A new code voids the person's earlier ones; challenges without a person (unknown addresses) are left alone. A
        // challenge with the same id is kept, so the insert still reports the id as taken.
        if (challenge.SubjectId is not null)
            Run("DELETE FROM signin_challenges WHERE subject_id = $p0 AND challenge_id <> $p1", cancellationToken, null, challenge.SubjectId, challenge.ChallengeId);
        Run(
            "INSERT INTO signin_challenges (challenge_id, subject_id, code_hash, sealed_address, expires_at, attempts) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)",
            cancellationToken,
            VaultStoreException.Duplicate,
            challenge.ChallengeId, challenge.SubjectId, challenge.CodeHash, challenge.SealedAddress, Ticks(challenge.ExpiresAt), challenge.Attempts);
        return Task.CompletedTask;
    }

    public Task<StoredSignInChallenge?> CountSignInAttemptAsync(string challengeId, DateTimeOffset at, int maxAttempts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var command = Command(
            """
            UPDATE signin_challenges SET attempts = attempts + 1
            WHERE challenge_id = $p0 AND expires_at > $p1 AND attempts < $p2
            RETURNING challenge_id, subject_id, code_hash, sealed_address, expires_at, attempts
            """);
        Bind(command, challengeId, Ticks(at), maxAttempts);
        using var reader = command.ExecuteReader();
        StoredSignInChallenge? counted = null;
        while (reader.Read())
        {
            counted = SqliteVaultStore.MapSignInChallenge(reader);
        }

        return Task.FromResult(counted);
    }

    public Task<bool> RemoveSignInChallengeAsync(string challengeId, CancellationToken cancellationToken) =>
        Task.FromResult(Run("DELETE FROM signin_challenges WHERE challenge_id = $p0", cancellationToken, null, challengeId) > 0);

    public Task<int> RemoveExpiredSignInChallengesAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(Run("DELETE FROM signin_challenges WHERE expires_at <= $p0", cancellationToken, null, Ticks(at)));

    public Task AddUiKeyElementAsync(StoredUiKeyElement element, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(element);
        Run("INSERT INTO ui_keys (name, xml, created_at) VALUES ($p0, $p1, $p2)", cancellationToken, VaultStoreException.Duplicate, element.Name, element.Xml, Ticks(element.CreatedAt));
        return Task.CompletedTask;
    }
}
