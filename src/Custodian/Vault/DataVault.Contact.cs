using Custodian.Audit;
using Custodian.Crypto;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// The person's email address and language for a notice the law requires (a breach, Art. 34; a material change of the
    /// statement, Art. 12–13): read from their newest live email record whatever purpose it was collected for, because the
    /// duty to tell them does not depend on a purpose; every such read is audited with the notice it served. Null when
    /// there is no address.
    /// </summary>
    public async Task<(string Address, string Language)?> ContactForNoticeAsync(string subjectId, string notice, string actor, CancellationToken cancellationToken)
    {
        var records = await _store.GetRecordsAsync(subjectId, null, cancellationToken);
        var email = records.LastOrDefault(r => r.CategoryKey == "user.contact.email" && r.Sealed is not null && r.ErasedAt is null);
        if (email is null) return null;
        using var sealer = await SubjectSealerAsync(email.EffectiveKeyOwnerId, cancellationToken);
        if (sealer is null) return null;
        var address = sealer.OpenString(email.Sealed!, new SealBinding(email.EffectiveKeyOwnerId, email.CategoryKey, email.RecordId));
        var languageRecord = records.LastOrDefault(r => r.CategoryKey == "user.demographic.language" && r.Sealed is not null && r.ErasedAt is null);
        var language = Policy.Document.Languages[0];
        if (languageRecord is not null)
        {
            var stated = sealer.OpenString(languageRecord.Sealed!, new SealBinding(languageRecord.EffectiveKeyOwnerId, languageRecord.CategoryKey, languageRecord.RecordId)).Trim().ToLowerInvariant();
            var code = stated.Length >= 2 ? stated[..2] : stated;
            if (Policy.Document.Languages.Contains(code)) language = code;
        }

        await AuditAsync(new AuditEntry(_clock.GetUtcNow(), actor, "contact.read") { SubjectId = subjectId, Categories = ["user.contact.email"], ReasonCodes = [notice] }, cancellationToken);
        return (address, language);
    }

    /// <summary>
    /// Composes a legal notice for each person with an address on file, in their language; people without one are counted
    /// so the officer can reach them another way.
    /// </summary>
    private async Task<(List<(string SubjectId, Notifications.RenderedMessage Message, string Language)> Messages, int WithoutAddress)> ComposeNoticesAsync(
        IEnumerable<string> subjectIds, string notice, Func<string, (string Subject, string Body)> compose, string actor, CancellationToken cancellationToken)
    {
        var messages = new List<(string, Notifications.RenderedMessage, string)>();
        var withoutAddress = 0;
        foreach (var subjectId in subjectIds)
        {
            // A record merged into another, or a person erased, is no one to write to.
            if (await _store.GetSubjectAsync(subjectId, cancellationToken) is not { MergedInto: null, ShreddedAt: null }) continue;
            if (await ContactForNoticeAsync(subjectId, notice, actor, cancellationToken) is not { } to)
            {
                withoutAddress++;
                continue;
            }

            var (subject, body) = compose(to.Language);
            messages.Add((subjectId, new Notifications.RenderedMessage(to.Address, subject, body), to.Language));
        }

        return (messages, withoutAddress);
    }
}
