using System.Text.Json.Serialization;

namespace Custodian.Server.Ui.Banner;

/// <summary>The banner's request body: the visitor (when known), the choice per cookie category, and whether the browser sends Global Privacy Control.</summary>
/// <param name="Visitor">The visitor token from an earlier answer, or null on first use.</param>
/// <param name="Choices">Category key → accepted.</param>
/// <param name="Gpc">True when <c>navigator.globalPrivacyControl</c> is set.</param>
/// <param name="Language">The banner's language.</param>
public sealed record CookieChoice(
    [property: JsonPropertyName("visitor")] string? Visitor,
    [property: JsonPropertyName("choices")] IReadOnlyDictionary<string, bool>? Choices,
    [property: JsonPropertyName("gpc")] bool Gpc,
    [property: JsonPropertyName("language")] string? Language);
