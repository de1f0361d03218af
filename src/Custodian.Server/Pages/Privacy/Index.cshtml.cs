using Custodian.Server.Ui;

namespace Custodian.Server.Pages.Privacy;

/// <summary>The privacy center's front page: what a person can do here, sign in, read the statement.</summary>
public sealed class IndexModel : UiPageModel
{
    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }
}
