using Custodian.Crypto;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Device registry writes (CR5).</summary>
internal sealed partial class SqliteVaultTransaction
{
    public Task UpsertDeviceAsync(StoredDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        RequireSubject(device.SubjectId, cancellationToken);
        Run(
            """
            INSERT INTO devices (subject_id, device_id, type, name_sealed, firmware, activated_at, unbound_at, online, last_seen_at)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
            ON CONFLICT (subject_id, device_id) DO UPDATE SET type = excluded.type, name_sealed = COALESCE(excluded.name_sealed, devices.name_sealed),
                firmware = COALESCE(excluded.firmware, devices.firmware), activated_at = excluded.activated_at, unbound_at = excluded.unbound_at,
                online = excluded.online, last_seen_at = COALESCE(excluded.last_seen_at, devices.last_seen_at)
            """,
            cancellationToken,
            null,
            device.SubjectId, device.DeviceId, device.Type, device.NameSealed, device.Firmware, Ticks(device.ActivatedAt), Ticks(device.UnboundAt), device.Online, Ticks(device.LastSeenAt));
        return Task.CompletedTask;
    }

    public Task AddDeviceIdentifierAsync(string subjectId, string deviceId, LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken)
    {
        Run("INSERT INTO device_identifiers (kind, blind_index, subject_id, device_id) VALUES ($p0, $p1, $p2, $p3) ON CONFLICT (kind, blind_index) DO UPDATE SET subject_id = excluded.subject_id, device_id = excluded.device_id",
            cancellationToken, null, (int)kind, blindIndex.ToArray(), subjectId, deviceId);
        return Task.CompletedTask;
    }

    public Task<bool> UnbindDeviceAsync(string subjectId, string deviceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = Run("UPDATE devices SET unbound_at = $p2, online = 0 WHERE subject_id = $p0 AND device_id = $p1 AND unbound_at IS NULL", cancellationToken, null, subjectId, deviceId, Ticks(at));
        Run("DELETE FROM device_identifiers WHERE subject_id = $p0 AND device_id = $p1", cancellationToken, null, subjectId, deviceId);
        return Task.FromResult(changed > 0);
    }
}
