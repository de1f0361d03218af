using Custodian.Policy;

namespace Custodian.Statement;

/// <summary>The statement's fixed wording in Danish, in the vocabulary Danish privacy statements and Datatilsynet use.</summary>
internal sealed class DanishStatementText : StatementText
{
    private const string Gdpr = "databeskyttelsesforordningens";
    private static readonly string[] Months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    public override string Language => "da";

    protected override string AndWord => "og";

    protected override string OrWord => "eller";

    protected override string Unit(char unit, bool plural) => unit switch
    {
        'Y' => "år",
        'M' => plural ? "måneder" : "måned",
        'W' => plural ? "uger" : "uge",
        _ => plural ? "dage" : "dag",
    };

    protected override string One(char unit) => unit == 'Y' ? "et" : "en";

    protected override string UpTo(string period) => $"op til {period}";

    protected override string Until(RetentionAnchor anchor, string? kind) => anchor switch
    {
        RetentionAnchor.RelationshipEnded => $"indtil {RelationshipEnds(kind)}",
        RetentionAnchor.ContestEnded => "indtil konkurrencen udløber",
        RetentionAnchor.WarrantyEnded => "indtil garantien er udløbet",
        RetentionAnchor.Transaction => "indtil transaktionen er gennemført",
        RetentionAnchor.FiscalYearEnd => $"indtil udløbet af det regnskabsår, hvor {FiscalEvent(kind)}",
        _ => "kun så længe, vi har brug for dem til formålet",
    };

    protected override string Anchor(RetentionAnchor anchor, string? kind) => anchor switch
    {
        RetentionAnchor.Collected => "efter vi har modtaget oplysningerne",
        RetentionAnchor.ConsentGiven => "efter du gav dit samtykke",
        RetentionAnchor.RelationshipEnded => $"efter {RelationshipEnds(kind)}",
        RetentionAnchor.FiscalYearEnd => $"fra udløbet af det regnskabsår, hvor {FiscalEvent(kind)}",
        RetentionAnchor.ContestEnded => "efter konkurrencens udløb",
        RetentionAnchor.Transaction => "efter transaktionen",
        RetentionAnchor.WarrantyEnded => "efter garantien er udløbet",
        _ => "efter din seneste kontakt med os",
    };

    private static string RelationshipEnds(string? kind) => kind switch
    {
        "subscription" => "dit abonnement er ophørt",
        "account" => "din konto er lukket",
        "customer" => "du er stoppet som kunde",
        "agreement" or "contract" => "aftalen er ophørt",
        "order" => "ordren er afsluttet",
        "service" => "serviceaftalen er ophørt",
        _ => "kundeforholdet er ophørt",
    };

    private static string FiscalEvent(string? kind) => kind switch
    {
        "payment_settled" or "payment" => "betalingen blev gennemført",
        "transaction" => "transaktionen fandt sted",
        "invoice" or "invoice_issued" => "fakturaen blev udstedt",
        "order" => "ordren blev afgivet",
        _ => "hændelsen fandt sted",
    };

    public override string Title => "Privatlivspolitik";
    public override string Contents => "Indhold";
    public override string Intro(string controller) =>
        $"Denne privatlivspolitik forklarer, hvordan {controller} indsamler og bruger dine personoplysninger: hvorfor og med hvilket behandlingsgrundlag, hvem der modtager dem, hvor længe vi opbevarer dem, og hvilke rettigheder du har.";
    public override string VersionLine(string version, DateOnly effective) => $"Version {version}, gældende fra {FormatDate(effective)}.";
    public override string FormatDate(DateOnly day) => $"{day.Day}. {Months[day.Month - 1]} {day.Year}";

    public override string AddressLabel => "Adresse";
    public override string RegistrationLabel => "Registreringsnummer";
    public override string EmailLabel => "E-mail";
    public override string PhoneLabel => "Telefon";
    public override string WebsiteLabel => "Hjemmeside";
    public override string Country(string code) => CountryNames.Danish(code);

    public override string WhoHeading => "Dataansvarlig";
    public override string Who(string controller) => $"{controller} er dataansvarlig for behandlingen af dine personoplysninger.";
    public override string DpoHeading => "Databeskyttelsesrådgiver";
    public override string Dpo(string name) => $"Vores databeskyttelsesrådgiver (DPO), {name}, besvarer spørgsmål om vores behandling af personoplysninger.";

    public override string CollectHeading => "Hvilke personoplysninger vi behandler";
    public override string CollectIntro => "Vi behandler kun de personoplysninger, vi har brug for. Nedenfor kan du se alle de typer personoplysninger, vi behandler, og hvad vi bruger dem til.";
    public override string DataHeader => "Personoplysninger";
    public override string UsedForHeader => "Hvad vi bruger dem til";
    public override string Group(CategoryGroup group) => group switch
    {
        CategoryGroup.Identity => "Om dig og dine kontaktoplysninger",
        CategoryGroup.Account => "Din konto, dine bestillinger og betalinger",
        CategoryGroup.Usage => "Din brug af vores produkter og tjenester",
        CategoryGroup.Content => "Indhold og kommunikation",
        CategoryGroup.Special => "Følsomme personoplysninger",
        _ => "Andre personoplysninger",
    };

    public override string PurposesHeading => "Formål og behandlingsgrundlag";
    public override string PurposesIntro => "Vi bruger kun dine personoplysninger til de formål, der er beskrevet nedenfor. For hvert formål kan du se, hvilket behandlingsgrundlag i databeskyttelsesforordningen der giver os lov til behandlingen.";
    public override string LegalBasisLabel => "Behandlingsgrundlag";
    public override string Basis(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => $"Fordi du har givet os dit samtykke (samtykke, {Gdpr} artikel 6, stk. 1, litra a).",
        LegalBasis.Contract => $"Fordi vi har en aftale med dig, eller du har bedt os om at indgå en (aftale, {Gdpr} artikel 6, stk. 1, litra b).",
        LegalBasis.LegalObligation => $"Fordi loven pålægger os det (retlig forpligtelse, {Gdpr} artikel 6, stk. 1, litra c).",
        LegalBasis.VitalInterest => $"For at beskytte dit eller en anden persons liv eller helbred (vitale interesser, {Gdpr} artikel 6, stk. 1, litra d).",
        LegalBasis.PublicTask => $"Fordi det er nødvendigt for at udføre en opgave i samfundets interesse (offentlig opgave, {Gdpr} artikel 6, stk. 1, litra e).",
        _ => $"Fordi vi har en legitim interesse, som vi har afvejet over for dine interesser (legitim interesse, {Gdpr} artikel 6, stk. 1, litra f).",
    };
    public override string InterestLabel => "Vores legitime interesse";
    public override string DataUsedLabel => "Oplysninger, vi bruger";
    public override string YourChoiceLabel => "Dit valg";
    public override string ConsentWithdrawal => "Du kan til enhver tid trække dit samtykke tilbage. Så stopper vi med at bruge dine oplysninger til dette formål. Det påvirker ikke lovligheden af den behandling, der er sket, før du trak samtykket tilbage.";
    public override string ExplicitConsent => "Vi beder om dit udtrykkelige samtykke, før vi går i gang.";
    public override string Objection => "Du kan til enhver tid gøre indsigelse, og så stopper vi.";
    public override string DirectMarketingObjection => "Du har en ubetinget ret til at gøre indsigelse mod direkte markedsføring, og vi stopper, så snart du gør det.";
    public override string NoOptOut => "Du kan ikke fravælge dette, så længe du bruger vores tjeneste, fordi det er nødvendigt for at levere den.";
    public override string ExistingCustomersOnly => "Det gør vi kun, hvis du allerede er kunde hos os.";
    public override string DurationLabel => "Hvor længe";
    public override string AfterContract(IsoPeriod period, string? kind) =>
        $"Så længe du er kunde, og {UpTo(Duration(period))} efter {RelationshipEnds(kind)}.";
    public override string RequiredLabel => "Obligatoriske oplysninger";
    public override string Required(string data, LegalBasis basis) => basis == LegalBasis.Contract
        ? $"Du skal give os disse oplysninger: {data}. Uden dem kan vi ikke indgå en aftale med dig."
        : $"Du skal give os disse oplysninger: {data}. Uden dem kan vi ikke gøre dette for dig.";
    public override string SharedWithLabel => "Videregives til";

    public override string SpecialHeading => "Følsomme personoplysninger";
    public override string SpecialIntro => "Nogle af de oplysninger, vi behandler, er følsomme (særlige kategorier af personoplysninger, databeskyttelsesforordningens artikel 9). Dem behandler vi kun til de formål og på de betingelser, der står nedenfor.";
    public override string PurposeHeader => "Formål";
    public override string ConditionHeader => "Betingelse";
    public override string Condition(SpecialCategoryCondition condition) => condition switch
    {
        SpecialCategoryCondition.Employment => $"Når arbejds- eller socialretten kræver det ({Gdpr} artikel 9, stk. 2, litra b)",
        SpecialCategoryCondition.VitalInterests => $"For at beskytte dit liv, når du ikke kan give samtykke ({Gdpr} artikel 9, stk. 2, litra c)",
        SpecialCategoryCondition.NotForProfitBody => $"Som medlem af vores almennyttige organisation ({Gdpr} artikel 9, stk. 2, litra d)",
        SpecialCategoryCondition.MadePublic => $"Kun oplysninger, som du tydeligvis selv har offentliggjort ({Gdpr} artikel 9, stk. 2, litra e)",
        SpecialCategoryCondition.LegalClaims => $"For at retskrav kan fastlægges, gøres gældende eller forsvares ({Gdpr} artikel 9, stk. 2, litra f)",
        SpecialCategoryCondition.SubstantialPublicInterest => $"Af hensyn til væsentlige samfundsinteresser, som loven fastsætter ({Gdpr} artikel 9, stk. 2, litra g)",
        SpecialCategoryCondition.HealthOrSocialCare => $"For at yde sundhedsbehandling eller social omsorg ({Gdpr} artikel 9, stk. 2, litra h)",
        SpecialCategoryCondition.PublicHealth => $"Af hensyn til folkesundheden ({Gdpr} artikel 9, stk. 2, litra i)",
        SpecialCategoryCondition.Archiving => $"Til arkiv-, forsknings- eller statistiske formål med de nødvendige garantier ({Gdpr} artikel 9, stk. 2, litra j)",
        _ => $"Kun med dit udtrykkelige samtykke ({Gdpr} artikel 9, stk. 2, litra a)",
    };

    public override string RecipientsHeading => "Hvem vi videregiver dine oplysninger til";
    public override string RecipientsIntro => "Vi videregiver kun dine personoplysninger til modtagerne nedenfor, kun til de nævnte formål og kun de oplysninger, de har brug for.";
    public override string NoRecipients => "Vi videregiver ikke dine personoplysninger til andre.";
    public override string AllNeedAuthorisation => "Vi videregiver aldrig dine personoplysninger til andre, medmindre det på forhånd er aftalt med dig.";
    public override string RecipientHeader => "Modtager";
    public override string RoleHeader => "Rolle";
    public override string ReceivesHeader => "Hvilke oplysninger og hvorfor";
    public override string CountryHeader => "Land";
    public override string SafeguardHeader => "Grundlag for overførslen";
    public override string Role(RecipientRole role) => role switch
    {
        RecipientRole.Processor => "Behandler oplysningerne på vores vegne og efter vores instruks (databehandler)",
        RecipientRole.Controller => "Bestemmer selv, hvordan oplysningerne bruges (selvstændig dataansvarlig)",
        RecipientRole.Partner => "En tjeneste, som du selv vælger at forbinde med vores",
        RecipientRole.Authority => "En offentlig myndighed",
        _ => "En professionel rådgiver, f.eks. revisor eller advokat",
    };
    public override string Receives(string data, string purposes) => $"{data} til {purposes}.";
    public override string OnlyWithAuthorisation => "Kun når du på forhånd har aftalt det med os.";
    public override string Mechanism(TransferMechanism mechanism, bool insideEea) => insideEea
        ? "Ikke nødvendigt: inden for EU/EØS"
        : mechanism switch
        {
            TransferMechanism.Adequacy => $"EU-Kommissionens afgørelse om, at landet har et tilstrækkeligt beskyttelsesniveau ({Gdpr} artikel 45)",
            TransferMechanism.StandardContractualClauses => $"EU-Kommissionens standardkontraktbestemmelser ({Gdpr} artikel 46, stk. 2, litra c)",
            TransferMechanism.BindingCorporateRules => $"Bindende virksomhedsregler godkendt af en databeskyttelsesmyndighed ({Gdpr} artikel 47)",
            TransferMechanism.DataPrivacyFramework => $"Modtagerens certificering under EU-US Data Privacy Framework ({Gdpr} artikel 45)",
            TransferMechanism.PrivacyShield => "EU-US Privacy Shield, som ikke længere er gyldigt",
            _ => "Intet",
        };
    public override string SaleNever => "Vi sælger aldrig dine personoplysninger.";
    public override string TransfersHeading => "Overførsel til lande uden for EU/EØS";
    public override string NoTransfers(TransferRule rule) => rule switch
    {
        TransferRule.EuOnly => "Vi overfører aldrig dine personoplysninger til lande uden for EU.",
        TransferRule.EeaOnly => "Vi overfører aldrig dine personoplysninger til lande uden for EU/EØS (EU, Island, Liechtenstein og Norge).",
        _ => "Vi overfører ikke dine personoplysninger til lande uden for EU/EØS.",
    };
    public override string TransfersIntro => "Disse modtagere behandler dine oplysninger uden for EU/EØS. Hver overførsel bygger på et af de grundlag, som databeskyttelsesforordningen kræver:";

    public override string PermissionsHeading => "Tilladelser i appen";
    public override string PermissionsIntro => "Vores app beder kun om tilladelserne nedenfor, når en funktion har brug for dem. Hver tilladelse er et selvstændigt samtykke, som du til enhver tid kan slå fra i appen eller i din telefons indstillinger. Når du slår en tilladelse fra, stopper vi straks med at indsamle de oplysninger; det, vi har indsamlet forinden, er fortsat lovligt.";
    public override string PermissionHeader => "Tilladelse";
    public override string WhyWeAskHeader => "Hvorfor vi beder om den";

    public override string RetentionHeading => "Hvor længe vi opbevarer dine oplysninger";
    public override string RetentionIntro => "Vi opbevarer kun dine personoplysninger, så længe vi har brug for dem til de formål, der er beskrevet ovenfor, eller så længe loven kræver det. Tabellen viser fristerne, og hvad vi gør, når en frist er udløbet.";
    public override string HowLongHeader => "Hvor længe";
    public override string ThenHeader => "Derefter";
    public override string AllData => "Alle personoplysninger";
    public override string DataFor(string purposes) => $"Oplysninger til {purposes}";
    public override string CategoriesFor(string categories, string purposes) => $"{categories}, når de bruges til {purposes}";
    public override string RequiredByLaw => "(lovkrav)";
    public override string Action(RetentionAction action) => action switch
    {
        RetentionAction.Anonymise => "Vi anonymiserer dem, så de ikke længere kan føres tilbage til dig.",
        RetentionAction.Archive => "Vi arkiverer dem krypteret; kun vores ledelse har nøglen.",
        _ => "Vi sletter dem.",
    };
    public override string LegalDutyIntro => "Loven kræver, at vi opbevarer visse oplysninger, også selv om du beder os om at slette dem. Dem opbevarer vi adskilt og bruger kun til at opfylde den pligt. Det gælder:";
    public override string Dispute => "Hvis der opstår en tvist, kan vi gemme de berørte oplysninger, indtil den er afgjort.";
    public override string OtherData => "Øvrige oplysninger sletter vi, så snart vi ikke længere har brug for dem til nogen af formålene ovenfor.";

    public override string RightsHeading => "Dine rettigheder";
    public override string RightsIntro => "Når vi behandler dine personoplysninger, har du følgende rettigheder:";
    public override (string Label, string Text) Right(DataSubjectRight right, string authority) => right switch
    {
        DataSubjectRight.Information => ("Ret til information", "Du har ret til at vide, hvordan vi behandler dine personoplysninger. Det beskriver vi i denne privatlivspolitik, og vi svarer gerne på dine spørgsmål."),
        DataSubjectRight.Access => ("Ret til indsigt", "Du kan få en kopi af de personoplysninger, vi har om dig, og få at vide, hvad vi bruger dem til."),
        DataSubjectRight.Rectification => ("Ret til berigtigelse", "Du kan få rettet forkerte oplysninger om dig og få ufuldstændige oplysninger suppleret."),
        DataSubjectRight.Erasure => ("Ret til sletning", "Du kan bede os om at slette dine personoplysninger. Vi sletter dem, medmindre loven kræver, at vi opbevarer dem; i så fald fortæller vi dig, hvad vi har gemt og hvorfor."),
        DataSubjectRight.Restriction => ("Ret til begrænsning af behandling", "Du kan bede os om at begrænse behandlingen, f.eks. mens vi undersøger, om dine oplysninger er korrekte. Så opbevarer vi dem kun."),
        DataSubjectRight.Portability => ("Ret til dataportabilitet", "Du kan få de oplysninger, du selv har givet os, udleveret i et struktureret, almindeligt anvendt og maskinlæsbart format og få dem sendt videre til en anden."),
        DataSubjectRight.Objection => ("Ret til indsigelse", "Du kan gøre indsigelse mod behandling, der bygger på vores legitime interesse. Du har en ubetinget ret til at gøre indsigelse mod direkte markedsføring, og så stopper vi."),
        DataSubjectRight.WithdrawConsent => ("Ret til at trække dit samtykke tilbage", "Når vi behandler dine oplysninger på grundlag af dit samtykke, kan du til enhver tid trække det tilbage. Det påvirker ikke lovligheden af den behandling, der er sket forinden."),
        DataSubjectRight.AutomatedDecisions => ("Rettigheder ved automatiske afgørelser", "Du har ret til ikke at være genstand for en afgørelse, der alene er truffet automatisk, og som påvirker dig betydeligt, og til at få et menneske til at se på den."),
        _ => ("Ret til at klage", $"Du kan klage til {authority}; se afsnittet „Klage“ nedenfor."),
    };
    public override string HowToHeading => "Sådan gør du brug af dine rettigheder";
    public override string HowTo(string channels) => $"Hvis du vil gøre brug af dine rettigheder, kan du kontakte os på {channels}.";
    public override string ResponseTime(IsoPeriod period) => $"Vi svarer inden for {DurationInWords(period)}, efter vi har modtaget din anmodning.";
    public override string Extension(IsoPeriod period) =>
        $"Hvis din anmodning er kompleks, eller vi modtager mange anmodninger, kan vi forlænge fristen med {UpTo(Duration(period))}. I så fald giver vi dig besked med en begrundelse, inden den første frist udløber.";
    public override string VerifyIdentity => "Før vi behandler en anmodning, sikrer vi os, at den kommer fra dig, så dine oplysninger aldrig udleveres til andre.";
    public override string FreeOfCharge => "Det er gratis at gøre brug af dine rettigheder.";

    public override string AutomatedHeading => "Automatiske afgørelser";
    public override string NoAutomatedDecisions => "Vi træffer ikke afgørelser om dig, der alene er baseret på automatisk behandling, herunder profilering, og som har retsvirkning for dig eller på tilsvarende måde påvirker dig betydeligt.";
    public override string AutomatedDecisionsUsed => "Vi træffer visse afgørelser om dig automatisk:";
    public override string AutomatedDecisionRights => "Du kan bede om, at et menneske ser på en sådan afgørelse, give udtryk for dit synspunkt og bestride afgørelsen.";
    public override string CookiesHeading => "Cookies";
    public override string CookiesIntro => "Vores hjemmeside bruger cookies i kategorierne nedenfor. Cookies, der ikke er nødvendige, sætter vi kun, hvis du har sagt ja til dem, og du kan til enhver tid ændre dit valg.";
    public override string CookieCategoryHeader => "Kategori";
    public override string CookieWhatHeader => "Hvad de bruges til";
    public override string CookieRequired => "Altid aktive: hjemmesiden virker ikke uden dem";
    public override string CookieOptional => "Kun med dit samtykke";
    public override string ChildrenHeading => "Børn";
    public override string Children(int minimumAge, bool guardianConsent) => guardianConsent
        ? $"Hvis du er under {minimumAge} år, skal vi have samtykke fra din forælder eller værge, før vi behandler dine personoplysninger. Finder vi ud af, at vi har indsamlet oplysninger om et barn uden et sådant samtykke, sletter vi dem."
        : $"Vores tjenester er for personer på {minimumAge} år og derover. Vi behandler ikke bevidst personoplysninger om yngre personer; opdager vi, at vi har gjort det, sletter vi dem.";
    public override string ChangesHeading => "Ændringer af privatlivspolitikken";
    public override string Changes(IsoPeriod notice, IReadOnlyList<string> channels)
    {
        var how = channels.Count == 0 ? "" : " " + JoinAnd(channels.Select(Channel));
        return $"Vi opdaterer privatlivspolitikken, når vores behandling ændrer sig. Før en væsentlig ændring træder i kraft, f.eks. før vi begynder at bruge dine oplysninger til et nyt formål, giver vi dig besked{how} mindst {Duration(notice)} i forvejen.";
    }

    private static string Channel(string channel) => channel switch
    {
        "email" => "på e-mail",
        "website" => "på vores hjemmeside",
        "app" or "in_app" => "i appen",
        "push" => "med en notifikation i appen",
        "post" => "med almindelig post",
        "sms" => "på sms",
        _ => $"via {channel}",
    };

    public override string ContactHeading => "Kontakt os";
    public override string Contact(string controller) => $"Hvis du har spørgsmål til denne privatlivspolitik eller til vores behandling af dine personoplysninger, er du velkommen til at kontakte {controller}:";
    public override string ComplaintHeading => "Klage";
    public override string Complaint(string authority) =>
        $"Hvis du er utilfreds med den måde, vi behandler dine personoplysninger på, så sig det gerne til os først, så vi kan forsøge at rette op på det. Du kan altid klage til {authority}:";
}
