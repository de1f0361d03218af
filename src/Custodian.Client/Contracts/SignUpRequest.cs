namespace Custodian.Client.Contracts;

/// <summary>
/// Signs a person up in one transaction: registers them, records the consents given on the form and collects the values
/// entered for <paramref name="Purpose"/>. If any part fails nothing is stored.
/// </summary>
/// <param name="Purpose">The purpose the values are collected for.</param>
/// <param name="Values">The values entered (none is fine).</param>
/// <param name="Consents">The consents given on the form (none is fine).</param>
/// <param name="Email">Email address.</param>
/// <param name="Phone">Phone number, E.164.</param>
/// <param name="UserName">User name.</param>
/// <param name="BirthDate">Date of birth, for the policy's minimum age.</param>
public sealed record SignUpRequest(
    string Purpose,
    IReadOnlyList<CollectItem> Values,
    IReadOnlyList<SignUpConsent>? Consents = null,
    string? Email = null,
    string? Phone = null,
    string? UserName = null,
    DateOnly? BirthDate = null);

/// <summary>A consent given on a sign-up form, for exactly one of a purpose or a permission.</summary>
/// <param name="Purpose">The purpose.</param>
/// <param name="Permission">The permission (location, camera…).</param>
/// <param name="Explicit">Whether the consent is explicit (needed for special categories).</param>
/// <param name="Method">How it was collected (web-form, app-toggle…).</param>
/// <param name="Evidence">Non-personal evidence such as a form id.</param>
public sealed record SignUpConsent(string? Purpose = null, string? Permission = null, bool Explicit = false, string? Method = null, string? Evidence = null);

/// <summary>What a sign-up did.</summary>
/// <param name="SubjectId">The new person's pseudonymous id.</param>
/// <param name="Consents">The consent receipts recorded, in the order given.</param>
/// <param name="Collected">The values stored and, for the rest, why not.</param>
public sealed record SignUpResult(string SubjectId, IReadOnlyList<ConsentEntry> Consents, CollectResult Collected);
