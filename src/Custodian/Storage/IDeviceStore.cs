using Custodian.Crypto;

namespace Custodian.Storage;

/// <summary>The device registry's reads (CR5); writes go through <see cref="IDeviceTransaction"/> in a unit of work.</summary>
public interface IDeviceStore
{
    /// <summary>The person's devices, bound and unbound, oldest activation first.</summary>
    Task<IReadOnlyList<StoredDevice>> GetDevicesAsync(string subjectId, CancellationToken cancellationToken);

    /// <summary>A device binding of a person, or null.</summary>
    Task<StoredDevice?> GetDeviceAsync(string subjectId, string deviceId, CancellationToken cancellationToken);

    /// <summary>The (subject, device) a MAC or Wi-Fi blind index belongs to, or null.</summary>
    Task<(string SubjectId, string DeviceId)?> FindDeviceAsync(LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken);
}

/// <summary>Device registry writes, in the same transaction as their audit entries.</summary>
public interface IDeviceTransaction
{
    /// <summary>Binds a device to a person, or updates its details (type, name, firmware, online state).</summary>
    Task UpsertDeviceAsync(StoredDevice device, CancellationToken cancellationToken);

    /// <summary>Records a MAC or Wi-Fi blind index for a device.</summary>
    Task AddDeviceIdentifierAsync(string subjectId, string deviceId, LookupKind kind, ReadOnlyMemory<byte> blindIndex, CancellationToken cancellationToken);

    /// <summary>Unbinds a device from a person and drops its identifiers; false when unknown or already unbound.</summary>
    Task<bool> UnbindDeviceAsync(string subjectId, string deviceId, DateTimeOffset at, CancellationToken cancellationToken);
}
