using System.Xml.Linq;
using Custodian.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Custodian.Server.Ui.Sessions;

/// <summary>
/// Keeps the session key ring (the keys cookies, antiforgery and visitor tokens are protected with) in the vault's store,
/// so every server on one store reads the others' cookies and a restart keeps them. The key material inside each element
/// is sealed by <see cref="KeyRingXmlEncryptor"/> before it gets here.
/// </summary>
public sealed class StoredKeyRingRepository(CustodianRuntime runtime, TimeProvider clock) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Data protection asks synchronously, when the ring is first used and then about once a day; the store is async.
        var elements = runtime.Vault.Store.GetUiKeyElementsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return [.. elements.Select(e => XElement.Parse(e.Xml))];
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        StoreAsync(element, friendlyName, CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task StoreAsync(XElement element, string? friendlyName, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(friendlyName) ? "element-" + Guid.NewGuid().ToString("N") : friendlyName;
        var stored = new StoredUiKeyElement(name, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow());
        await using var tx = await runtime.Vault.Store.BeginAsync(cancellationToken);
        await tx.AddUiKeyElementAsync(stored, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
