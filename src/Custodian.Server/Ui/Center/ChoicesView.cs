using Custodian.Policy;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Server.Ui.Center;

/// <summary>"Your choices": consents and permissions as switches, objections to legitimate-interest purposes, and the consent history.</summary>
public sealed record ChoicesView(IReadOnlyList<ChoiceItem> Consents, IReadOnlyList<ChoiceItem> Permissions, IReadOnlyList<ChoiceItem> Objections, IReadOnlyList<HistoryLine> History)
{
    /// <summary>Builds the view from the person's ledgers (no personal values are read).</summary>
    public static async Task<ChoicesView> BuildAsync(DataVault vault, string subjectId, UiContext ui, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(ui);
        var policy = vault.Policy;
        var language = ui.Language;
        var (state, _) = await vault.LoadFactsAsync(subjectId, cancellationToken);
        string Day(DateTimeOffset at) => ui.Statement.FormatDate(DateOnly.FromDateTime(at.UtcDateTime));

        var consents = policy.Purposes.Where(p => p.Basis == LegalBasis.Consent).Select(p =>
        {
            var head = state.ConsentHead(ConsentKind.Purpose, p.Key, DateTimeOffset.MaxValue);
            return new ChoiceItem(p.Key, p.Definition.Name.Get(language) ?? p.Key, p.Definition.Description.Get(language) ?? "", false, head?.Given ?? false, head is null ? null : Day(head.At));
        }).ToList();
        var permissions = policy.Permissions.Select(p =>
        {
            var head = state.ConsentHead(ConsentKind.Permission, p.Key, DateTimeOffset.MaxValue);
            return new ChoiceItem(p.Key, p.Definition.Name.Get(language) ?? p.Key, p.Definition.Description.Get(language) ?? "", true, head?.Given ?? false, head is null ? null : Day(head.At));
        }).ToList();
        var objections = policy.Purposes.Where(p => p.Basis == LegalBasis.LegitimateInterest && p.Definition.OptOut).Select(p =>
        {
            var open = state.Objections.LastOrDefault(o => o.PurposeKey == p.Key && o.LiftedAt is null);
            var why = p.Definition.Interest.Get(language) ?? p.Definition.Description.Get(language) ?? "";
            return new ChoiceItem(p.Key, p.Definition.Name.Get(language) ?? p.Key, why, false, open is not null, open is null ? null : Day(open.At));
        }).ToList();
        var history = state.Consents.Where(c => c.Kind != ConsentKind.Cookie).Reverse().Select(c => new HistoryLine(
            Day(c.At) + " " + c.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC",
            c.Kind == ConsentKind.Permission
                ? (policy.TryGetPermission(c.Key, out var permission) ? policy.Permission(permission).Definition.Name.Get(language) ?? c.Key : c.Key)
                : (policy.TryGetPurpose(c.Key, out var purpose) ? policy.Purpose(purpose).Definition.Name.Get(language) ?? c.Key : c.Key),
            c.Given,
            c.Method,
            c.PolicyVersion)).ToList();
        return new ChoicesView(consents, permissions, objections, history);
    }
}
