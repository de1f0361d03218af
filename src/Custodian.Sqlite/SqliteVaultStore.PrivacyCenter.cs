using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Pending sign-ins and the session key ring of the privacy center (migration 0011).</summary>
public sealed partial class SqliteVaultStore
{
    private const string SignInChallengeColumns = "challenge_id, subject_id, code_hash, sealed_address, expires_at, attempts";

    /// <inheritdoc />
    public Task<StoredSignInChallenge?> GetSignInChallengeAsync(string challengeId, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
            Query(connection, null, $"SELECT {SignInChallengeColumns} FROM signin_challenges WHERE challenge_id = $p0", [challengeId], MapSignInChallenge).FirstOrDefault());

    /// <inheritdoc />
    public Task<int> CountSignInChallengesAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
            Convert.ToInt32(connection.Command(null, "SELECT COUNT(*) FROM signin_challenges WHERE expires_at > $p0", Ticks(at)).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredUiKeyElement>> GetUiKeyElementsAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredUiKeyElement>>(cancellationToken, connection =>
            Query(connection, null, "SELECT name, xml, created_at FROM ui_keys ORDER BY created_at, name", [], r => new StoredUiKeyElement(r.GetString(0), r.GetString(1), Time(r, 2))));

    internal static StoredSignInChallenge MapSignInChallenge(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), OptionalString(r, 1), r.GetFieldValue<byte[]>(2), OptionalBytes(r, 3), Time(r, 4), r.GetInt32(5));
}
