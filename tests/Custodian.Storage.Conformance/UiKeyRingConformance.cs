namespace Custodian.Storage.Conformance;

/// <summary>The server's session key ring: elements kept as given, oldest first, each name once, seen by a second store.</summary>
public abstract class UiKeyRingConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task Elements_are_read_back_unchanged_oldest_first_by_every_store_on_the_database()
    {
        var later = new StoredUiKeyElement("key-b", "<key id=\"b\"><sealed xmlns=\"urn:x\">QUJD</sealed></key>", TestData.T0.AddDays(80));
        var first = new StoredUiKeyElement("key-a", "<key id=\"a\">Å</key>", TestData.T0);
        await InTransactionAsync(t => t.AddUiKeyElementAsync(later, Ct));
        await InTransactionAsync(t => t.AddUiKeyElementAsync(first, Ct));
        await using var second = await OpenSecondStoreAsync();

        var elements = await Store.GetUiKeyElementsAsync(Ct);
        var seenBySecond = await second.GetUiKeyElementsAsync(Ct);

        Assert.Equal([first, later], elements);
        Assert.Equal([first, later], seenBySecond);
    }

    [Fact]
    public async Task An_element_name_is_stored_once()
    {
        var element = new StoredUiKeyElement("key-a", "<key/>", TestData.T0);
        await InTransactionAsync(t => t.AddUiKeyElementAsync(element, Ct));

        var error = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.AddUiKeyElementAsync(element with { Xml = "<other/>" }, Ct)));

        Assert.Equal(VaultStoreException.Duplicate, error.Code);
        Assert.Equal("<key/>", Assert.Single(await Store.GetUiKeyElementsAsync(Ct)).Xml);
    }

    [Fact]
    public async Task An_empty_store_has_no_elements() => Assert.Empty(await Store.GetUiKeyElementsAsync(Ct));
}
