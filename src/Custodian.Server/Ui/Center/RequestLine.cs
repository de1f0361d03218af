using Custodian.Requests;

namespace Custodian.Server.Ui.Center;

/// <summary>One of the person's requests as the privacy center lists it.</summary>
/// <param name="Id">The request reference.</param>
/// <param name="Kind">What was asked.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Received">When it was received, in words.</param>
/// <param name="Due">The deadline, in words.</param>
/// <param name="Closed">When it was answered, in words, if it was.</param>
/// <param name="Overdue">True when it is open past its deadline.</param>
/// <param name="Reason">The reason given for an extension or a refusal, if any.</param>
public sealed record RequestLine(string Id, RequestKind Kind, RequestStatus Status, string Received, string Due, string? Closed, bool Overdue, string? Reason);
