using Custodian.Records;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;

namespace Custodian.Server.Pages.Admin;

/// <summary>The GDPR Art. 30 record of processing, built from the policy in force, with its CSV download.</summary>
public sealed class RopaModel : UiPageModel
{
    /// <summary>The record.</summary>
    public RecordOfProcessing? Record { get; private set; }

    /// <summary>Builds the record (audited as a read of it).</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Record = RecordOfProcessingBuilder.Build(Runtime.Policy);
        await Runtime.Vault.RecordCallAsync(AdminSession.Actor(User), "ropa.read", cancellationToken);
    }
}
