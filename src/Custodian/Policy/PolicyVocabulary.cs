using System.Collections.Frozen;

namespace Custodian.Policy;

/// <summary>The words a policy file uses for enumerations, in one place so loader, docs and renderer agree.</summary>
public static class PolicyVocabulary
{
    /// <summary>Legal bases by their YAML name.</summary>
    public static FrozenDictionary<string, LegalBasis> LegalBases { get; } = new Dictionary<string, LegalBasis>
    {
        ["consent"] = LegalBasis.Consent,
        ["contract"] = LegalBasis.Contract,
        ["legal_obligation"] = LegalBasis.LegalObligation,
        ["vital_interest"] = LegalBasis.VitalInterest,
        ["public_task"] = LegalBasis.PublicTask,
        ["legitimate_interest"] = LegalBasis.LegitimateInterest,
    }.ToFrozenDictionary();

    /// <summary>Recipient roles by their YAML name.</summary>
    public static FrozenDictionary<string, RecipientRole> RecipientRoles { get; } = new Dictionary<string, RecipientRole>
    {
        ["processor"] = RecipientRole.Processor,
        ["controller"] = RecipientRole.Controller,
        ["partner"] = RecipientRole.Partner,
        ["authority"] = RecipientRole.Authority,
        ["adviser"] = RecipientRole.Adviser,
    }.ToFrozenDictionary();

    /// <summary>Transfer mechanisms by their YAML name.</summary>
    public static FrozenDictionary<string, TransferMechanism> TransferMechanisms { get; } = new Dictionary<string, TransferMechanism>
    {
        ["none"] = TransferMechanism.None,
        ["adequacy"] = TransferMechanism.Adequacy,
        ["scc"] = TransferMechanism.StandardContractualClauses,
        ["bcr"] = TransferMechanism.BindingCorporateRules,
        ["dpf"] = TransferMechanism.DataPrivacyFramework,
        ["privacy_shield"] = TransferMechanism.PrivacyShield,
    }.ToFrozenDictionary();

    /// <summary>Transfer rules by their YAML name.</summary>
    public static FrozenDictionary<string, TransferRule> TransferRules { get; } = new Dictionary<string, TransferRule>
    {
        ["mechanism_required"] = TransferRule.MechanismRequired,
        ["eu_only"] = TransferRule.EuOnly,
        ["eea_only"] = TransferRule.EeaOnly,
    }.ToFrozenDictionary();

    /// <summary>Retention anchors by their YAML name.</summary>
    public static FrozenDictionary<string, RetentionAnchor> RetentionAnchors { get; } = new Dictionary<string, RetentionAnchor>
    {
        ["collected"] = RetentionAnchor.Collected,
        ["consent_given"] = RetentionAnchor.ConsentGiven,
        ["relationship_ended"] = RetentionAnchor.RelationshipEnded,
        ["fiscal_year_end"] = RetentionAnchor.FiscalYearEnd,
        ["contest_ended"] = RetentionAnchor.ContestEnded,
        ["transaction"] = RetentionAnchor.Transaction,
        ["warranty_ended"] = RetentionAnchor.WarrantyEnded,
        ["last_activity"] = RetentionAnchor.LastActivity,
    }.ToFrozenDictionary();

    /// <summary>Retention actions by their YAML name.</summary>
    public static FrozenDictionary<string, RetentionAction> RetentionActions { get; } = new Dictionary<string, RetentionAction>
    {
        ["delete"] = RetentionAction.Delete,
        ["anonymise"] = RetentionAction.Anonymise,
        ["archive"] = RetentionAction.Archive,
    }.ToFrozenDictionary();

    /// <summary>Rights by their YAML name.</summary>
    public static FrozenDictionary<string, DataSubjectRight> Rights { get; } = new Dictionary<string, DataSubjectRight>
    {
        ["information"] = DataSubjectRight.Information,
        ["access"] = DataSubjectRight.Access,
        ["rectification"] = DataSubjectRight.Rectification,
        ["erasure"] = DataSubjectRight.Erasure,
        ["restriction"] = DataSubjectRight.Restriction,
        ["portability"] = DataSubjectRight.Portability,
        ["objection"] = DataSubjectRight.Objection,
        ["withdraw_consent"] = DataSubjectRight.WithdrawConsent,
        ["automated_decisions"] = DataSubjectRight.AutomatedDecisions,
        ["complaint"] = DataSubjectRight.Complaint,
    }.ToFrozenDictionary();

    /// <summary>Art. 9(2) conditions by their YAML name.</summary>
    public static FrozenDictionary<string, SpecialCategoryCondition> SpecialConditions { get; } = new Dictionary<string, SpecialCategoryCondition>
    {
        ["explicit_consent"] = SpecialCategoryCondition.ExplicitConsent,
        ["employment"] = SpecialCategoryCondition.Employment,
        ["vital_interests"] = SpecialCategoryCondition.VitalInterests,
        ["not_for_profit_body"] = SpecialCategoryCondition.NotForProfitBody,
        ["made_public"] = SpecialCategoryCondition.MadePublic,
        ["legal_claims"] = SpecialCategoryCondition.LegalClaims,
        ["substantial_public_interest"] = SpecialCategoryCondition.SubstantialPublicInterest,
        ["health_or_social_care"] = SpecialCategoryCondition.HealthOrSocialCare,
        ["public_health"] = SpecialCategoryCondition.PublicHealth,
        ["archiving"] = SpecialCategoryCondition.Archiving,
    }.ToFrozenDictionary();

    /// <summary>Category flags by their YAML name.</summary>
    public static FrozenDictionary<string, CategorySensitivity> Flags { get; } = new Dictionary<string, CategorySensitivity>
    {
        ["special"] = CategorySensitivity.Special,
        ["national_id"] = CategorySensitivity.NationalId,
        ["secret"] = CategorySensitivity.Secret,
        ["payment_card"] = CategorySensitivity.PaymentCard,
    }.ToFrozenDictionary();

    /// <summary>Parses one flag name.</summary>
    public static CategorySensitivity? ParseFlag(string name) => Flags.TryGetValue(name, out var flag) ? flag : null;

    /// <summary>The YAML name of an enumeration value, for rendering diffs and docs.</summary>
    public static string NameOf<T>(FrozenDictionary<string, T> vocabulary, T value)
        where T : struct, Enum =>
        vocabulary.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;

    /// <summary>Countries of the EU (ISO 3166-1 alpha-2).</summary>
    public static FrozenSet<string> EuCountries { get; } = new[]
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    }.ToFrozenSet();

    /// <summary>Countries of the EEA: the EU plus Iceland, Liechtenstein and Norway.</summary>
    public static FrozenSet<string> EeaCountries { get; } = EuCountries.Concat(["IS", "LI", "NO"]).ToFrozenSet();

    /// <summary>
    /// Countries with an EU adequacy decision (Art. 45) as of 2025; the US is covered only for
    /// organisations certified under the Data Privacy Framework, which a policy names as <c>dpf</c>.
    /// </summary>
    public static FrozenSet<string> AdequateCountries { get; } = new[]
    {
        "AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY",
    }.ToFrozenSet();

    /// <summary>
    /// Jurisdictions whose e-privacy law needs prior consent for marketing email to people who are not existing customers.
    /// </summary>
    public static FrozenSet<string> EmailMarketingConsentJurisdictions { get; } =
        EeaCountries.Concat(["EU", "EEA", "GB", "CH", "CA"]).ToFrozenSet();
}
