using Custodian.Crypto;
using Custodian.Storage;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Device registry writes (CR5).</summary>
internal sealed partial class PostgresVaultTransaction
{
    public Task UpsertDeviceAsync(StoredDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);

        // An unknown subject fails the foreign key, which becomes STORE001 as in the SQLite store.
        return RunAsync(
            """
            INSERT INTO devices (subject_id, device_id, type, name_sealed, firmware, activated_at, unbound_at, online, last_seen_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (subject_id, device_id) DO UPDATE SET type = excluded.type, name_sealed = COALESCE(excluded.name_sealed, devices.name_sealed),
                firmware = COALESCE(excluded.firmware, devices.firmware), activated_at = excluded.activated_at, unbound_at = excluded.unbound_at,
                online = excluded.online, last_seen_at = COALESCE(excluded.last_seen_at, devices.last_seen_at)
            """,
            VaultStoreException.Duplicate,
            cancellationToken,
            device.SubjectId, device.DeviceId, device.Type, device.NameSealed, device.Firmware, Ticks(device.ActivatedAt), Ticks(device.UnboundAt), device.Online, Ticks(device.LastSeenAt));
    }

    public Task AddDeviceIdentifierAsync(string subjectId, string deviceId, LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        RunAsync(
            "INSERT INTO device_identifiers (kind, blind_index, subject_id, device_id) VALUES ($1, $2, $3, $4) ON CONFLICT (kind, blind_index) DO UPDATE SET subject_id = excluded.subject_id, device_id = excluded.device_id",
            VaultStoreException.Duplicate,
            cancellationToken,
            (int)kind, blindIndex, subjectId, deviceId);

    public async Task<bool> UnbindDeviceAsync(string subjectId, string deviceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = await RunAsync(
            "UPDATE devices SET unbound_at = $3, online = false WHERE subject_id = $1 AND device_id = $2 AND unbound_at IS NULL",
            VaultStoreException.Duplicate,
            cancellationToken,
            subjectId, deviceId, Ticks(at));
        await RunAsync("DELETE FROM device_identifiers WHERE subject_id = $1 AND device_id = $2", VaultStoreException.Duplicate, cancellationToken, subjectId, deviceId);
        return changed > 0;
    }
}
