using System.Collections.Frozen;

namespace Custodian.Policy;

/// <summary>The ISO 639-1 two-letter language codes, for checking <c>policy.languages</c> and the keys of translated texts.</summary>
internal static class IsoLanguages
{
    public static FrozenSet<string> Codes { get; } = """
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
        ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io
        is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr
        ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si
        sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh
        yi yo za zh zu
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How to write <paramref name="code"/> as an ISO 639-1 code.</summary>
    public static string Fix(string code)
    {
        var lower = code.ToLowerInvariant();
        if (Codes.Contains(lower)) return $"write it in lowercase: {lower}";
        return "use ISO 639-1 two-letter codes such as en, da, de, sv, nb";
    }
}
