namespace Custodian.Server.Ui.Banner;

/// <summary>What the banner shows: the policy's version, the language, whether the request carried <c>Sec-GPC: 1</c>, the categories and the words.</summary>
/// <param name="Policy">The policy id (the choice is remembered per policy).</param>
/// <param name="Version">The policy version (a new version asks again).</param>
/// <param name="Language">The language of the words.</param>
/// <param name="Gpc">True when the request carried <c>Sec-GPC: 1</c>.</param>
/// <param name="Categories">The cookie categories.</param>
/// <param name="Words">The banner's words.</param>
public sealed record BannerDescription(string Policy, string Version, string Language, bool Gpc, IReadOnlyList<BannerCategory> Categories, IReadOnlyDictionary<string, string> Words);
