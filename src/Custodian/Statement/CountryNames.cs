using System.Collections.Frozen;

namespace Custodian.Statement;

/// <summary>
/// Country names in English and Danish for the countries recipients are usually in. Kept as data rather than
/// taken from the operating system, so a statement reads the same on every machine; an unknown code is shown as is.
/// </summary>
internal static class CountryNames
{
    private static readonly FrozenDictionary<string, (string En, string Da)> Names = new Dictionary<string, (string En, string Da)>
    {
        ["AT"] = ("Austria", "Østrig"),
        ["AU"] = ("Australia", "Australien"),
        ["BE"] = ("Belgium", "Belgien"),
        ["BG"] = ("Bulgaria", "Bulgarien"),
        ["CA"] = ("Canada", "Canada"),
        ["CH"] = ("Switzerland", "Schweiz"),
        ["CN"] = ("China", "Kina"),
        ["CY"] = ("Cyprus", "Cypern"),
        ["CZ"] = ("Czechia", "Tjekkiet"),
        ["DE"] = ("Germany", "Tyskland"),
        ["DK"] = ("Denmark", "Danmark"),
        ["EE"] = ("Estonia", "Estland"),
        ["ES"] = ("Spain", "Spanien"),
        ["FI"] = ("Finland", "Finland"),
        ["FO"] = ("Faroe Islands", "Færøerne"),
        ["FR"] = ("France", "Frankrig"),
        ["GB"] = ("United Kingdom", "Storbritannien"),
        ["GL"] = ("Greenland", "Grønland"),
        ["GR"] = ("Greece", "Grækenland"),
        ["HR"] = ("Croatia", "Kroatien"),
        ["HU"] = ("Hungary", "Ungarn"),
        ["IE"] = ("Ireland", "Irland"),
        ["IN"] = ("India", "Indien"),
        ["IS"] = ("Iceland", "Island"),
        ["IT"] = ("Italy", "Italien"),
        ["JP"] = ("Japan", "Japan"),
        ["KH"] = ("Cambodia", "Cambodja"),
        ["KR"] = ("South Korea", "Sydkorea"),
        ["LI"] = ("Liechtenstein", "Liechtenstein"),
        ["LT"] = ("Lithuania", "Litauen"),
        ["LU"] = ("Luxembourg", "Luxembourg"),
        ["LV"] = ("Latvia", "Letland"),
        ["MT"] = ("Malta", "Malta"),
        ["NL"] = ("Netherlands", "Nederlandene"),
        ["NO"] = ("Norway", "Norge"),
        ["NZ"] = ("New Zealand", "New Zealand"),
        ["PL"] = ("Poland", "Polen"),
        ["PT"] = ("Portugal", "Portugal"),
        ["RO"] = ("Romania", "Rumænien"),
        ["SE"] = ("Sweden", "Sverige"),
        ["SG"] = ("Singapore", "Singapore"),
        ["SI"] = ("Slovenia", "Slovenien"),
        ["SK"] = ("Slovakia", "Slovakiet"),
        ["US"] = ("United States", "USA"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The English name, or the code.</summary>
    public static string English(string code) => Names.TryGetValue(code, out var name) ? name.En : code;

    /// <summary>The Danish name, or the code.</summary>
    public static string Danish(string code) => Names.TryGetValue(code, out var name) ? name.Da : code;
}
