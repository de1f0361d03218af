namespace Custodian.Server.Ui.Banner;

/// <summary>One category's recorded state.</summary>
/// <param name="Category">The category key.</param>
/// <param name="Given">Accepted or not.</param>
/// <param name="Method"><c>cookie-banner</c>, or <c>gpc</c> when Global Privacy Control decided.</param>
public sealed record BannerRecord(string Category, bool Given, string Method);
