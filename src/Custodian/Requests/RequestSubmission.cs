namespace Custodian.Requests;

/// <summary>A request as submitted.</summary>
/// <param name="Kind">What is asked.</param>
/// <param name="Channel">Who submits it, which decides how identity is established.</param>
/// <param name="SubjectId">The person, when a vouching service or an administrator submits; null for the person's own submission.</param>
/// <param name="Email">The person's email: needed for the person's own submission (the code goes there) and to send answers.</param>
/// <param name="Language">The language for answers; the policy's first language when null or unsupported.</param>
/// <param name="Purpose">For an objection (required) or a consent withdrawal (optional: all consents when null).</param>
public sealed record RequestSubmission(RequestKind Kind, RequestChannel Channel, string? SubjectId = null, string? Email = null, string? Language = null, string? Purpose = null);
