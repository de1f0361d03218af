namespace Custodian.Client.Contracts;

/// <summary>Consent given or withdrawn for exactly one of a purpose or a permission.</summary>
/// <param name="Given">True to give, false to withdraw.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Permission">The permission (location, camera…).</param>
/// <param name="Explicit">Whether the consent is explicit (needed for special categories).</param>
/// <param name="Method">How it was collected (web-form, app-toggle…).</param>
/// <param name="Evidence">Non-personal evidence such as a form id.</param>
public sealed record ConsentRequest(bool Given, string? Purpose = null, string? Permission = null, bool Explicit = false, string? Method = null, string? Evidence = null);
