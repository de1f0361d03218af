namespace Custodian.Server.Ui.Banner;

/// <summary>The banner's answer: the visitor token to send next time, whether GPC applied, and what was recorded.</summary>
/// <param name="Visitor">The visitor token (valid for a year from now), or null when nothing was recorded for a new visitor.</param>
/// <param name="Gpc">True when Global Privacy Control applied.</param>
/// <param name="Recorded">The state of each category with a choice.</param>
public sealed record BannerAnswer(string? Visitor, bool Gpc, IReadOnlyList<BannerRecord> Recorded);
