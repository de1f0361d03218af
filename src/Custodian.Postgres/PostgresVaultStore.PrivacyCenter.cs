using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Pending sign-ins and the session key ring of the privacy center (migration 0011).</summary>
public sealed partial class PostgresVaultStore
{
    internal const string SignInChallengeColumns = "challenge_id, subject_id, code_hash, sealed_address, expires_at, attempts";

    /// <inheritdoc />
    public Task<StoredSignInChallenge?> GetSignInChallengeAsync(string challengeId, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async c => (await QueryAsync(c, $"SELECT {SignInChallengeColumns} FROM signin_challenges WHERE challenge_id = $1", [challengeId], MapSignInChallenge, cancellationToken)).FirstOrDefault(),
            cancellationToken);

    /// <inheritdoc />
    public Task<int> CountSignInChallengesAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async c => (int)await ScalarAsync<long>(c, "SELECT COUNT(*) FROM signin_challenges WHERE expires_at > $1", cancellationToken, Ticks(at)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredUiKeyElement>> GetUiKeyElementsAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredUiKeyElement>>(
            async c => await QueryAsync(c, "SELECT name, xml, created_at FROM ui_keys ORDER BY created_at, name", [], r => new StoredUiKeyElement(r.GetString(0), r.GetString(1), Time(r, 2)), cancellationToken),
            cancellationToken);

    internal static StoredSignInChallenge MapSignInChallenge(NpgsqlDataReader r) =>
        new(r.GetString(0), OptionalString(r, 1), r.GetFieldValue<byte[]>(2), OptionalBytes(r, 3), Time(r, 4), r.GetInt32(5));
}
