using Custodian.Policy;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Custodian.Server.Pages.Admin;

/// <summary>The policy in force, and the differences between two policy files (or one file and the policy in force), material changes marked.</summary>
[RequestSizeLimit(2 << 20)]
public sealed class PolicyModel : UiPageModel
{
    private const long MaxFile = 1 << 20;

    /// <summary>The changes found, after a comparison.</summary>
    public IReadOnlyList<PolicyChange>? Changes { get; private set; }

    /// <summary>The earlier file's name.</summary>
    public string? BeforeName { get; private set; }

    /// <summary>The later file's name (or the policy in force).</summary>
    public string? AfterName { get; private set; }

    /// <summary>Problems found in an uploaded file, as file:line:col lines.</summary>
    public IReadOnlyList<string> Diagnostics { get; private set; } = [];

    /// <summary>Shows the policy in force and the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Compares the two versions.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? before, IFormFile? after, CancellationToken cancellationToken)
    {
        await Runtime.Vault.RecordCallAsync(AdminSession.Actor(User), "policy.diff", cancellationToken);
        if (before is null || before.Length == 0)
        {
            Error = T.DiffNeedsBefore;
            return Page();
        }

        var earlier = await LoadAsync(before, cancellationToken);
        if (earlier is null) return Page();
        PolicyDocument? later = Runtime.Policy.Document;
        AfterName = T.PolicyInForce;
        if (after is { Length: > 0 })
        {
            later = await LoadAsync(after, cancellationToken);
            if (later is null) return Page();
            AfterName = after.FileName;
        }

        BeforeName = before.FileName;
        Changes = PolicyDiff.Compare(earlier, later).Changes;
        return Page();
    }

    private async Task<PolicyDocument?> LoadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxFile)
        {
            Error = T.DiffTooLarge(file.FileName);
            return null;
        }

        using var reader = new StreamReader(file.OpenReadStream());
        var text = await reader.ReadToEndAsync(cancellationToken);
        var name = Path.GetFileName(file.FileName);
        var loaded = PolicyLoader.Load(text, name);
        var errors = loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (loaded.Document is null || errors.Count > 0)
        {
            Error = T.DiffUnreadable(name);
            Diagnostics = errors.Select(d => d.ToString()).Take(20).ToList();
            return null;
        }

        return loaded.Document;
    }
}
