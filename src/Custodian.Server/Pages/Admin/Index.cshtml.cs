using Custodian.Requests;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;

namespace Custodian.Server.Pages.Admin;

/// <summary>The requests queue: open requests by due date with the overdue ones marked, and the latest answered.</summary>
public sealed class IndexModel : UiPageModel
{
    /// <summary>Open requests, earliest deadline first.</summary>
    public IReadOnlyList<QueueLine> Open { get; private set; } = [];

    /// <summary>The latest answered or refused requests.</summary>
    public IReadOnlyList<StoredRequest> Closed { get; private set; } = [];

    /// <summary>Loads the queue (audited as a request listing).</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var desk = Runtime.Vault.CreateRequestDesk();
        var now = desk.Now;
        var actor = AdminSession.Actor(User);
        var open = await desk.ListAsync(new RequestQuery(OverdueAt: DateTimeOffset.MaxValue, Limit: 10_000), actor, cancellationToken);
        Open = open.OrderBy(r => r.DueAt).Select(r => new QueueLine(r, r.IsOverdueAt(now), (int)Math.Floor((r.DueAt - now).TotalDays))).ToList();
        var all = await Runtime.Vault.Store.ListRequestsAsync(new RequestQuery(Limit: 100_000), cancellationToken);
        Closed = all.Where(r => !r.IsOpen && r.ClosedAt is not null).OrderByDescending(r => r.ClosedAt).Take(15).ToList();
    }
}
