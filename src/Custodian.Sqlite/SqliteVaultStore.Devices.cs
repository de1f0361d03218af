using Custodian.Crypto;
using Custodian.Storage;
using static Custodian.Sqlite.SqliteValues;

namespace Custodian.Sqlite;

/// <summary>Device registry reads (CR5).</summary>
public sealed partial class SqliteVaultStore
{
    private const string DeviceColumns = "device_id, subject_id, type, name_sealed, firmware, activated_at, unbound_at, online, last_seen_at";

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDevice>> GetDevicesAsync(string subjectId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<StoredDevice>>(cancellationToken, connection =>
            Query(connection, null, $"SELECT {DeviceColumns} FROM devices WHERE subject_id = $p0 ORDER BY activated_at, device_id", [subjectId], MapDevice));

    /// <inheritdoc />
    public Task<StoredDevice?> GetDeviceAsync(string subjectId, string deviceId, CancellationToken cancellationToken) =>
        Read(cancellationToken, connection =>
            Query(connection, null, $"SELECT {DeviceColumns} FROM devices WHERE subject_id = $p0 AND device_id = $p1", [subjectId, deviceId], MapDevice).FirstOrDefault());

    /// <inheritdoc />
    public Task<(string SubjectId, string DeviceId)?> FindDeviceAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        Read<(string, string)?>(cancellationToken, connection =>
        {
            var found = Query(connection, null, "SELECT subject_id, device_id FROM device_identifiers WHERE kind = $p0 AND blind_index = $p1", [(int)kind, blindIndex.ToArray()], r => (r.GetString(0), r.GetString(1)));
            return found.Count == 0 ? null : found[0];
        });

    private static StoredDevice MapDevice(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : (byte[])r[3], OptionalString(r, 4), Time(r, 5), OptionalTime(r, 6), r.GetBoolean(7), OptionalTime(r, 8));
}
