namespace Custodian.Storage;

/// <summary>
/// A connected device bound to a person (CR5). The name the person gave it is sealed like any value; MAC and Wi-Fi
/// identifiers are kept only as blind indexes, elsewhere.
/// </summary>
/// <param name="DeviceId">The device's id as the company's backend knows it (serial or cloud id; not a MAC address).</param>
/// <param name="SubjectId">The person it is bound to.</param>
/// <param name="Type">The device type (<c>smart_scale</c>, <c>socket</c>).</param>
/// <param name="NameSealed">The name the person gave it, sealed under their key, or null.</param>
/// <param name="Firmware">The firmware version.</param>
/// <param name="ActivatedAt">When it was activated (bound).</param>
/// <param name="UnboundAt">When it was unbound; nothing more is collected from it for this person after that.</param>
/// <param name="Online">Whether it was last seen online.</param>
/// <param name="LastSeenAt">When it last reported.</param>
public sealed record StoredDevice(string DeviceId, string SubjectId, string Type, byte[]? NameSealed, string? Firmware, DateTimeOffset ActivatedAt, DateTimeOffset? UnboundAt, bool Online, DateTimeOffset? LastSeenAt);
