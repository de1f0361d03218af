using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    private const string DeviceCategory = "user.device";

    /// <summary>
    /// Binds a device to a person (CR5): the name is sealed under their key, the MAC address and Wi-Fi identifiers
    /// are stored only as blind indexes. Binding again updates the details and re-activates an unbound device.
    /// </summary>
    public async Task BindDeviceAsync(string subjectId, DeviceBinding device, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        RequireToken(device.DeviceId, "deviceId");
        RequireToken(device.Type, "type");
        await RequireLiveSubjectAsync(subjectId, cancellationToken);
        var now = _clock.GetUtcNow();
        byte[]? name = null;
        if (device.Name is { Length: > 0 })
        {
            using var sealer = await SubjectSealerAsync(subjectId, cancellationToken)
                ?? throw new VaultException(VaultErrorCodes.SubjectErased, $"Person '{subjectId}' was erased.");
            name = sealer.Seal(device.Name, DeviceNameBinding(subjectId, device.DeviceId));
        }

        var identifiers = new List<(LookupKind, byte[])>();
        try
        {
            if (device.MacAddress is { Length: > 0 } mac) identifiers.Add((LookupKind.MacAddress, _blindIndex.Compute(LookupKind.MacAddress, mac)));
            foreach (var network in device.WifiNetworks ?? []) identifiers.Add((LookupKind.WifiNetwork, _blindIndex.Compute(LookupKind.WifiNetwork, network)));
        }
        catch (LookupKeyFormatException e)
        {
            throw new VaultException(VaultErrorCodes.InvalidLookup, e.Message);
        }

        await using var tx = await _store.BeginAsync(cancellationToken);
        await tx.UpsertDeviceAsync(new StoredDevice(device.DeviceId, subjectId, device.Type, name, device.Firmware, now, null, true, now), cancellationToken);
        foreach (var (kind, index) in identifiers) await tx.AddDeviceIdentifierAsync(subjectId, device.DeviceId, kind, index, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "device.bind") { SubjectId = subjectId, Categories = [DeviceCategory], Count = identifiers.Count, Details = new Dictionary<string, string> { ["device"] = device.DeviceId, ["type"] = device.Type } }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Unbinds a device: from now on nothing from it is collected for this person, and readings are dropped as <c>device_unbound</c>.</summary>
    public async Task<bool> UnbindDeviceAsync(string subjectId, string deviceId, string actor, CancellationToken cancellationToken)
    {
        await RequireLiveSubjectAsync(subjectId, cancellationToken);
        var now = _clock.GetUtcNow();
        await using var tx = await _store.BeginAsync(cancellationToken);
        var unbound = await tx.UnbindDeviceAsync(subjectId, deviceId, now, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "device.unbind") { SubjectId = subjectId, Categories = [DeviceCategory], Count = unbound ? 1 : 0, Details = new Dictionary<string, string> { ["device"] = RequireToken(deviceId, "deviceId") } }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return unbound;
    }

    /// <summary>The person's devices; names are opened only when the purpose may read device data.</summary>
    public async Task<IReadOnlyList<DeviceView>> GetDevicesAsync(string subjectId, string purposeKey, string actor, CancellationToken cancellationToken)
    {
        var purpose = ResolvePurpose(purposeKey);
        var snapshot = await SnapshotAsync(subjectId, null, cancellationToken);
        var allowed = Policy.TryGetCategory("user.device.device_id", out var category) && _policy.Engine.Decide(snapshot, category, purpose, null, DecisionUse.Read, RecordStatus.Present).Allowed;
        var devices = await _store.GetDevicesAsync(subjectId, cancellationToken);
        using var sealer = allowed ? await SubjectSealerAsync(subjectId, cancellationToken) : null;
        var views = devices.Select(d => new DeviceView(
            d.DeviceId, d.Type, sealer is not null && d.NameSealed is not null ? sealer.OpenString(d.NameSealed, DeviceNameBinding(subjectId, d.DeviceId)) : null,
            d.Firmware, d.ActivatedAt, d.UnboundAt, d.Online, d.LastSeenAt)).ToList();
        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "device.list") { SubjectId = subjectId, Purpose = purposeKey, Categories = [DeviceCategory], Count = views.Count, ReasonCodes = allowed ? [] : ["device_names_withheld"] }, cancellationToken);
        return views;
    }

    /// <summary>Finds which person a device with this MAC address is bound to (through its blind index); null when none.</summary>
    public async Task<(string SubjectId, string DeviceId)?> FindDeviceByMacAsync(string macAddress, string actor, CancellationToken cancellationToken)
    {
        byte[] index;
        try
        {
            index = _blindIndex.Compute(LookupKind.MacAddress, macAddress);
        }
        catch (LookupKeyFormatException e)
        {
            throw new VaultException(VaultErrorCodes.InvalidLookup, e.Message);
        }

        var found = await _store.FindDeviceAsync(LookupKind.MacAddress, index, cancellationToken);
        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "device.find") { SubjectId = found?.SubjectId, Count = found is null ? 0 : 1 }, cancellationToken);
        return found;
    }

    private static SealBinding DeviceNameBinding(string subjectId, string deviceId) => new(subjectId, "user.device.name", "device:" + deviceId);

    private static string RequireToken(string value, string field) =>
        AuditToken.IsValid(value) ? value
        : throw new VaultException(VaultErrorCodes.InvalidIdentifier, $"'{field}' must be an id of letters, digits and _ . : / - (at most {AuditToken.MaxLength} characters).");
}
