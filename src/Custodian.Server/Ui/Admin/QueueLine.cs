using Custodian.Requests;

namespace Custodian.Server.Ui.Admin;

/// <summary>A request in the console's queue.</summary>
/// <param name="Request">The request.</param>
/// <param name="Overdue">Open past its deadline.</param>
/// <param name="DaysLeft">Whole days to the deadline (negative when overdue).</param>
public sealed record QueueLine(StoredRequest Request, bool Overdue, int DaysLeft);
