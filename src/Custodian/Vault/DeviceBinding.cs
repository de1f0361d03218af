namespace Custodian.Vault;

/// <summary>A device to bind to a person (CR5).</summary>
/// <param name="DeviceId">The device's id in the company's backend (serial or cloud id).</param>
/// <param name="Type">Its type (<c>smart_scale</c>, <c>socket</c>).</param>
/// <param name="Name">The name the person gave it; sealed.</param>
/// <param name="Firmware">Its firmware version.</param>
/// <param name="MacAddress">Its MAC address; kept only as a blind index.</param>
/// <param name="WifiNetworks">Wi-Fi identifiers it reported (SSID/BSSID); kept only as blind indexes.</param>
public sealed record DeviceBinding(string DeviceId, string Type, string? Name = null, string? Firmware = null, string? MacAddress = null, IReadOnlyList<string>? WifiNetworks = null);

/// <summary>A device as the vault reports it; its name only when the purpose may read device data.</summary>
/// <param name="DeviceId">Its id.</param>
/// <param name="Type">Its type.</param>
/// <param name="Name">The name, or null when withheld or not given.</param>
/// <param name="Firmware">Its firmware.</param>
/// <param name="ActivatedAt">When it was bound.</param>
/// <param name="UnboundAt">When it was unbound, if it was.</param>
/// <param name="Online">Whether it was last seen online.</param>
/// <param name="LastSeenAt">When it last reported.</param>
public sealed record DeviceView(string DeviceId, string Type, string? Name, string? Firmware, DateTimeOffset ActivatedAt, DateTimeOffset? UnboundAt, bool Online, DateTimeOffset? LastSeenAt);
