namespace Custodian.Crypto;

/// <summary>The kinds of lookup key a subject can be found by. The kind is part of the blind index, so kinds never collide.</summary>
public enum LookupKind
{
    /// <summary>An e-mail address.</summary>
    Email = 1,

    /// <summary>A phone number in E.164 form.</summary>
    Phone = 2,

    /// <summary>A user name.</summary>
    UserName = 3,

    /// <summary>A device's MAC address (CR5), normalised to 12 lower-case hex digits.</summary>
    MacAddress = 4,

    /// <summary>A Wi-Fi network identifier (SSID or BSSID) a device reported (CR5).</summary>
    WifiNetwork = 5,
}
