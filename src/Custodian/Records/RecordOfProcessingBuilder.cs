using System.Collections.Immutable;
using Custodian.Policy;
using Custodian.Statement;
using Custodian.Taxonomy;

namespace Custodian.Records;

/// <summary>Derives the Art. 30 record of processing activities from a compiled policy, in English.</summary>
public static class RecordOfProcessingBuilder
{
    /// <summary>The technical and organisational measures Custodian applies to every record, whatever the policy.</summary>
    public const string SecurityMeasures =
        "AES-256-GCM envelope encryption of every value (a data key per person, wrapped by a master key kept outside the database); "
        + "lookups by keyed blind indexes (HMAC) instead of plain values; every read checked against the declared purpose, legal basis and recipient; "
        + "SHA-256 hash-chained audit log of every decision, change and request, with signed checkpoints; erasure by destroying the person's key (crypto-shredding).";

    private const string Language = "en";

    /// <summary>Builds the record: one activity per purpose, in the policy's order.</summary>
    public static RecordOfProcessing Build(CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var document = policy.Document;
        var activities = document.Purposes.Select(purpose => Activity(policy, purpose)).ToImmutableArray();
        return new RecordOfProcessing(document.Id, document.Version, document.Effective, Party(document.Controller), document.Dpo is { } dpo ? Party(dpo) : null, activities);
    }

    /// <summary>The categories of data subjects a purpose concerns, derived from its kind and legal basis.</summary>
    public static ImmutableArray<string> DataSubjectsOf(PurposeDefinition purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        if (purpose.Key.StartsWith("marketing", StringComparison.Ordinal)) return ["Customers", "Prospective customers"];
        if (purpose.Key.StartsWith("analytics", StringComparison.Ordinal)) return ["Users of our websites and apps"];
        if (purpose.Basis == LegalBasis.Contract || purpose.Key.StartsWith("essential", StringComparison.Ordinal) || purpose.Key.StartsWith("finance", StringComparison.Ordinal))
            return ["Customers"];
        return ["Customers", "Users"];
    }

    /// <summary>Whether a retention rule applies to a purpose: it names the purpose (or none) and its categories overlap the purpose's (or it names none).</summary>
    public static bool Applies(RetentionRule rule, PurposeDefinition purpose)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(purpose);
        var purposeMatches = rule.Purposes.IsEmpty || rule.Purposes.Contains(purpose.Key);
        var categoriesMatch = rule.Categories.IsEmpty || rule.Categories.Any(r => purpose.Categories.Any(c => BuiltInTaxonomy.IsAtOrBelow(r, c) || BuiltInTaxonomy.IsAtOrBelow(c, r)));
        return purposeMatches && categoriesMatch;
    }

    /// <summary>A legal basis with its Art. 6(1) letter.</summary>
    public static string BasisCitation(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "Art. 6(1)(a) consent",
        LegalBasis.Contract => "Art. 6(1)(b) contract",
        LegalBasis.LegalObligation => "Art. 6(1)(c) legal obligation",
        LegalBasis.VitalInterest => "Art. 6(1)(d) vital interests",
        LegalBasis.PublicTask => "Art. 6(1)(e) public task",
        _ => "Art. 6(1)(f) legitimate interests",
    };

    /// <summary>An Art. 9(2) condition with its letter.</summary>
    public static string ConditionCitation(SpecialCategoryCondition condition) => condition switch
    {
        SpecialCategoryCondition.Employment => "Art. 9(2)(b) employment and social security law",
        SpecialCategoryCondition.VitalInterests => "Art. 9(2)(c) vital interests",
        SpecialCategoryCondition.NotForProfitBody => "Art. 9(2)(d) not-for-profit body",
        SpecialCategoryCondition.MadePublic => "Art. 9(2)(e) made public by the data subject",
        SpecialCategoryCondition.LegalClaims => "Art. 9(2)(f) legal claims",
        SpecialCategoryCondition.SubstantialPublicInterest => "Art. 9(2)(g) substantial public interest",
        SpecialCategoryCondition.HealthOrSocialCare => "Art. 9(2)(h) health or social care",
        SpecialCategoryCondition.PublicHealth => "Art. 9(2)(i) public health",
        SpecialCategoryCondition.Archiving => "Art. 9(2)(j) archiving, research or statistics",
        _ => "Art. 9(2)(a) explicit consent",
    };

    private static ProcessingActivity Activity(CompiledPolicy policy, PurposeDefinition purpose)
    {
        var compiled = policy.Purposes.First(p => p.Key == purpose.Key);
        var special = compiled.Categories.Members().Any(id => policy.Categories[id].Sensitivity.HasFlag(CategorySensitivity.Special));
        var text = StatementText.En;
        var recipients = policy.Document.Recipients
            .Where(r => r.Purposes.Contains(purpose.Key))
            .Select(r => new RecordRecipient(
                r.Key, r.Name, PolicyVocabulary.NameOf(PolicyVocabulary.RecipientRoles, r.Role), r.Country,
                PolicyVocabulary.NameOf(PolicyVocabulary.TransferMechanisms, r.Mechanism), !Transfers.IsInsideEea(r.Country), r.NeedsAuthorisation))
            .ToImmutableArray();
        var retention = policy.Document.Retention.Rules
            .Where(rule => Applies(rule, purpose))
            .Select(rule => new RecordRetention(rule.Id, text.RetentionPeriod(rule), rule.Keep.ToString(), PolicyVocabulary.NameOf(PolicyVocabulary.RetentionActions, rule.Action), rule.LegalDuty))
            .ToImmutableArray();
        return new ProcessingActivity(
            purpose.Key,
            purpose.Name.Get(Language) ?? purpose.Key,
            BasisCitation(purpose.Basis),
            special ? ConditionCitation(purpose.SpecialCondition) : null,
            purpose.Categories.Select(key => $"{CategoryName(policy, key)} ({key})").ToImmutableArray(),
            DataSubjectsOf(purpose),
            recipients,
            retention,
            SecurityMeasures);
    }

    private static string CategoryName(CompiledPolicy policy, string key) =>
        policy.TryGetCategory(key, out var id) ? policy.Category(id).Name.Get(Language) ?? key : key;

    private static string Party(Party party) =>
        string.Join(", ", new[] { party.Name, party.Address, party.Registration, party.Email, party.Phone }.OfType<string>());
}
