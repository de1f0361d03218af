using System.Collections.Immutable;
using Custodian.Audit;
using Custodian.Notifications;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Vault;

/// <summary>What publishing a policy version did.</summary>
/// <param name="Version">The version recorded.</param>
/// <param name="Diff">What changed from the version before.</param>
/// <param name="NoticesQueued">Notices queued to people (material changes only).</param>
/// <param name="WithoutAddress">People with no email address on file.</param>
public sealed record PublishResult(PolicyVersionRecord Version, PolicyDiffResult Diff, int NoticesQueued, int WithoutAddress);

public sealed partial class DataVault
{
    private static readonly ImmutableHashSet<PolicyChangeKind> MeaningChanges = [PolicyChangeKind.PurposeMeaningChanged, PolicyChangeKind.LegalBasisChanged, PolicyChangeKind.CategoryAdded, PolicyChangeKind.RecipientAdded, PolicyChangeKind.TransferAdded, PolicyChangeKind.RecipientChanged];

    /// <summary>
    /// Publishes a new policy version (CK14, CR13, CU9): records its text, content hash and effective date. A material
    /// change must take effect at least the notice period of the policy in force after today, and queues a notice to every
    /// person with an address on file; a consent purpose whose meaning changed materially needs the consent again before it
    /// counts. The version takes effect on its date (see <see cref="ActivateDuePolicyAsync"/>).
    /// </summary>
    public async Task<PublishResult> PublishPolicyAsync(string text, string path, DateOnly? effective, string actor, CancellationToken cancellationToken)
    {
        var load = PolicyLoader.Load(text, path);
        var errors = load.Diagnostics.AddRange(load.Document is null ? [] : PolicyChecker.Check(load.Document)).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (load.Document is null || errors.Length > 0) throw new PolicyException(errors);
        var compiled = PolicyCompiler.Compile(load.Document, text);
        var versions = await _store.GetPolicyVersionsAsync(cancellationToken);
        if (versions.Any(v => v.ContentHash == compiled.ContentHash))
            throw new VaultException(VaultErrorCodes.AlreadyPublished, $"This policy text (sha256 {compiled.ContentHash[..12]}…) is already published.");

        var previous = versions.Count > 0 ? PolicyLoader.Load(versions[^1].Text, "published").Document! : Policy.Document;
        var diff = PolicyDiff.Compare(previous, load.Document);
        var now = _clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var takesEffect = effective ?? load.Document.Effective;
        if (diff.HasMaterialChange)
        {
            var earliest = Policy.Document.Changes.NoticePeriod.AddTo(today);
            if (takesEffect < earliest)
                throw new VaultException(VaultErrorCodes.NoticePeriodTooShort, $"A material change must be announced {Policy.Document.Changes.NoticePeriod} before it takes effect: the earliest effective date is {earliest:yyyy-MM-dd}, not {takesEffect:yyyy-MM-dd}. Pass a later --effective date.");
        }

        var reconsent = diff.Changes.Where(c => c.Material && MeaningChanges.Contains(c.Kind))
            .SelectMany(c => c.Keys)
            .Where(k => compiled.TryGetPurpose(k, out var id) && compiled.Purpose(id).Basis == LegalBasis.Consent)
            .Distinct(StringComparer.Ordinal).ToList();
        var record = new PolicyVersionRecord(compiled.ContentHash, load.Document.Version, takesEffect, now, text, diff.HasMaterialChange, [.. diff.ToLines()], reconsent);

        var messages = new List<(string SubjectId, RenderedMessage Message, string Language)>();
        var withoutAddress = 0;
        if (diff.HasMaterialChange)
        {
            var material = diff.Changes.Where(c => c.Material).Select(c => c.Description).ToList();
            var names = reconsent.Select(k => compiled.Purpose(compiled.TryGetPurpose(k, out var id) ? id : default).Definition.Name).ToList();
            var everyone = new List<string>();
            for (string? after = null; ;)
            {
                var page = await _store.ListSubjectIdsAsync(after, 500, cancellationToken);
                everyone.AddRange(page);
                if (page.Count < 500) break;
                after = page[^1];
            }

            (messages, withoutAddress) = await ComposeNoticesAsync(everyone, "policy_change_notice", language =>
                NoticeText.For(language).PolicyChange(compiled.Document.Controller.Name, takesEffect, material, [.. names.Select(n => n.Get(language) ?? "")], compiled.Document.Rights.ContactUrl ?? compiled.Document.Controller.Url), actor, cancellationToken);
        }

        var outbox = new Outbox(_keys);
        await using var tx = await _store.BeginAsync(cancellationToken);
        await tx.SavePolicyVersionAsync(record, cancellationToken);
        foreach (var (subjectId, message, language) in messages) await outbox.EnqueueAsync(tx, message, "policy_change", language, null, subjectId, now, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, actor, "policy.publish")
        {
            Count = messages.Count,
            Details = new Dictionary<string, string>
            {
                ["hash"] = compiled.ContentHash[..16],
                ["version"] = "v:" + record.Version,
                ["material"] = diff.HasMaterialChange ? "true" : "false",
                ["reconsent"] = AuditToken.Number(reconsent.Count),
            },
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new PublishResult(record, diff, messages.Count, withoutAddress);
    }

    /// <summary>
    /// Puts the newest published version whose effective date has come into force (and the re-consent it requires).
    /// The server calls this at start and every minute; scenarios at every step. Returns the version now in force, if any.
    /// </summary>
    public async Task<PolicyVersionRecord?> ActivateDuePolicyAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var due = (await _store.GetPolicyVersionsAsync(cancellationToken)).Where(v => v.Effective <= today).ToList();
        if (due.Count == 0) return null;
        var current = due.OrderBy(v => v.Effective).ThenBy(v => v.PublishedAt).Last();
        if (current.ContentHash != Policy.ContentHash)
        {
            var load = PolicyLoader.Load(current.Text, $"published {current.Version}");
            UsePolicy(PolicyCompiler.Compile(load.Document!, current.Text));
        }

        var since = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var version in due)
        {
            var start = new DateTimeOffset(version.Effective.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            foreach (var purpose in version.Reconsent)
                since[purpose] = since.TryGetValue(purpose, out var existing) && existing > start ? existing : start;
        }

        RequireReconsent(since);
        return current;
    }
}
