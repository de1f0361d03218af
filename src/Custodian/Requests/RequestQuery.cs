namespace Custodian.Requests;

/// <summary>Filters for listing requests; every filter left null matches all.</summary>
/// <param name="Status">Only this status.</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="SubjectId">Only this person's.</param>
/// <param name="OverdueAt">Only open requests whose deadline is before this instant.</param>
/// <param name="Limit">At most this many, oldest received first.</param>
public sealed record RequestQuery(RequestStatus? Status = null, RequestKind? Kind = null, string? SubjectId = null, DateTimeOffset? OverdueAt = null, int Limit = 500);
