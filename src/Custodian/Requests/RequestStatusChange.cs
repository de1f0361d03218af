namespace Custodian.Requests;

/// <summary>One line of a request's status history.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Status">The status entered.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who (an API key id, <c>person</c>, <c>system</c>).</param>
/// <param name="ReasonCode">A stable reason code, if any.</param>
public sealed record RequestStatusChange(string RequestId, RequestStatus Status, DateTimeOffset At, string Actor, string? ReasonCode = null);
