namespace Custodian.Server.Ui.Banner;

/// <summary>A cookie category as the banner shows it.</summary>
/// <param name="Key">The category key.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What its cookies do.</param>
/// <param name="Required">Strictly necessary: always on.</param>
/// <param name="OffUnderGpc">Switched off by Global Privacy Control.</param>
/// <param name="Purpose">The purpose whose consent it records, if any.</param>
public sealed record BannerCategory(string Key, string Name, string Description, bool Required, bool OffUnderGpc, string? Purpose);
