using Custodian.Server.Ui;
using Custodian.Server.Ui.Center;

namespace Custodian.Server.Pages.Privacy;

/// <summary>"My data": every category held about the signed-in person, in plain words, with the downloads.</summary>
public sealed class MyDataModel : UiPageModel
{
    /// <summary>What is shown.</summary>
    public MyDataView? View { get; private set; }

    /// <summary>Reads the person's data (audited as their own access) and shows it.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await MyDataView.BuildAsync(Runtime.Vault, PersonSession.SubjectId(User), Ui, cancellationToken);
}
