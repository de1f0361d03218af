using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>The wording each language supplies, section by section, in the order the statement reads.</summary>
public abstract partial class StatementText
{
    // Each member is named for the sentence it holds; the language subclasses show the wording itself.
    // Document
    public abstract string Title { get; }
    public abstract string Contents { get; }
    public abstract string Intro(string controller);
    public abstract string VersionLine(string version, DateOnly effective);
    public abstract string FormatDate(DateOnly day);

    // Contact details
    public abstract string AddressLabel { get; }
    public abstract string RegistrationLabel { get; }
    public abstract string EmailLabel { get; }
    public abstract string PhoneLabel { get; }
    public abstract string WebsiteLabel { get; }
    public abstract string Country(string code);

    // Who we are, DPO
    public abstract string WhoHeading { get; }
    public abstract string Who(string controller);
    public abstract string DpoHeading { get; }
    public abstract string Dpo(string name);

    // What we collect
    public abstract string CollectHeading { get; }
    public abstract string CollectIntro { get; }
    public abstract string DataHeader { get; }
    public abstract string UsedForHeader { get; }
    public abstract string Group(CategoryGroup group);

    // Purposes and legal bases
    public abstract string PurposesHeading { get; }
    public abstract string PurposesIntro { get; }
    public abstract string LegalBasisLabel { get; }
    public abstract string Basis(LegalBasis basis);
    public abstract string InterestLabel { get; }
    public abstract string DataUsedLabel { get; }
    public abstract string YourChoiceLabel { get; }
    public abstract string ConsentWithdrawal { get; }
    public abstract string ExplicitConsent { get; }
    public abstract string Objection { get; }
    public abstract string DirectMarketingObjection { get; }
    public abstract string NoOptOut { get; }
    public abstract string ExistingCustomersOnly { get; }
    public abstract string DurationLabel { get; }
    public abstract string AfterContract(IsoPeriod period, string? kind);
    public abstract string RequiredLabel { get; }
    public abstract string Required(string data, LegalBasis basis);
    public abstract string SharedWithLabel { get; }

    // Special categories
    public abstract string SpecialHeading { get; }
    public abstract string SpecialIntro { get; }
    public abstract string PurposeHeader { get; }
    public abstract string ConditionHeader { get; }
    public abstract string Condition(SpecialCategoryCondition condition);

    // Recipients, sale, transfers
    public abstract string RecipientsHeading { get; }
    public abstract string RecipientsIntro { get; }
    public abstract string NoRecipients { get; }
    public abstract string AllNeedAuthorisation { get; }
    public abstract string RecipientHeader { get; }
    public abstract string RoleHeader { get; }
    public abstract string ReceivesHeader { get; }
    public abstract string CountryHeader { get; }
    public abstract string SafeguardHeader { get; }
    public abstract string Role(RecipientRole role);
    public abstract string Receives(string data, string purposes);
    public abstract string OnlyWithAuthorisation { get; }
    public abstract string Mechanism(TransferMechanism mechanism, bool insideEea);
    public abstract string SaleNever { get; }
    public abstract string TransfersHeading { get; }
    public abstract string NoTransfers(TransferRule rule);
    public abstract string TransfersIntro { get; }

    // Permissions
    public abstract string PermissionsHeading { get; }
    public abstract string PermissionsIntro { get; }
    public abstract string PermissionHeader { get; }
    public abstract string WhyWeAskHeader { get; }

    // Retention
    public abstract string RetentionHeading { get; }
    public abstract string RetentionIntro { get; }
    public abstract string HowLongHeader { get; }
    public abstract string ThenHeader { get; }
    public abstract string AllData { get; }
    public abstract string DataFor(string purposes);
    public abstract string CategoriesFor(string categories, string purposes);
    public abstract string RequiredByLaw { get; }
    public abstract string Action(RetentionAction action);
    public abstract string LegalDutyIntro { get; }
    public abstract string Dispute { get; }
    public abstract string OtherData { get; }

    // Rights
    public abstract string RightsHeading { get; }
    public abstract string RightsIntro { get; }
    public abstract (string Label, string Text) Right(DataSubjectRight right, string authority);
    public abstract string HowToHeading { get; }
    public abstract string HowTo(string channels);
    public abstract string ResponseTime(IsoPeriod period);
    public abstract string Extension(IsoPeriod period);
    public abstract string VerifyIdentity { get; }
    public abstract string FreeOfCharge { get; }

    // Automated decisions, cookies, children, changes, contact, complaint
    public abstract string AutomatedHeading { get; }
    public abstract string NoAutomatedDecisions { get; }
    public abstract string AutomatedDecisionsUsed { get; }
    public abstract string AutomatedDecisionRights { get; }
    public abstract string CookiesHeading { get; }
    public abstract string CookiesIntro { get; }
    public abstract string CookieCategoryHeader { get; }
    public abstract string CookieWhatHeader { get; }
    public abstract string CookieRequired { get; }
    public abstract string CookieOptional { get; }
    public abstract string ChildrenHeading { get; }
    public abstract string Children(int minimumAge, bool guardianConsent);
    public abstract string ChangesHeading { get; }
    public abstract string Changes(IsoPeriod notice, IReadOnlyList<string> channels);
    public abstract string ContactHeading { get; }
    public abstract string Contact(string controller);
    public abstract string ComplaintHeading { get; }
    public abstract string Complaint(string authority);
}
