using Custodian.Crypto;

namespace Custodian.Storage.Conformance;

/// <summary>The device registry (CR5): binding, identifiers as blind indexes, unbinding, merge and shredding.</summary>
public abstract class DeviceConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    private static readonly byte[] Mac = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public async Task A_bound_device_is_listed_and_found_by_its_mac_blind_index()
    {
        var subject = await NewSubjectAsync();
        var id = subject.SubjectId;
        await InTransactionAsync(async t =>
        {
            await t.UpsertDeviceAsync(new StoredDevice("scale-1", id, "smart_scale", [1, 2, 3], "2.4.1", TestData.T0, null, true, TestData.T0), Ct);
            await t.AddDeviceIdentifierAsync(id, "scale-1", LookupKind.MacAddress, Mac, Ct);
        });

        var device = Assert.Single(await Store.GetDevicesAsync(id, Ct));
        var found = await Store.FindDeviceAsync(LookupKind.MacAddress, Mac, Ct);

        Assert.Equal(("smart_scale", "2.4.1", TestData.T0), (device.Type, device.Firmware, device.ActivatedAt));
        Assert.Equal([1, 2, 3], device.NameSealed);
        Assert.Equal((id, "scale-1"), found);
    }

    [Fact]
    public async Task Unbinding_records_when_drops_identifiers_and_happens_once()
    {
        var subject = await NewSubjectAsync();
        var id = subject.SubjectId;
        await InTransactionAsync(async t =>
        {
            await t.UpsertDeviceAsync(new StoredDevice("socket-9", id, "socket", null, null, TestData.T0, null, true, null), Ct);
            await t.AddDeviceIdentifierAsync(id, "socket-9", LookupKind.MacAddress, Mac, Ct);
        });

        var first = false;
        var second = true;
        await InTransactionAsync(async t => first = await t.UnbindDeviceAsync(id, "socket-9", TestData.T0.AddDays(3), Ct));
        await InTransactionAsync(async t => second = await t.UnbindDeviceAsync(id, "socket-9", TestData.T0.AddDays(4), Ct));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(TestData.T0.AddDays(3), (await Store.GetDeviceAsync(id, "socket-9", Ct))!.UnboundAt);
        Assert.Null(await Store.FindDeviceAsync(LookupKind.MacAddress, Mac, Ct));
    }

    [Fact]
    public async Task Shredding_forgets_device_names_and_identifiers_and_merging_moves_devices()
    {
        var survivor = await NewSubjectAsync();
        var duplicate = await NewSubjectAsync();
        await InTransactionAsync(async t =>
        {
            await t.UpsertDeviceAsync(new StoredDevice("hub-1", duplicate.SubjectId, "hub", [9, 9], null, TestData.T0, null, true, null), Ct);
            await t.AddDeviceIdentifierAsync(duplicate.SubjectId, "hub-1", LookupKind.WifiNetwork, Mac, Ct);
        });

        await InTransactionAsync(t => t.MergeSubjectsAsync(survivor.SubjectId, duplicate.SubjectId, TestData.T0.AddDays(1), Ct));
        var moved = Assert.Single(await Store.GetDevicesAsync(survivor.SubjectId, Ct));
        await InTransactionAsync(t => t.ShredSubjectAsync(survivor.SubjectId, TestData.T0.AddDays(2), Ct));

        Assert.Equal("hub-1", moved.DeviceId);
        Assert.Null((await Store.GetDeviceAsync(survivor.SubjectId, "hub-1", Ct))!.NameSealed);
        Assert.Null(await Store.FindDeviceAsync(LookupKind.WifiNetwork, Mac, Ct));
    }
}
