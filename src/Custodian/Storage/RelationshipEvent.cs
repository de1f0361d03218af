namespace Custodian.Storage;

/// <summary>A contract lifecycle event, an anchor retention counts from.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Kind">The relationship kind (for example <c>subscription</c>, <c>account</c>).</param>
/// <param name="Event">The event (<c>opened</c>, <c>ended</c>, <c>warranty_ended</c>, <c>payment_settled</c>, <c>transaction</c>, <c>contest_ended</c>…).</param>
/// <param name="At">When it happened.</param>
public sealed record RelationshipEvent(string SubjectId, string Kind, string Event, DateTimeOffset At);
