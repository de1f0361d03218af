namespace Custodian.Client;

/// <summary>The fields of a problem+json body the client reads.</summary>
internal sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, string? Code, string? Pointer, IReadOnlyList<string>? Suggestions);
