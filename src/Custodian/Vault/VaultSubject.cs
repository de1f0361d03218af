namespace Custodian.Vault;

/// <summary>What is needed to register a person: lookup keys (stored only as blind indexes) and birth date.</summary>
/// <param name="Email">Email address, if known.</param>
/// <param name="Phone">Phone number (E.164, or national with the default calling code), if known.</param>
/// <param name="UserName">User name, if known.</param>
/// <param name="BirthDate">Date of birth, for the minimum age; sealed like any record.</param>
public sealed record NewSubject(string? Email = null, string? Phone = null, string? UserName = null, DateOnly? BirthDate = null);
