using System.Text.Json;
using Custodian.Storage;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Published policy versions.</summary>
public sealed partial class PostgresVaultStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyVersionRecord>> GetPolicyVersionsAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<PolicyVersionRecord>>(
            async connection => await QueryAsync(
                connection,
                "SELECT content_hash, version, effective, published_at, text, material, changes::text, reconsent::text FROM policy_versions ORDER BY published_at, seq",
                [],
                r => new PolicyVersionRecord(
                    r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), Time(r, 3), r.GetString(4), r.GetBoolean(5),
                    JsonSerializer.Deserialize<List<string>>(r.GetString(6)) ?? [], JsonSerializer.Deserialize<List<string>>(r.GetString(7)) ?? []),
                cancellationToken),
            cancellationToken);
}
