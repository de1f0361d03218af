using System.Globalization;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>
    /// Signs a person up: registers them, records the consents they gave on the form and collects the values they entered
    /// for a purpose, in one transaction. Each step is decided and audited as <see cref="CreateSubjectAsync"/>,
    /// <see cref="RecordConsentAsync"/> and <see cref="CollectAsync"/> would do it, the collection decided on the consents
    /// just given; if anything fails nothing is stored, so no person is left half registered or without their consents.
    /// </summary>
    /// <param name="subject">The person's lookup keys and birth date, as for <see cref="CreateSubjectAsync"/>.</param>
    /// <param name="consents">The consents given on the form (none is fine).</param>
    /// <param name="purposeKey">The purpose the values are collected for.</param>
    /// <param name="values">The values entered (none is fine).</param>
    /// <param name="actor">Who signs the person up.</param>
    /// <param name="cancellationToken">Cancels the sign-up before it commits.</param>
    public async Task<EnrollResult> EnrollAsync(NewSubject subject, IReadOnlyList<EnrollConsent> consents, string purposeKey, IReadOnlyList<CollectValue> values, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(values);
        var policy = _policy;
        var purpose = ResolvePurpose(purposeKey);
        var categories = values.Select(v => ResolveCategory(v.CategoryKey)).ToArray();
        for (var i = 0; i < consents.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(consents[i]);
            CheckConsentCodes(consents[i].Method, consents[i].Evidence, $"/consents/{i}");
        }

        var kinds = consents.Select(ConsentKindOf).ToArray();
        var now = _clock.GetUtcNow();
        CheckBirthDate(subject, now);
        var subjectId = Ids.NewSubjectId();
        var lookups = await FreeLookupIndexesAsync(subject, cancellationToken);

        var entries = consents.Select((c, i) => new ConsentEntry(Ids.New("cns"), subjectId, c.Key, kinds[i], true, c.IsExplicit, Policy.Document.Version, c.Method, c.Evidence, now)
        {
            Controller = Policy.Document.Controller.Name,
            LegalBasis = "consent",
            RecordedAt = now,
        }).ToList();
        var facts = new SubjectFacts
        {
            SubjectId = subjectId,
            BirthDate = subject.BirthDate,
            Consents = [.. entries.Where(e => e.Kind != ConsentKind.Cookie).Select(e => new ConsentFact(e.Key, e.Kind == ConsentKind.Permission, true, e.Explicit, now))],
        };
        var snapshot = SubjectSnapshot.Build(policy.Compiled, facts, now, _reconsentSince);

        using var key = _keys.CreateSubjectKey(subjectId);
        using var sealer = key.CreateSealer();
        var birthDate = subject.BirthDate is { } born ? sealer.Seal(born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BirthDateBinding(subjectId)) : null;
        var (records, stored, refused) = SealValues(policy, snapshot, purpose, purposeKey, values, categories, subjectId, sealer, now);

        // Expiries planned on what the person will hold once this commits: these records and the purpose consents given.
        var anchors = new RetentionSubject
        {
            SubjectId = subjectId,
            Consents = [.. entries.Where(e => e.Kind == ConsentKind.Purpose).Select(e => new RetentionConsent(e.Key, true, now))],
        };
        PlanNewRecords(anchors, records, now);
        IReadOnlyList<string> missingRequired = RequiredNotGiven(policy.Compiled.Purpose(purpose).Definition, values);

        await using var tx = await _store.BeginAsync(cancellationToken);
        await WriteNewSubjectAsync(tx, subjectId, key, birthDate, lookups, actor, now, cancellationToken);
        foreach (var entry in entries)
        {
            await tx.AppendConsentAsync(entry, cancellationToken);
            await tx.AppendAuditAsync(ConsentAudit(entry, actor), cancellationToken);
        }

        if (records.Count > 0) await tx.WriteRecordsAsync(records, cancellationToken);
        await tx.AppendAuditAsync(RecordWriteAudit(subjectId, purposeKey, records, refused, actor, now), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new EnrollResult(subjectId, entries, new CollectResult(stored, refused) { MissingRequired = missingRequired });
    }

    /// <summary>Which ledger a sign-up consent belongs to, checked against the policy as <see cref="RecordConsentAsync"/> checks it.</summary>
    private ConsentKind ConsentKindOf(EnrollConsent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (consent.IsPermission)
        {
            ResolvePermission(consent.Key);
            return ConsentKind.Permission;
        }

        if (consent.Key.StartsWith(CookieKeyPrefix, StringComparison.Ordinal))
        {
            ResolveCookieCategory(consent.Key[CookieKeyPrefix.Length..]);
            return ConsentKind.Cookie;
        }

        ResolvePurpose(consent.Key);
        return ConsentKind.Purpose;
    }

    /// <summary>The audit entry of a consent change, the same for a sign-up as for <see cref="RecordConsentAsync"/>.</summary>
    private static AuditEntry ConsentAudit(ConsentEntry entry, string actor) => new(entry.At, actor, "consent.change")
    {
        SubjectId = entry.SubjectId,
        Purpose = entry.Kind == ConsentKind.Purpose ? entry.Key : null,
        Details = new Dictionary<string, string>
        {
            ["kind"] = entry.Kind.ToString().ToLowerInvariant(),
            ["key"] = entry.Key,
            ["given"] = entry.Given ? "true" : "false",
            ["explicit"] = entry.Explicit ? "true" : "false",
            ["consent"] = entry.ConsentId,
        },
    };
}
