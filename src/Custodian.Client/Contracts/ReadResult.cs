namespace Custodian.Client.Contracts;

/// <summary>A purpose-checked read: the values the policy allows, and only reason codes for the rest.</summary>
/// <param name="SubjectId">The person.</param>
/// <param name="Purpose">The purpose named.</param>
/// <param name="Recipient">The recipient named, if any.</param>
/// <param name="Values">Allowed values.</param>
/// <param name="Denied">Withheld categories with reasons.</param>
public sealed record ReadResult(string SubjectId, string Purpose, string? Recipient, IReadOnlyList<ReadValue> Values, IReadOnlyList<DeniedCategory> Denied);
