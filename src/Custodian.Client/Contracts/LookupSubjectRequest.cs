namespace Custodian.Client.Contracts;

/// <summary>Finds a person by exactly one lookup key; it travels in the body so it stays out of URLs and access logs.</summary>
/// <param name="Email">Email address.</param>
/// <param name="Phone">Phone number.</param>
/// <param name="UserName">User name.</param>
public sealed record LookupSubjectRequest(string? Email = null, string? Phone = null, string? UserName = null);
