using Custodian.Crypto;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresSql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>Device registry reads (CR5).</summary>
public sealed partial class PostgresVaultStore
{
    private const string DeviceColumns = "device_id, subject_id, type, name_sealed, firmware, activated_at, unbound_at, online, last_seen_at";

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDevice>> GetDevicesAsync(string subjectId, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<StoredDevice>>(
            async c => await QueryAsync(c, $"SELECT {DeviceColumns} FROM devices WHERE subject_id = $1 ORDER BY activated_at, device_id", [subjectId], MapDevice, cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<StoredDevice?> GetDeviceAsync(string subjectId, string deviceId, CancellationToken cancellationToken) =>
        WithConnectionAsync(
            async c => (await QueryAsync(c, $"SELECT {DeviceColumns} FROM devices WHERE subject_id = $1 AND device_id = $2", [subjectId, deviceId], MapDevice, cancellationToken)).FirstOrDefault(),
            cancellationToken);

    /// <inheritdoc />
    public Task<(string SubjectId, string DeviceId)?> FindDeviceAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken) =>
        WithConnectionAsync<(string SubjectId, string DeviceId)?>(
            async c =>
            {
                var found = await QueryAsync(c, "SELECT subject_id, device_id FROM device_identifiers WHERE kind = $1 AND blind_index = $2", [(int)kind, blindIndex], r => (r.GetString(0), r.GetString(1)), cancellationToken);
                return found.Count == 0 ? null : found[0];
            },
            cancellationToken);

    private static StoredDevice MapDevice(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), OptionalBytes(r, 3), OptionalString(r, 4), Time(r, 5), OptionalTime(r, 6), r.GetBoolean(7), OptionalTime(r, 8));
}
