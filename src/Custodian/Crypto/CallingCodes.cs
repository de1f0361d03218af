using System.Collections.Frozen;

namespace Custodian.Crypto;

/// <summary>International calling codes by ISO 3166 country, so a national phone number can be normalised to E.164.</summary>
public static class CallingCodes
{
    private static readonly FrozenDictionary<string, string> ByCountry = new Dictionary<string, string>
    {
        ["AT"] = "43",
        ["BE"] = "32",
        ["BG"] = "359",
        ["HR"] = "385",
        ["CY"] = "357",
        ["CZ"] = "420",
        ["DK"] = "45",
        ["EE"] = "372",
        ["FI"] = "358",
        ["FR"] = "33",
        ["DE"] = "49",
        ["GR"] = "30",
        ["HU"] = "36",
        ["IE"] = "353",
        ["IT"] = "39",
        ["LV"] = "371",
        ["LT"] = "370",
        ["LU"] = "352",
        ["MT"] = "356",
        ["NL"] = "31",
        ["PL"] = "48",
        ["PT"] = "351",
        ["RO"] = "40",
        ["SK"] = "421",
        ["SI"] = "386",
        ["ES"] = "34",
        ["SE"] = "46",
        ["IS"] = "354",
        ["LI"] = "423",
        ["NO"] = "47",
        ["CH"] = "41",
        ["GB"] = "44",
        ["US"] = "1",
        ["CA"] = "1",
        ["KH"] = "855",
        ["CN"] = "86",
        ["JP"] = "81",
        ["KR"] = "82",
        ["AU"] = "61",
        ["NZ"] = "64",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The calling code of a country (<c>45</c> for DK), or null when unknown.</summary>
    public static string? For(string? country) => country is not null && ByCountry.TryGetValue(country, out var code) ? code : null;
}
