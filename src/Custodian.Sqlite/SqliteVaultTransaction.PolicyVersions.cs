using System.Globalization;
using System.Text.Json;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Publishing policy versions.</summary>
internal sealed partial class SqliteVaultTransaction
{
    public Task SavePolicyVersionAsync(PolicyVersionRecord version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        Run(
            "INSERT INTO policy_versions (content_hash, version, effective, published_at, text, material, changes, reconsent) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)",
            cancellationToken,
            VaultStoreException.Duplicate,
            version.ContentHash, version.Version, version.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Ticks(version.PublishedAt), version.Text, version.Material,
            JsonSerializer.Serialize(version.Changes), JsonSerializer.Serialize(version.Reconsent));
        return Task.CompletedTask;
    }
}
