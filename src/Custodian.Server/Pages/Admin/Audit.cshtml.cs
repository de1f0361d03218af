using Custodian.Audit;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;

namespace Custodian.Server.Pages.Admin;

/// <summary>The audit chain: its length, a verification on demand (hash chain and signed checkpoints), and the latest entries.</summary>
public sealed class AuditModel : UiPageModel
{
    private const int Shown = 30;

    /// <summary>Entries in the chain.</summary>
    public long Head { get; private set; }

    /// <summary>The newest entry.</summary>
    public AuditEntry? Latest { get; private set; }

    /// <summary>The latest entries, newest first.</summary>
    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];

    /// <summary>The verification result, after one was asked for.</summary>
    public AuditVerificationResult? Result { get; private set; }

    /// <summary>Shows the chain's state.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Recent = [.. (await Runtime.Vault.Store.ReadLatestAuditAsync(Shown, cancellationToken)).Reverse()];
        Latest = Recent.Count > 0 ? Recent[0] : null;
        Head = Latest?.Sequence ?? 0;
    }

    /// <summary>Verifies the whole chain (audited) and shows the result.</summary>
    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Result = await Runtime.Vault.VerifyAuditAsync(cancellationToken);
        await Runtime.Vault.RecordCallAsync(AdminSession.Actor(User), "audit.verify", cancellationToken);
        await OnGetAsync(cancellationToken);
    }
}
