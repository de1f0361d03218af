namespace Custodian.Vault;

/// <summary>A consent given on a sign-up form, recorded with the person it registers.</summary>
/// <param name="Key">The purpose key, permission key, or <c>cookie:</c> plus a cookie category.</param>
/// <param name="Method">How it was collected (for example <c>web_form</c>), for the receipt.</param>
/// <param name="IsPermission">True when <paramref name="Key"/> names a permission rather than a purpose.</param>
/// <param name="IsExplicit">Whether it was explicit (a separate, specific statement), as special categories require.</param>
/// <param name="Evidence">Non-personal evidence such as a form id.</param>
public sealed record EnrollConsent(string Key, string Method, bool IsPermission = false, bool IsExplicit = false, string? Evidence = null);
