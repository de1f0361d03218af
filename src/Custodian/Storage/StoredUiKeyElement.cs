namespace Custodian.Storage;

/// <summary>
/// One element of the server's session key ring (the keys its cookies, antiforgery and visitor tokens are protected
/// with), as XML the store keeps without reading. The key material inside is sealed before it reaches the store.
/// </summary>
/// <param name="Name">A unique name (<c>key-&lt;guid&gt;</c>).</param>
/// <param name="Xml">The element's XML.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record StoredUiKeyElement(string Name, string Xml, DateTimeOffset CreatedAt);
