using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>
/// A policy file as written, with the location of every part, before it is checked and compiled.
/// The checker reads this; the decision engine reads the <see cref="CompiledPolicy"/> made from it.
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>The file the policy came from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>A short stable id for the policy (<c>cekura</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The policy's own version label (<c>2024.1</c>).</summary>
    public required string Version { get; init; }

    /// <summary>The day this version takes effect.</summary>
    public required DateOnly Effective { get; init; }

    /// <summary>The languages the statement is published in; the first is the default.</summary>
    public required ImmutableArray<string> Languages { get; init; }

    /// <summary>ISO 3166 country of the controller's main establishment (<c>DK</c>, <c>US</c>).</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Regions or countries whose people the policy serves (<c>EU</c>, <c>US</c>), for rules that depend on local law.</summary>
    public ImmutableArray<string> Markets { get; init; } = [];

    /// <summary>Who is responsible for the processing.</summary>
    public required Party Controller { get; init; }

    /// <summary>The data protection officer, where one is named.</summary>
    public Party? Dpo { get; init; }

    /// <summary>The supervisory authority a person may complain to.</summary>
    public required Party Authority { get; init; }

    /// <summary>Categories the policy declares or describes (own keys and built-in keys it names).</summary>
    public ImmutableArray<CategoryDefinition> Categories { get; init; } = [];

    /// <summary>Why data is used.</summary>
    public ImmutableArray<PurposeDefinition> Purposes { get; init; } = [];

    /// <summary>Who receives data.</summary>
    public ImmutableArray<RecipientDefinition> Recipients { get; init; } = [];

    /// <summary>What transfers out of the EU/EEA the policy allows (CU5).</summary>
    public TransferRule TransferRule { get; init; } = TransferRule.MechanismRequired;

    /// <summary>Where the transfer rule was written, if it was.</summary>
    public SourceLocation TransferRuleLocation { get; init; } = SourceLocation.None;

    /// <summary>True when the policy promises that personal data is never sold or shared for sale (CK2).</summary>
    public bool SaleNever { get; init; }

    /// <summary>App and device permissions, each a consent of its own that gates categories (CR2).</summary>
    public ImmutableArray<PermissionDefinition> Permissions { get; init; } = [];

    /// <summary>Retention rules and the financial year they count with.</summary>
    public required RetentionDefinition Retention { get; init; }

    /// <summary>The rights offered and how requests are answered.</summary>
    public required RightsDefinition Rights { get; init; }

    /// <summary>Minimum age and guardian consent (CR12).</summary>
    public ChildrenDefinition Children { get; init; } = new(null, false, SourceLocation.None);

    /// <summary>Cookie categories for the banner and the statement (CK12).</summary>
    public ImmutableArray<CookieCategory> Cookies { get; init; } = [];

    /// <summary>Whether solely automated decisions with legal effect are made (IS5).</summary>
    public required AutomatedDecisionDefinition AutomatedDecisions { get; init; }

    /// <summary>How material changes are announced (CK14, CR13).</summary>
    public required ChangesDefinition Changes { get; init; }

    /// <summary>k for anonymous statistics: groups smaller than this are suppressed.</summary>
    public int StatisticsMinimumGroup { get; init; } = 10;

    /// <summary>Where the policy's header starts.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>A named party in the statement: controller, DPO or supervisory authority.</summary>
public sealed record Party(
    string Name,
    string? Address,
    string? Registration,
    string? Email,
    string? Phone,
    string? Url,
    string? Country,
    SourceLocation Location);

/// <summary>A category the policy names: an own key below a built-in one, or a built-in key with the policy's wording.</summary>
public sealed record CategoryDefinition(
    string Key,
    LocalizedText Name,
    LocalizedText Description,
    CategorySensitivity Flags,
    SourceLocation Location);

/// <summary>A purpose with one legal basis and the categories it may use.</summary>
public sealed record PurposeDefinition
{
    /// <summary>Dotted key: a fideslang data use or an own key below one.</summary>
    public required string Key { get; init; }

    /// <summary>Plain-words name per language.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Plain-words explanation per language.</summary>
    public LocalizedText Description { get; init; } = LocalizedText.Empty;

    /// <summary>The one legal basis.</summary>
    public required LegalBasis Basis { get; init; }

    /// <summary>Categories this purpose may use (a key covers the keys below it).</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>Categories a person must give for this purpose (CU7).</summary>
    public ImmutableArray<string> Required { get; init; } = [];

    /// <summary>For a contract basis: the relationship kind whose life the purpose follows (<c>subscription</c>).</summary>
    public string? ContractKind { get; init; }

    /// <summary>For a contract basis: how long after the relationship ends the purpose still holds.</summary>
    public IsoPeriod? AfterContract { get; init; }

    /// <summary>For a consent basis: whether the consent must be explicit (required for special categories).</summary>
    public bool ExplicitConsent { get; init; }

    /// <summary>For special categories: the Art. 9(2) condition.</summary>
    public SpecialCategoryCondition SpecialCondition { get; init; }

    /// <summary>For legitimate interest: the interest pursued, in plain words (Art. 13(1)(d)).</summary>
    public LocalizedText Interest { get; init; } = LocalizedText.Empty;

    /// <summary>Whether the person may switch the purpose off (false for transactional messages, CE10).</summary>
    public bool OptOut { get; init; } = true;

    /// <summary>For a legitimate-interest marketing purpose: only for existing customers (ePrivacy soft opt-in).</summary>
    public bool ExistingCustomersOnly { get; init; }

    /// <summary>True for a purpose that keeps data only for storage or legal claims, still allowed under restriction.</summary>
    public bool AllowedUnderRestriction { get; init; }

    /// <summary>Where the purpose is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where each listed category reference is written, parallel to <see cref="Categories"/>.</summary>
    public ImmutableArray<SourceLocation> CategoryLocations { get; init; } = [];
}

/// <summary>Someone who receives data, for which purposes and categories, and from where.</summary>
public sealed record RecipientDefinition
{
    /// <summary>The recipient's key in the policy (<c>stripe</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The recipient's name as published.</summary>
    public required string Name { get; init; }

    /// <summary>What the recipient does for or with the data.</summary>
    public LocalizedText Description { get; init; } = LocalizedText.Empty;

    /// <summary>Processor, controller, partner, authority or adviser.</summary>
    public required RecipientRole Role { get; init; }

    /// <summary>ISO 3166 country where the recipient processes the data.</summary>
    public required string Country { get; init; }

    /// <summary>The transfer mechanism for a country outside the EU/EEA.</summary>
    public TransferMechanism Mechanism { get; init; }

    /// <summary>The purposes the recipient may receive data for.</summary>
    public ImmutableArray<string> Purposes { get; init; } = [];

    /// <summary>The categories the recipient may receive.</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>Whether the person's own prior authorisation is needed for each disclosure (CU4), or a link they switch on (CK6, CR6).</summary>
    public bool NeedsAuthorisation { get; init; }

    /// <summary>Where the recipient is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Where the mechanism is written.</summary>
    public SourceLocation MechanismLocation { get; init; } = SourceLocation.None;
}

/// <summary>An app or device permission: itself a consent, gating the categories it names (CR2).</summary>
public sealed record PermissionDefinition(
    string Key,
    LocalizedText Name,
    LocalizedText Description,
    ImmutableArray<string> Gates,
    string? ApproximateCategory,
    double? ApproximatePrecisionKm,
    SourceLocation Location);

/// <summary>The retention rules and the financial year they count with.</summary>
public sealed record RetentionDefinition(
    int FiscalYearEndMonth,
    int FiscalYearEndDay,
    ImmutableArray<RetentionRule> Rules);

/// <summary>How long data in scope is kept, counted from which moment, and what happens then.</summary>
public sealed record RetentionRule
{
    /// <summary>A stable id for the rule, named in decisions and the statement.</summary>
    public required string Id { get; init; }

    /// <summary>Categories in scope (a key covers those below it); empty means every category of the purposes.</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>Purposes in scope; empty means any purpose.</summary>
    public ImmutableArray<string> Purposes { get; init; } = [];

    /// <summary>How long.</summary>
    public required IsoPeriod Keep { get; init; }

    /// <summary>Counted from.</summary>
    public required RetentionAnchor From { get; init; }

    /// <summary>For <see cref="RetentionAnchor.RelationshipEnded"/>: the relationship kind; for <see cref="RetentionAnchor.FiscalYearEnd"/>: the event.</summary>
    public string? AnchorKind { get; init; }

    /// <summary>Delete, anonymise or archive.</summary>
    public RetentionAction Action { get; init; } = RetentionAction.Delete;

    /// <summary>Kept under a legal duty (bookkeeping): survives erasure under the hold key (CK9, IS8, CU6).</summary>
    public bool LegalDuty { get; init; }

    /// <summary>Plain-words explanation per language.</summary>
    public LocalizedText Description { get; init; } = LocalizedText.Empty;

    /// <summary>Where the rule is written.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>The rights offered and how a request is answered.</summary>
public sealed record RightsDefinition(
    ImmutableArray<DataSubjectRight> Offered,
    IsoPeriod ResponseTime,
    IsoPeriod? Extension,
    bool VerifyIdentity,
    string? ContactEmail,
    string? ContactUrl,
    SourceLocation Location);

/// <summary>The minimum age and whether a guardian can consent for a younger person (CR12).</summary>
public sealed record ChildrenDefinition(int? MinimumAge, bool GuardianConsent, SourceLocation Location)
{
    /// <summary>True when the policy writes <c>guardian_consent</c> at all, so <c>false</c> is a decision, not an omission.</summary>
    public bool GuardianConsentStated { get; init; }
}

/// <summary>A cookie category shown by the banner and the statement.</summary>
public sealed record CookieCategory(
    string Key,
    LocalizedText Name,
    LocalizedText Description,
    bool Required,
    bool SaleOrSharing,
    string? Purpose,
    SourceLocation Location);

/// <summary>Whether solely automated decisions with legal or similar effect are made (Art. 22, IS5).</summary>
public sealed record AutomatedDecisionDefinition(bool Used, LocalizedText Description, SourceLocation Location);

/// <summary>How material changes are announced before they take effect (CK14, CR13, CU9).</summary>
public sealed record ChangesDefinition(IsoPeriod NoticePeriod, ImmutableArray<string> Channels, SourceLocation Location);
