namespace Custodian.Client.Contracts;

/// <summary>Registers a person; the server keeps lookup keys only as blind indexes and seals the birth date.</summary>
/// <param name="Email">Email address.</param>
/// <param name="Phone">Phone number, E.164.</param>
/// <param name="UserName">User name.</param>
/// <param name="BirthDate">Date of birth, for the policy's minimum age.</param>
public sealed record CreateSubjectRequest(string? Email = null, string? Phone = null, string? UserName = null, DateOnly? BirthDate = null);
