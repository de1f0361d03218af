namespace Custodian.Policy;

/// <summary>
/// The stable codes of policy diagnostics. CUS1xx come from reading the file, CUS2xx from checking what it promises.
/// Each is explained in docs/policy-reference.md; a code never changes meaning once published.
/// </summary>
public static class PolicyCodes
{
    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "CUS100";

    /// <summary>A key the format does not know (usually a typo).</summary>
    public const string UnknownKey = "CUS101";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "CUS102";

    /// <summary>A value has the wrong shape (a list where a mapping belongs…).</summary>
    public const string WrongShape = "CUS103";

    /// <summary>A value is not one of the allowed words.</summary>
    public const string InvalidChoice = "CUS104";

    /// <summary>A duration is not ISO 8601 (P30D, P2M, P5Y).</summary>
    public const string InvalidDuration = "CUS105";

    /// <summary>A date is not YYYY-MM-DD (or MM-DD for a financial year end).</summary>
    public const string InvalidDate = "CUS106";

    /// <summary>A key or id is written twice.</summary>
    public const string Duplicate = "CUS107";

    /// <summary>A category, purpose, recipient or permission key is not lowercase dotted snake_case.</summary>
    public const string InvalidKeySyntax = "CUS108";

    /// <summary>The <c>custodian:</c> format version is missing or not supported.</summary>
    public const string UnsupportedFormat = "CUS109";

    /// <summary>A number, boolean or country code is not valid.</summary>
    public const string InvalidValue = "CUS110";

    /// <summary>The file cannot be read.</summary>
    public const string Unreadable = "CUS111";

    /// <summary>The file is larger than a policy can be (<see cref="PolicyLoader.MaxFileBytes"/>).</summary>
    public const string TooLarge = "CUS112";

    /// <summary>The file is not UTF-8 text: bytes that are not UTF-8, or a NUL or other control character.</summary>
    public const string NotText = "CUS113";

    /// <summary>The file nests deeper than <see cref="PolicyLoader.MaxDepth"/> levels.</summary>
    public const string TooDeep = "CUS114";

    /// <summary>An anchor or alias the format does not take: a merge key, an alias inside its own anchor, an alias bomb.</summary>
    public const string AliasMisuse = "CUS115";

    /// <summary>The file holds more than one YAML document.</summary>
    public const string SeveralDocuments = "CUS116";

    /// <summary>A purpose, recipient, permission or rule uses a category that is neither built in nor declared.</summary>
    public const string UndeclaredCategory = "CUS201";

    /// <summary>A contract purpose names no contract kind.</summary>
    public const string ContractWithoutKind = "CUS202";

    /// <summary>A special category is used without explicit consent or an Art. 9(2) condition.</summary>
    public const string SpecialCategoryWithoutCondition = "CUS203";

    /// <summary>A transfer outside the EU/EEA has no valid mechanism.</summary>
    public const string TransferWithoutMechanism = "CUS204";

    /// <summary>A transfer goes against the policy's own transfer rule (eu_only).</summary>
    public const string TransferAgainstRule = "CUS205";

    /// <summary>Privacy Shield named as a transfer mechanism: invalid since 16 July 2020.</summary>
    public const string PrivacyShield = "CUS206";

    /// <summary>A category is collected but no retention rule covers it.</summary>
    public const string NoRetention = "CUS207";

    /// <summary>A legitimate-interest purpose but the right to object is not offered.</summary>
    public const string NoObjectionRoute = "CUS208";

    /// <summary>Marketing email on legitimate interest where local law needs consent (warning).</summary>
    public const string MarketingEmailNeedsConsent = "CUS209";

    /// <summary>A reference to an undeclared purpose, recipient, permission or relationship kind.</summary>
    public const string UndeclaredReference = "CUS210";

    /// <summary>A recipient may receive a category that none of its purposes uses.</summary>
    public const string RecipientCategoryOutsidePurposes = "CUS211";

    /// <summary>A sale purpose, or a recipient receiving data for one, in a policy that promises no sale.</summary>
    public const string SaleForbidden = "CUS212";

    /// <summary>A secret category (password) offered to a recipient or a purpose that would return it.</summary>
    public const string SecretDisclosed = "CUS213";

    /// <summary>Text missing in one of the policy's languages (warning).</summary>
    public const string MissingTranslation = "CUS214";

    /// <summary>A retention anchor that needs a kind or event names none.</summary>
    public const string AnchorWithoutKind = "CUS215";

    /// <summary>A minimum age without a guardian-consent setting, or guardian consent without a minimum age (warning).</summary>
    public const string ChildrenIncomplete = "CUS216";

    /// <summary>A required category that the purpose does not list.</summary>
    public const string RequiredNotListed = "CUS217";

    /// <summary>A consent purpose declares it cannot be opted out of: consent can always be withdrawn.</summary>
    public const string ConsentWithoutOptOut = "CUS218";

    /// <summary>
    /// A scenario step names a purpose, category, recipient, permission or cookie category that neither the policy it runs
    /// against nor any policy version the scenario publishes declares.
    /// </summary>
    public const string UndeclaredInScenario = "CUS219";
}
