using System.Text.Json;
using Custodian.Storage;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Publishing policy versions; the lists are stored as JSON arrays.</summary>
internal sealed partial class PostgresVaultTransaction
{
    public Task SavePolicyVersionAsync(PolicyVersionRecord version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return RunAsync(
            "INSERT INTO policy_versions (content_hash, version, effective, published_at, text, material, changes, reconsent) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)",
            VaultStoreException.Duplicate,
            cancellationToken,
            version.ContentHash, version.Version, version.Effective, Ticks(version.PublishedAt), version.Text, version.Material,
            JsonSerializer.Serialize(version.Changes), JsonSerializer.Serialize(version.Reconsent));
    }
}
