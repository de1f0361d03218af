using System.Globalization;
using System.Text.Json;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Published policy versions.</summary>
public sealed partial class SqliteVaultStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyVersionRecord>> GetPolicyVersionsAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<PolicyVersionRecord>>(cancellationToken, connection => Query(
            connection,
            null,
            "SELECT content_hash, version, effective, published_at, text, material, changes, reconsent FROM policy_versions ORDER BY published_at, rowid",
            [],
            r => new PolicyVersionRecord(
                r.GetString(0), r.GetString(1), DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), Time(r, 3), r.GetString(4), r.GetBoolean(5),
                JsonSerializer.Deserialize<List<string>>(r.GetString(6)) ?? [], JsonSerializer.Deserialize<List<string>>(r.GetString(7)) ?? [])));
}
