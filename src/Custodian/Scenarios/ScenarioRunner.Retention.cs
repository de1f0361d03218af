using System.Globalization;
using Custodian.Retention;
using Custodian.Taxonomy;

namespace Custodian.Scenarios;

public sealed partial class ScenarioRunner
{
    /// <summary>
    /// <c>retention: run</c>: sweeps at the step's time. The first run gives the vault a fresh management key pair's
    /// public half; the runner keeps the private half, as management would, to show archives open only with it.
    /// </summary>
    private static async Task RunRetentionStepAsync(Run run, ScenarioStep step, CancellationToken ct)
    {
        var what = step.Text("retention");
        if (what is not ("run" or "dry_run")) throw new InvalidOperationException($"'retention: {what}' is not known; write 'retention: run'");
        if (!run.Vault.CanArchive && run.Vault.Policy.Document.Retention.Rules.Any(r => r.Action == Policy.RetentionAction.Archive))
        {
            run.ArchiveKey ??= ArchivePrivateKey.Generate();
            run.Vault.UseArchiveKey(run.ArchiveKey.PublicKey());
        }

        await run.Vault.RunRetentionAsync(step.At, what == "dry_run", null, ct);
    }

    private static async Task<ExpectationOutcome> ExpectRetentionAsync(Run run, ScenarioStep step, string what, Func<string, bool, string, string, ExpectationOutcome> outcome, CancellationToken ct)
    {
        var category = Required(step.Text("category"), "category");
        var who = step.Subject ?? "";
        if (what == "anonymised")
        {
            var counted = (await run.Vault.ReadAnonymousStatisticsAsync(ct)).Where(c => BuiltInTaxonomy.IsAtOrBelow(c.CategoryKey, category)).Sum(c => c.Count);
            var expected = step.Text("count");
            var passed = expected is null ? counted > 0 : counted.ToString(CultureInfo.InvariantCulture) == expected;
            return outcome($"{category} is counted in the anonymous statistics", passed, expected is null ? "counted" : $"{expected} counted", $"{counted} counted");
        }

        var subjectId = run.Subject(step);
        var archived = 0;
        var opened = 0;
        foreach (var archive in await run.Vault.ReadArchivesAsync(subjectId, ct))
        {
            var items = archive.Items.Where(i => i.SubjectId == subjectId && BuiltInTaxonomy.IsAtOrBelow(i.CategoryKey, category)).ToList();
            archived += items.Count;
            if (items.Count > 0 && run.ArchiveKey is { } key)
                opened += key.Open(archive with { Items = items }).Count(v => v.SubjectId == subjectId);
        }

        var live = (await run.Vault.Store.GetRecordsAsync(subjectId, category, ct)).Count(r => r.Sealed is not null && r.ErasedAt is null);
        var actual = $"{live} live, {archived} archived" + (archived > 0 ? $" ({opened} opened with the management private key)" : "");
        return what == "archived"
            ? outcome($"{who}: {category} is archived, readable only with the management key", live == 0 && archived > 0 && opened == archived, "0 live, archived", actual)
            : outcome($"{who}: {category} is gone", live == 0 && archived == 0, "0 live, 0 archived", actual);
    }
}
