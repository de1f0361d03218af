using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>The statement's fixed wording in British English.</summary>
internal sealed class EnglishStatementText : StatementText
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public override string Language => "en";

    protected override string AndWord => "and";

    protected override string OrWord => "or";

    protected override string Unit(char unit, bool plural) => unit switch
    {
        'Y' => plural ? "years" : "year",
        'M' => plural ? "months" : "month",
        'W' => plural ? "weeks" : "week",
        _ => plural ? "days" : "day",
    };

    protected override string One(char unit) => "one";

    protected override string UpTo(string period) => $"up to {period}";

    protected override string Until(RetentionAnchor anchor, string? kind) => anchor switch
    {
        RetentionAnchor.RelationshipEnded => $"until {RelationshipEnds(kind)}",
        RetentionAnchor.ContestEnded => "until the contest ends",
        RetentionAnchor.WarrantyEnded => "until the warranty ends",
        RetentionAnchor.Transaction => "until the transaction is completed",
        RetentionAnchor.FiscalYearEnd => $"until the end of the financial year in which {FiscalEvent(kind)}",
        _ => "only as long as we need it for this purpose",
    };

    protected override string Anchor(RetentionAnchor anchor, string? kind) => anchor switch
    {
        RetentionAnchor.Collected => "after we received it",
        RetentionAnchor.ConsentGiven => "after you gave your consent",
        RetentionAnchor.RelationshipEnded => $"after {RelationshipEnds(kind)}",
        RetentionAnchor.FiscalYearEnd => $"from the end of the financial year in which {FiscalEvent(kind)}",
        RetentionAnchor.ContestEnded => "after the contest ends",
        RetentionAnchor.Transaction => "after the transaction",
        RetentionAnchor.WarrantyEnded => "after the warranty ends",
        _ => "after your last contact with us",
    };

    private static string RelationshipEnds(string? kind) => kind switch
    {
        "subscription" => "your subscription ends",
        "account" => "your account is closed",
        "customer" => "you stop being a customer",
        "agreement" or "contract" => "the agreement ends",
        "order" => "the order is completed",
        "service" => "the service agreement ends",
        _ => "the customer relationship ends",
    };

    private static string FiscalEvent(string? kind) => kind switch
    {
        "payment_settled" or "payment" => "the payment was settled",
        "transaction" => "the transaction took place",
        "invoice" or "invoice_issued" => "the invoice was issued",
        "order" => "the order was placed",
        _ => "the event took place",
    };

    public override string Title => "Privacy statement";
    public override string Contents => "Contents";
    public override string Intro(string controller) =>
        $"This statement explains how {controller} collects and uses your personal data: why, on what legal basis, who receives it, how long we keep it and what rights you have.";
    public override string VersionLine(string version, DateOnly effective) => $"Version {version}, in force from {FormatDate(effective)}.";
    public override string FormatDate(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";

    public override string AddressLabel => "Address";
    public override string RegistrationLabel => "Registration number";
    public override string EmailLabel => "Email";
    public override string PhoneLabel => "Phone";
    public override string WebsiteLabel => "Website";
    public override string Country(string code) => CountryNames.English(code);

    public override string WhoHeading => "Who we are";
    public override string Who(string controller) => $"{controller} is the data controller responsible for processing your personal data.";
    public override string DpoHeading => "Data protection officer";
    public override string Dpo(string name) => $"Our data protection officer, {name}, answers questions about how we process personal data.";

    public override string CollectHeading => "What personal data we process";
    public override string CollectIntro => "We only process the personal data we need. Below is every kind of personal data we process and what we use it for.";
    public override string DataHeader => "Personal data";
    public override string UsedForHeader => "What we use it for";
    public override string Group(CategoryGroup group) => group switch
    {
        CategoryGroup.Identity => "About you and how to reach you",
        CategoryGroup.Account => "Your account, orders and payments",
        CategoryGroup.Usage => "How you use our products and services",
        CategoryGroup.Content => "Content and communication",
        CategoryGroup.Special => "Sensitive personal data",
        _ => "Other personal data",
    };

    public override string PurposesHeading => "Why we use your data and on what legal basis";
    public override string PurposesIntro => "We use your personal data only for the purposes below. For each purpose you can see the legal basis in the General Data Protection Regulation (GDPR) that allows it.";
    public override string LegalBasisLabel => "Legal basis";
    public override string Basis(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "Because you have said yes to it (consent, GDPR Art. 6(1)(a)).",
        LegalBasis.Contract => "Because we have an agreement with you, or you have asked us to make one (contract, GDPR Art. 6(1)(b)).",
        LegalBasis.LegalObligation => "Because the law requires us to (legal obligation, GDPR Art. 6(1)(c)).",
        LegalBasis.VitalInterest => "To protect your life or health, or someone else's (vital interests, GDPR Art. 6(1)(d)).",
        LegalBasis.PublicTask => "Because it is needed for a task in the public interest (public task, GDPR Art. 6(1)(e)).",
        _ => "Because we have a legitimate interest in it, which we have weighed against your interests (legitimate interests, GDPR Art. 6(1)(f)).",
    };
    public override string InterestLabel => "Our legitimate interest";
    public override string DataUsedLabel => "Data we use";
    public override string YourChoiceLabel => "Your choice";
    public override string ConsentWithdrawal => "You can withdraw your consent at any time. We then stop using your data for this purpose; what we did before you withdrew it remains lawful.";
    public override string ExplicitConsent => "We ask for your explicit consent before we start.";
    public override string Objection => "You can object to this at any time, and then we stop.";
    public override string DirectMarketingObjection => "You have an unconditional right to object to direct marketing, and we stop as soon as you do.";
    public override string NoOptOut => "You cannot switch this off while you use our service, because we need it to provide the service.";
    public override string ExistingCustomersOnly => "We only do this if you are already our customer.";
    public override string DurationLabel => "For how long";
    public override string AfterContract(IsoPeriod period, string? kind) =>
        $"While you are a customer and for {UpTo(Duration(period))} after {RelationshipEnds(kind)}.";
    public override string RequiredLabel => "Required";
    public override string Required(string data, LegalBasis basis) => basis == LegalBasis.Contract
        ? $"You must give us your {data}. Without them we cannot enter into an agreement with you."
        : $"You must give us your {data}. Without them we cannot do this for you.";
    public override string SharedWithLabel => "Shared with";

    public override string SpecialHeading => "Sensitive personal data";
    public override string SpecialIntro => "Some of the data we process is sensitive (special categories of personal data, GDPR Art. 9). We process it only for the purposes and on the conditions below.";
    public override string PurposeHeader => "Purpose";
    public override string ConditionHeader => "Condition";
    public override string Condition(SpecialCategoryCondition condition) => condition switch
    {
        SpecialCategoryCondition.ExplicitConsent => "Only with your explicit consent (GDPR Art. 9(2)(a))",
        SpecialCategoryCondition.Employment => "Where employment or social security law requires it (GDPR Art. 9(2)(b))",
        SpecialCategoryCondition.VitalInterests => "To protect your life when you cannot consent (GDPR Art. 9(2)(c))",
        SpecialCategoryCondition.NotForProfitBody => "As a member of our not-for-profit organisation (GDPR Art. 9(2)(d))",
        SpecialCategoryCondition.MadePublic => "Only data you have clearly made public yourself (GDPR Art. 9(2)(e))",
        SpecialCategoryCondition.LegalClaims => "To establish, exercise or defend legal claims (GDPR Art. 9(2)(f))",
        SpecialCategoryCondition.SubstantialPublicInterest => "For reasons of substantial public interest set out in law (GDPR Art. 9(2)(g))",
        SpecialCategoryCondition.HealthOrSocialCare => "To provide health or social care (GDPR Art. 9(2)(h))",
        SpecialCategoryCondition.PublicHealth => "For reasons of public health (GDPR Art. 9(2)(i))",
        SpecialCategoryCondition.Archiving => "For archiving, research or statistics with safeguards (GDPR Art. 9(2)(j))",
        _ => "Only with your explicit consent (GDPR Art. 9(2)(a))",
    };

    public override string RecipientsHeading => "Who receives your data";
    public override string RecipientsIntro => "We disclose your personal data only to the recipients below, only for the purposes stated and only the data they need.";
    public override string NoRecipients => "We do not disclose your personal data to anyone else.";
    public override string AllNeedAuthorisation => "We never disclose your personal data to anyone unless you have agreed it with us in advance.";
    public override string RecipientHeader => "Recipient";
    public override string RoleHeader => "Role";
    public override string ReceivesHeader => "What they receive and why";
    public override string CountryHeader => "Country";
    public override string SafeguardHeader => "Safeguard for the transfer";
    public override string Role(RecipientRole role) => role switch
    {
        RecipientRole.Processor => "Processes the data on our behalf and on our instructions (data processor)",
        RecipientRole.Controller => "Decides for itself how the data is used (independent data controller)",
        RecipientRole.Partner => "A service you choose to link to ours",
        RecipientRole.Authority => "A public authority",
        _ => "A professional adviser, such as an auditor or lawyer",
    };
    public override string Receives(string data, string purposes) => $"{data}, for {purposes}.";
    public override string OnlyWithAuthorisation => "Only when you have agreed it with us in advance.";
    public override string Mechanism(TransferMechanism mechanism, bool insideEea) => insideEea
        ? "Not needed: inside the EU/EEA"
        : mechanism switch
        {
            TransferMechanism.Adequacy => "An EU Commission decision that the country protects personal data adequately (GDPR Art. 45)",
            TransferMechanism.StandardContractualClauses => "Standard contractual clauses approved by the EU Commission (GDPR Art. 46(2)(c))",
            TransferMechanism.BindingCorporateRules => "Binding corporate rules approved by a data protection authority (GDPR Art. 47)",
            TransferMechanism.DataPrivacyFramework => "The recipient's certification under the EU-US Data Privacy Framework (GDPR Art. 45)",
            TransferMechanism.PrivacyShield => "The EU-US Privacy Shield, which is no longer valid",
            _ => "None",
        };
    public override string SaleNever => "We never sell your personal data.";
    public override string TransfersHeading => "Transfers outside the EU/EEA";
    public override string NoTransfers(TransferRule rule) => rule switch
    {
        TransferRule.EuOnly => "We never transfer your personal data to countries outside the EU.",
        TransferRule.EeaOnly => "We never transfer your personal data to countries outside the EU/EEA (the EU, Iceland, Liechtenstein and Norway).",
        _ => "We do not transfer your personal data to countries outside the EU/EEA.",
    };
    public override string TransfersIntro => "These recipients process your data outside the EU/EEA. Each transfer rests on a safeguard that the GDPR requires:";

    public override string PermissionsHeading => "Permissions in our app";
    public override string PermissionsIntro => "Our app asks for the permissions below only when a feature needs them. Each permission is a consent of its own: you can switch it off at any time in the app or in your phone's settings. When you switch one off, we stop collecting that data at once; what we collected before remains lawful.";
    public override string PermissionHeader => "Permission";
    public override string WhyWeAskHeader => "Why we ask for it";

    public override string RetentionHeading => "How long we keep your data";
    public override string RetentionIntro => "We keep your personal data only as long as we need it for the purposes above, or as long as the law requires. The table shows the limits and what we do when a limit is reached.";
    public override string HowLongHeader => "How long";
    public override string ThenHeader => "Then";
    public override string AllData => "All personal data";
    public override string DataFor(string purposes) => $"Data for {purposes}";
    public override string CategoriesFor(string categories, string purposes) => $"{categories}, when used for {purposes}";
    public override string RequiredByLaw => "(required by law)";
    public override string Action(RetentionAction action) => action switch
    {
        RetentionAction.Anonymise => "We anonymise it, so it can no longer be linked to you.",
        RetentionAction.Archive => "We archive it encrypted; only our management holds the key.",
        _ => "We delete it.",
    };
    public override string LegalDutyIntro => "The law requires us to keep some data, even if you ask us to delete it. We keep it separately and use it only to meet that duty. This applies to:";
    public override string Dispute => "If a dispute arises, we may keep the data concerned until it has been settled.";
    public override string OtherData => "We delete other data as soon as we no longer need it for any of the purposes above.";

    public override string RightsHeading => "Your rights";
    public override string RightsIntro => "You have the following rights when we process your personal data:";
    public override (string Label, string Text) Right(DataSubjectRight right, string authority) => right switch
    {
        DataSubjectRight.Information => ("Information", "You have the right to know how we process your personal data. This statement tells you, and we are happy to answer your questions."),
        DataSubjectRight.Access => ("Access", "You can get a copy of the personal data we hold about you and be told what we use it for."),
        DataSubjectRight.Rectification => ("Rectification", "You can have incorrect data about you corrected and incomplete data completed."),
        DataSubjectRight.Erasure => ("Erasure", "You can ask us to delete your personal data. We delete it unless the law requires us to keep it; if so, we tell you what we kept and why."),
        DataSubjectRight.Restriction => ("Restriction", "You can ask us to limit our processing, for example while we check whether your data is correct. We then only store it."),
        DataSubjectRight.Portability => ("Data portability", "You can receive the data you have given us in a structured, commonly used and machine-readable format, and have it sent to someone else."),
        DataSubjectRight.Objection => ("Objection", "You can object to processing based on our legitimate interest. You can always object to direct marketing, and then we stop."),
        DataSubjectRight.WithdrawConsent => ("Withdrawing consent", "Where we process your data on the basis of your consent, you can withdraw it at any time. This does not affect the lawfulness of what we did before."),
        DataSubjectRight.AutomatedDecisions => ("Automated decisions", "You have the right not to be subject to a decision based solely on automated processing that significantly affects you, and to have a person review it."),
        _ => ("Complaint", $"You can complain to {authority}; see “Complaints” below."),
    };
    public override string HowToHeading => "How to use your rights";
    public override string HowTo(string channels) => $"To use your rights, contact us at {channels}.";
    public override string ResponseTime(IsoPeriod period) => $"We answer within {DurationInWords(period)} of receiving your request.";
    public override string Extension(IsoPeriod period) =>
        $"If your request is complex, or we receive many requests, we may extend this by {UpTo(Duration(period))}. If so, we tell you why before the first deadline.";
    public override string VerifyIdentity => "Before we act on a request, we check that it comes from you, so that your data is never given to someone else.";
    public override string FreeOfCharge => "Using your rights is free of charge.";

    public override string AutomatedHeading => "Automated decisions";
    public override string NoAutomatedDecisions => "We do not make decisions about you based solely on automated processing, including profiling, that have legal effects for you or affect you in a similarly significant way.";
    public override string AutomatedDecisionsUsed => "We make some decisions about you by automated means:";
    public override string AutomatedDecisionRights => "You can ask for a person to review such a decision, give your point of view and contest it.";
    public override string CookiesHeading => "Cookies";
    public override string CookiesIntro => "Our website uses cookies in the categories below. We only set cookies that are not strictly necessary if you have said yes to them, and you can change your choice at any time.";
    public override string CookieCategoryHeader => "Category";
    public override string CookieWhatHeader => "What they do";
    public override string CookieRequired => "Always on: the website needs them to work";
    public override string CookieOptional => "Only with your consent";
    public override string ChildrenHeading => "Children";
    public override string Children(int minimumAge, bool guardianConsent) => guardianConsent
        ? $"If you are under {minimumAge}, we need the consent of your parent or guardian before we process your personal data. If we find that we have collected data about a child without it, we delete that data."
        : $"Our services are for people aged {minimumAge} and over. We do not knowingly process personal data about anyone younger; if we find that we have, we delete it.";
    public override string ChangesHeading => "Changes to this statement";
    public override string Changes(IsoPeriod notice, IReadOnlyList<string> channels)
    {
        var how = channels.Count == 0 ? "" : " " + JoinAnd(channels.Select(Channel));
        return $"We update this statement when our processing changes. Before a material change takes effect, for example before we use your data for a new purpose, we tell you at least {Duration(notice)} in advance{how}.";
    }

    private static string Channel(string channel) => channel switch
    {
        "email" => "by email",
        "website" => "on our website",
        "app" or "in_app" => "in the app",
        "push" => "by a notification in the app",
        "post" => "by post",
        "sms" => "by text message",
        _ => $"by {channel}",
    };

    public override string ContactHeading => "Contact us";
    public override string Contact(string controller) => $"If you have questions about this statement or about how we process your personal data, please contact {controller}:";
    public override string ComplaintHeading => "Complaints";
    public override string Complaint(string authority) =>
        $"If you are unhappy with how we process your personal data, please tell us first so that we can try to put it right. You can always complain to the data protection authority, {authority}:";
}
