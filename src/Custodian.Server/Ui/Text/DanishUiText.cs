using System.Globalization;
using Custodian.Policy;
using Custodian.Requests;

namespace Custodian.Server.Ui.Text;

/// <summary>The interface in Danish.</summary>
internal sealed class DanishUiText : UiText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("da");

    public override string LanguageName => "Dansk";

    // Ramme
    public override string SkipToContent => "Spring til indholdet";
    public override string MainNavigation => "Hovedmenu";
    public override string LanguageLabel => "Sprog";
    public override string PrivacyCenter => "Privatlivscenter";
    public override string AdminConsole => "Administration";
    public override string SignOut => "Log ud";
    public override string SignedOut => "Du er logget ud.";
    public override string Footer(string controller, string version, string effective) => $"{controller} · privatlivspolitik version {version}, gældende fra {effective}.";
    public override string NotFoundTitle => "Siden findes ikke";
    public override string NotFoundText => "Der er ingen side på denne adresse. Tjek adressen, eller start forfra fra forsiden.";
    public override string BadFormTitle => "Formularen kunne ikke sendes";
    public override string BadFormText => "Formularen var for gammel eller ufuldstændig. Gå tilbage, genindlæs siden og prøv igen.";
    public override string MethodNotAllowedTitle => "Siden kan ikke det";
    public override string MethodNotAllowedText => "Siderne her kan kun læses, og deres formularer sendes. Åbn siden i en browser i stedet.";
    public override string TooManyTitle => "For mange forsøg";
    public override string TooManyText => "Der har været for mange forsøg fra din forbindelse. Vent et minut, og prøv igen.";
    public override string UnavailableTitle => "Ikke tilgængelig lige nu";
    public override string UnavailableText => "Vi kunne ikke nå vores oplysninger et øjeblik. Vent et par sekunder, og prøv igen.";
    public override string ErrorTitle => "Der gik noget galt hos os";
    public override string ErrorText(string traceId) => $"Prøv igen. Hvis det sker igen, så kontakt os og oplys referencen {traceId}.";
    public override string BackHome => "Tilbage til forsiden";
    public override string Yes => "Ja";
    public override string No => "Nej";
    public override string SwitchOn => "Til";
    public override string SwitchOff => "Fra";
    public override string Given => "Givet";
    public override string Withdrawn => "Trukket tilbage";
    public override string NavHome => "Privatlivscenter";
    public override string NavSignIn => "Log ind";
    public override string NavStatement => "Privatlivspolitik";
    public override string NavMyData => "Mine data";
    public override string NavChoices => "Mine valg";
    public override string NavRequests => "Mine anmodninger";
    public override string NavQueue => "Anmodninger";
    public override string NavPeople => "Personer";
    public override string NavCharts => "Diagrammer";
    public override string NavAudit => "Revisionsspor";
    public override string NavRopa => "Fortegnelse";
    public override string NavPolicy => "Politik";
    public override string EmailLabel => "E-mailadresse";
    public override string PhoneLabel => "Telefonnummer";
    public override string EmailInvalid => "Skriv en e-mailadresse på formen navn@eksempel.dk.";
    public override string SignInBusy => "Der er for mange, der logger ind lige nu. Intet er sendt; prøv igen om nogle minutter.";
    public override string PhoneInvalid => "Skriv et telefonnummer med landekode, for eksempel +45 20 30 40 50.";
    public override string SignInButton => "Log ind";

    public override string RequestKindName(RequestKind kind) => kind switch
    {
        RequestKind.Access => "Kopi af dine data",
        RequestKind.Portability => "Dine data i et maskinlæsbart format",
        RequestKind.Rectification => "Berigtigelse",
        RequestKind.Erasure => "Sletning",
        RequestKind.Restriction => "Begrænsning af brug",
        RequestKind.Objection => "Indsigelse",
        _ => "Tilbagetrækning af samtykke",
    };

    public override string StatusName(RequestStatus status) => status switch
    {
        RequestStatus.Received => "Modtaget, afventer bekræftelse af identitet",
        RequestStatus.Verified => "Modtaget, identitet bekræftet",
        RequestStatus.InProgress => "Under behandling",
        RequestStatus.Extended => "Forlænget",
        RequestStatus.Completed => "Afsluttet",
        _ => "Afvist",
    };

    public override string ChannelName(RequestChannel channel) => channel switch
    {
        RequestChannel.Person => "Personen (kode på e-mail)",
        RequestChannel.Service => "Privatlivscenter eller app",
        _ => "Medarbejder på personens vegne",
    };

    public override string Method(string method) => method switch
    {
        "privacy-center" => "i privatlivscentret",
        "web-form" => "webformular",
        "signed-form" => "underskrevet blanket",
        "unsubscribe-link" => "afmeldingslink",
        "rights-request" => "en anmodning",
        "cookie-banner" => "cookiebanner",
        "gpc" => "Global Privacy Control",
        "phone-call" => "telefonisk",
        "api" => "app",
        _ => method,
    };

    public override string Overdue => "overskredet";

    public override string BasisShort(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "med dit samtykke",
        LegalBasis.Contract => "på grund af vores aftale med dig",
        LegalBasis.LegalObligation => "fordi loven kræver det",
        LegalBasis.VitalInterest => "for at beskytte nogens liv eller helbred",
        LegalBasis.PublicTask => "for at løse en opgave i samfundets interesse",
        _ => "på grund af vores legitime interesse",
    };

    public override string RequestColumn => "Anmodning";
    public override string ReceivedColumn => "Modtaget";
    public override string StatusColumn => "Status";
    public override string DueColumn => "Svar senest";
    public override string ReferenceColumn => "Reference";
    public override string PersonColumn => "Person (pseudonymt id)";
    public override string ChannelColumn => "Indgivet af";
    public override string PurposeColumn => "Formål";
    public override string ReasonColumn => "Begrundelse";
    public override string HistoryDate => "Dato";
    public override string HistoryHeading => "Historik";
    public override string HistoryEmpty => "Intet registreret endnu.";
    public override string ConsentsHeading => "Samtykker";
    public override string NoRequests => "Ingen anmodninger endnu.";
    public override string CorrectWhich => "Hvad skal rettes";
    public override string CorrectValue => "Den rigtige værdi";

    // Privatlivscenter
    public override string CenterTitle => "Dit privatliv";
    public override string CenterHeading(string controller) => $"Dit privatliv hos {controller}";
    public override string CenterIntro(string controller) => $"Se de personoplysninger, {controller} har om dig, hvorfor vi bruger dem, og hvornår vi sletter dem. Skift dine valg, hent en kopi, eller bed os rette eller slette dem.";
    public override string GoToMyData => "Gå til mine data";
    public override string ReadStatement => "Læs privatlivspolitikken";
    public override string WhatYouCanDo => "Det kan du her";
    public override IReadOnlyList<(string Heading, string Text)> CenterTasks { get; } =
    [
        ("Se dine data", "Alle slags oplysninger, vi har om dig, i et klart sprog: hvorfor vi bruger dem, med hvilket retsgrundlag, hvem der modtager dem, og hvornår vi sletter dem."),
        ("Hent en kopi", "En læsbar side og en maskinlæsbar fil med alle dine data, også din samtykkehistorik."),
        ("Skift dine valg", "Slå samtykker til eller fra. En ændring gælder med det samme."),
        ("Bed os handle", "Bed os rette, slette eller begrænse brugen af dine data, eller gør indsigelse, og følg hver anmodning, til den er besvaret."),
    ];
    public override string SignInTitle => "Log ind";
    public override string SignInIntro => "Skriv den e-mailadresse, du er registreret med. Vi sender en kode på seks cifre til den; du skal ikke bruge en adgangskode.";
    public override string EmailHint => "Den adresse, du har givet os som kunde.";
    public override string SendCode => "Send mig en kode";
    public override string CodeTitle => "Skriv din kode";
    public override string CodeIntro(int minutes) => $"Hvis adressen tilhører en kunde, har vi sendt en kode på seks cifre til den. Koden virker i {minutes} minutter.";
    public override string CodeLabel => "Kode";
    public override string CodeHint => "Seks cifre fra e-mailen.";
    public override string CodeWrong(int attemptsLeft) => attemptsLeft == 1 ? "Koden er forkert. Du har 1 forsøg tilbage." : $"Koden er forkert. Du har {attemptsLeft} forsøg tilbage.";
    public override string CodeTooMany => "For mange forkerte koder. Start forfra for at få en ny kode.";
    public override string CodeExpired => "Koden er udløbet eller allerede brugt. Start forfra for at få en ny kode.";
    public override string StartAgain => "Start forfra";
    public override string SignedIn => "Du er logget ind.";
    public override (string Subject, string Body) SignInMessage(string controller, string code, int minutes) =>
        ($"Din kode til at logge ind hos {controller}", $"Hej\n\nSkriv denne kode for at logge ind i privatlivscentret hos {controller}:\n\n    {code}\n\nKoden virker i {minutes} minutter. Hvis du ikke har forsøgt at logge ind, kan du se bort fra denne besked.\n\n{controller}");
    public override string MyDataTitle => "Mine data";
    public override string MyDataIntro(string controller) => $"Her er alle de personoplysninger, {controller} har om dig, hvad vi bruger dem til, og hvornår vi sletter dem.";
    public override string RestrictedNote => "Du har bedt os begrænse brugen af dine data: Vi opbevarer dem kun og bruger dem kun til retskrav, indtil begrænsningen ophæves.";
    public override string DownloadHeading => "Hent dine data";
    public override string DownloadIntro => "En kopi af alt, hvad vi har om dig, med alle målinger og din samtykkehistorik.";
    public override string DownloadHtml => "Hent som læsbar side (HTML)";
    public override string DownloadJson => "Hent som maskinlæsbar fil (JSON)";
    public override string HeldHeading => "De oplysninger, vi har";
    public override string NothingHeld => "Vi har ingen oplysninger om dig.";
    public override string WhatWeHold => "Hvad vi har";
    public override string WhyWeUseIt => "Hvorfor vi bruger det";
    public override string HeldForLegalDuty => "Opbevares kun, fordi loven kræver det, og bruges ikke til andet.";
    public override string NotInUse => "Bruges ikke til dette nu:";

    public override string WhyNotInUse(IReadOnlyList<string> reasonCodes) => (reasonCodes.Count > 0 ? reasonCodes[0] : null) switch
    {
        "consent_missing" => "du har ikke sagt ja til det.",
        "consent_withdrawn" => "du har trukket dit samtykke tilbage.",
        "explicit_consent_missing" => "vi skal først have dit udtrykkelige samtykke.",
        "consent_outdated" => "formålet er ændret, så vi skal have dit samtykke igen.",
        "objected" => "du har gjort indsigelse.",
        "restricted" => "du har bedt os begrænse brugen af dine data.",
        "no_contract" or "contract_ended" => "du har ingen aftale med os, der kræver det.",
        "record_expired" => "den tid, vi må opbevare det, er udløbet.",
        "permission_off" => "du har slået tilladelsen fra.",
        "kept_for_legal_duty_only" => "det opbevares kun, fordi loven kræver det.",
        "not_existing_customer" => "det er kun for eksisterende kunder.",
        _ => "vores privatlivspolitik tillader det ikke lige nu.",
    };

    public override string WhoReceivesIt => "Hvem der modtager det";
    public override string NoRecipients(string controller) => $"Ingen uden for {controller}.";
    public override string OnlyWithYourAgreement(string recipient) => $"{recipient} (kun når du har aftalt det med os)";
    public override string WhenDeleted => "Hvornår vi sletter det";
    public override string DeletedOn(string day) => $"Den {day}.";
    public override string NoRetentionRule => "Når intet formål længere har brug for det.";
    public override string SecretNotShown => "Vises ikke: gemmes kun som en envejskode, som ingen kan læse.";
    public override string ReadingsHeading => "Målinger og aktivitet";
    public override string ReadingsSummary(string category, long count, string first, string last) => $"{category}: {count.ToString("N0", Culture)} målinger fra {first} til {last}. Alle målinger er med i filerne, du kan hente.";
    public override string ChangeChoicesLink => "Skift dine valg";
    public override string RequestsLink => "Dine anmodninger";
    public override string ChoicesTitle => "Mine valg";
    public override string ChoicesIntro => "Slå dine samtykker til eller fra. En ændring gælder med det samme, og historikken nedenfor viser hver ændring. Det, vi gjorde, før du trak et samtykke tilbage, er stadig lovligt.";
    public override string ConsentsIntro => "Vi bruger kun dine data til disse formål, så længe du siger ja.";
    public override string PermissionsHeading => "Tilladelser i appen";
    public override string PermissionsIntro => "Hver tilladelse lader appen indsamle én slags data. Slår du den fra, stopper indsamlingen med det samme.";
    public override string ConsentGivenSince(string day) => $"Du sagde ja den {day}.";
    public override string ConsentNeverGiven => "Du har ikke sagt ja.";
    public override string ConsentWithdrawnSince(string day) => $"Du sagde nej den {day}.";
    public override string ObjectionsHeading => "Brug, du kan gøre indsigelse mod";
    public override string ObjectionsIntro => "Vi bruger dine data til disse formål på grund af vores legitime interesse. Du kan gøre indsigelse, og så stopper vi.";
    public override string ObjectedSince(string day) => $"Du gjorde indsigelse den {day}; vi er stoppet.";
    public override string NotObjected => "Du har ikke gjort indsigelse.";
    public override string ObjectButton => "Gør indsigelse";
    public override string LiftObjection => "Træk min indsigelse tilbage";
    public override string HistoryWhat => "Til";
    public override string HistoryChoice => "Dit valg";
    public override string HistoryHow => "Hvordan";
    public override string HistoryVersion => "Politikversion";
    public override string ChoiceFailed => "Din ændring kunne ikke gemmes. Genindlæs siden, og prøv igen.";
    public override string ConsentSaved(string name, bool given) => given ? $"Gemt: {name} er nu slået til. Det gælder med det samme." : $"Gemt: {name} er nu slået fra. Vi stopper med det samme.";
    public override string ObjectionSaved(string name) => $"Din indsigelse mod {StatementCase(name)} er registreret. Vi er stoppet.";
    public override string ObjectionLifted(string name) => $"Din indsigelse mod {StatementCase(name)} er trukket tilbage.";
    public override string RequestsTitle => "Mine anmodninger";
    public override string RequestsIntro(string responseTime) => $"Bed os rette, slette eller begrænse brugen af dine data. Vi svarer inden for {responseTime}, og du kan følge hver anmodning her.";
    public override string YourRequests => "Dine anmodninger";
    public override string AnsweredOn(string day) => $"den {day}";
    public override string NewRequestHeading => "Send en anmodning";
    public override string CorrectionHeading => "Ret dine data";
    public override string CorrectionIntro => "Vælg, hvad der er forkert, og skriv den rigtige værdi. Vi retter det med det samme og giver besked til dem, vi har delt det med.";
    public override string NothingToCorrect => "Der er intet at rette.";
    public override string CorrectButton => "Ret det";
    public override string ErasureHeading => "Slet dine data";
    public override string ErasureIntro => "Vi sletter alt, hvad vi må slette. Det, loven kræver, at vi opbevarer (for eksempel bogføring), gemmes kun til det formål, og vores svar fortæller hvad og hvor længe.";
    public override string ErasureConfirm => "Jeg forstår, at mine data bliver slettet, og at min kundekonto ikke længere kan bruges.";
    public override string ErasureButton => "Bed os slette mine data";
    public override string RestrictionHeading => "Begræns brugen af dine data";
    public override string RestrictionIntro => "Mens en begrænsning gælder, opbevarer vi kun dine data og bruger dem kun til retskrav, for eksempel mens vi undersøger en rettelse.";
    public override string RestrictionButton => "Bed os begrænse brugen";
    public override string ObjectionHeading => "Gør indsigelse mod en brug";
    public override string ObjectionIntroShort => "Indsigelser gælder med det samme og laves under dine valg.";
    public override string CorrectionMissing => "Vælg, hvad der skal rettes, og skriv den rigtige værdi.";
    public override string CorrectionRefused => "Den værdi kan ikke gemmes (den ligner et betalingskortnummer). Skriv den rigtige værdi uden det.";
    public override string RequestFailed => "Din anmodning kunne ikke sendes. Genindlæs siden, og prøv igen.";
    public override string CorrectionDone => "Rettet. Dem, vi har delt oplysningen med, får besked om rettelsen.";
    public override string ErasureNotConfirmed => "Sæt flueben for at bekræfte, at du vil have dine data slettet.";
    public override string RequestReceived(string kind, string due) => $"Vi har modtaget din anmodning ({kind}). Vi svarer senest den {due}.";

    // Administration
    public override string AdminSignInTitle => "Log ind i administrationen";
    public override string AdminSignInIntro => "Log ind med en API-nøgle med administratorrettigheder (cus_…). Opret en med 'custodian keys create --scope admin'. Sessionen slutter efter 8 timer, eller når du logger ud.";
    public override string ApiKeyLabel => "Administrator-API-nøgle";
    public override string ApiKeyHint => "Den kontrolleres og glemmes derefter: sessionen gemmer den aldrig.";
    public override string ApiKeyInvalid => "Nøglen er ukendt eller tilbagekaldt. Tjek den, eller opret en ny med 'custodian keys create --scope admin'.";
    public override string ApiKeyNotAdmin => "Nøglen er gyldig, men ikke en administratornøgle. Log ind med en nøgle med scope admin.";
    public override string QueueTitle => "Anmodninger";
    public override string QueueIntro(int open, int overdue) => $"{open} åbne anmodning(er), {overdue} med overskredet frist. Den tidligste frist står først.";
    public override string OpenRequests => "Åbne anmodninger";
    public override string QueueEmpty => "Ingen åbne anmodninger.";
    public override string QueueCaption => "Åbne anmodninger, tidligste frist først";
    public override string OverdueBy(int days) => days <= 1 ? "Frist overskredet med 1 dag" : $"Frist overskredet med {days} dage";
    public override string DueIn(int days) => days <= 0 ? "Frist i dag" : days == 1 ? "Frist om 1 dag" : $"Frist om {days} dage";
    public override string NoOneFound => "ingen (adressen er ikke registreret)";
    public override string RecentlyAnswered => "Senest besvaret";
    public override string NoneYet => "Ingen endnu.";
    public override string AnsweredColumn => "Besvaret";
    public override string OnTimeColumn => "Til tiden";
    public override string NoLate => "Nej, for sent";
    public override string BackToQueue => "Alle anmodninger";
    public override string RequestFacts => "Om anmodningen";
    public override string ExtendedOn(string day) => $"forlænget den {day}";
    public override string LanguageColumn => "Svarer på";
    public override string OutcomeColumn => "Resultat";
    public override string ActionsHeading => "Hvad skal der ske";
    public override string VerifyHeading => "Bekræft personens identitet";
    public override string VerifyIntro => "Personen har ikke skrevet koden fra e-mailen. Bekræft kun identiteten, når du har kontrolleret den på anden måde.";
    public override string VerifyHow => "Sådan kontrollerede du den";
    public override IReadOnlyList<(string Code, string Label)> IdentityChecks { get; } =
        [("id_document", "Legitimation set"), ("call_back", "Ringet tilbage på det registrerede nummer"), ("signed_letter", "Underskrevet brev fra den registrerede adresse"), ("known_contact", "Kendt kontakt i en åben sag")];
    public override string VerifyButton => "Bekræft identitet";
    public override string CompleteHeading => "Afslut anmodningen";

    public override string CompleteIntro(RequestKind kind) => kind switch
    {
        RequestKind.Access or RequestKind.Portability => "Personen kan derefter hente sine data i privatlivscentret og får besked på e-mail.",
        RequestKind.Rectification => "Værdien rettes med det samme, og svaret nævner de modtagere, der skal have besked.",
        RequestKind.Erasure => "Personens nøgle destrueres med det samme: dataene bliver ulæselige alle steder, også i sikkerhedskopier. Det, loven kræver opbevaret, gemmes kun til det formål.",
        RequestKind.Restriction => "Behandlingen begrænses med det samme: kun opbevaring og retskrav er tilladt.",
        RequestKind.Objection => "Indsigelsen gælder med det samme.",
        _ => "Personens samtykker trækkes tilbage med det samme.",
    };

    public override string EraseConfirm => "Jeg har kontrolleret, at ingen retslig tilbageholdelse eller åben tvist kræver, at personens data opbevares.";
    public override string CompleteButton => "Afslut";
    public override string ExtendHeading => "Forlæng fristen";
    public override string ExtendIntro(string extension) => $"Kun én gang og med op til {extension}, når anmodningen er kompleks, eller der er mange. Personen får at vide hvorfor.";
    public override string ReasonToPerson => "Begrundelse, som personen vil læse den";
    public override string ReasonToPersonHint => "Sendes til personen; skrives ikke i revisionssporet.";
    public override string ExtendButton => "Forlæng";
    public override string DenyHeading => "Afvis anmodningen";
    public override string DenyIntro => "Kun med en lovlig grund. Personen får at vide hvorfor, og at de kan klage til tilsynsmyndigheden.";
    public override string DenyCode => "Begrundelseskode";
    public override IReadOnlyList<(string Code, string Label)> DenyReasons { get; } =
        [("identity_not_proven", "Identiteten kunne ikke bekræftes"), ("manifestly_unfounded", "Åbenbart grundløs"), ("excessive", "Overdreven eller gentaget"), ("legal_obligation", "En retlig forpligtelse forhindrer det"), ("rights_of_others", "Det ville krænke andres rettigheder")];
    public override string DenyButton => "Afvis";
    public override string ActorColumn => "Af";
    public override string Verified => "Identiteten er bekræftet; personen har fået en kvittering.";
    public override string Completed => "Afsluttet; personen har fået besked.";
    public override string Extended => "Fristen er forlænget; personen har fået at vide hvorfor.";
    public override string Denied => "Afvist; personen har fået at vide hvorfor.";
    public override string EraseNotConfirmed => "Sæt flueben for at bekræfte, at intet kræver, at dataene opbevares.";
    public override string PeopleTitle => "Find en person";
    public override string PeopleIntro => "Kundedata ses kun for at løse en supportsag, eller når loven kræver det. Angiv hvorfor: begrundelsen og sagsnummeret skrives i revisionssporet sammen med opslaget.";
    public override string LookupBy => "Slå op efter";
    public override string LookupValue => "Adresse eller nummer";
    public override string LookupButton => "Slå op";
    public override string ReasonLabel => "Hvorfor";
    public override string ReasonHint => "Skrives i revisionssporet.";
    public override string ChooseReason => "Vælg en begrundelse";
    public override IReadOnlyList<(string Code, string Label)> LookupReasons { get; } =
        [("support_ticket", "Supportsag"), ("data_subject_request", "Anmodning fra den registrerede"), ("legal_request", "Retlig henvendelse fra en myndighed"), ("security_incident", "Sikkerhedshændelse"), ("billing_dispute", "Uenighed om en regning")];
    public override string TicketLabel => "Sagsnummer";
    public override string TicketHint => "Kun bogstaver, cifre og - _ . : / (for eksempel SUP-1234); aldrig et navn eller andre personoplysninger.";
    public override string ReasonMissing => "Vælg, hvorfor du skal se denne person.";
    public override string TicketInvalid => "Skriv et sagsnummer af bogstaver, cifre og - _ . : / (for eksempel SUP-1234) uden mellemrum eller personoplysninger.";
    public override string LookupValueMissing => "Skriv den e-mailadresse eller det telefonnummer, der skal slås op.";
    public override string NoOneRegistered => "Ingen er registreret med det. Opslaget står i revisionssporet.";
    public override string PersonTitle => "Person";
    public override string StateReasonFirst => "Angiv, hvorfor du skal se denne person. Visningen skrives i revisionssporet med din begrundelse.";
    public override string ViewPerson => "Vis";
    public override string ViewAudited(string reason, string ticket) => $"Denne visning står i revisionssporet: {reason}, sag {ticket}.";
    public override string PersonState => "Tilstand";
    public override string RegisteredColumn => "Registreret";
    public override string ErasedColumn => "Slettet";
    public override string RestrictedColumn => "Behandling begrænset";
    public override string LegalHoldColumn => "Retslig tilbageholdelse";
    public override string CategoriesHeld => "Oplysninger";
    public override string CategoriesHeldNote => "Værdierne vises ikke her; personen kan se dem i privatlivscentret.";
    public override string CategoryColumn => "Oplysning";
    public override string CountColumn => "Værdier";
    public override string DeletedColumn => "Slettes den";
    public override string WaitsForEvent => "Efter en hændelse (for eksempel abonnementets ophør)";
    public override string OnBehalfHeading => "Send en anmodning på personens vegne";
    public override string OnBehalfIntro => "Til en anmodning modtaget pr. brev eller telefon, når du har kontrolleret personens identitet.";
    public override string SubmitOnBehalf => "Send anmodningen";
    public override string SubmittedOnBehalf => "Anmodningen er sendt og bekræftet; fristen løber fra i dag.";
    public override string ChartsTitle => "Diagrammer";
    public override string ChartsIntro => "Tal ud fra nøgler og datoer alene; ingen personoplysning læses. Hvert diagram har en tabel med de samme tal.";
    public override string ConsentChartTitle => "Samtykkerate pr. formål, seneste 12 måneder";
    public override string ConsentChartNote => "Af dem, der havde truffet et valg om et formål ved udgangen af hver måned, andelen, hvis seneste valg var ja.";

    public override string ConsentChartDescription(IReadOnlyList<(string Label, double? First, double? Last)> series, string from, string until) =>
        series.Count == 0 ? "Ingen samtykker registreret endnu."
        : $"Kurvediagram fra {from} til {until}. " + string.Join(" ", series.Select(s => $"{s.Label}: {Percent(s.First)} i starten, {Percent(s.Last)} til sidst."));

    public override string ShowTable => "Vis tallene som tabel";
    public override string MonthColumn => "Måned";
    public override string RateCell(double rate, int given, int decided) => $"{rate.ToString("P0", Culture)} ({given} af {decided})";
    public override string ForecastChartTitle => "Prognose for sletning: poster, der skal slettes, de næste 24 måneder";
    public override string ForecastNote(long waiting) => $"Ud fra hver posts udløbsdato (poster, hvis dato er passeret, tælles i første måned). Yderligere {waiting.ToString("N0", Culture)} poster slettes efter en hændelse, der ikke er sket endnu, for eksempel et abonnements ophør.";
    public override string ForecastChartDescription(long total, string peakMonth, long peak, long waiting) =>
        $"Søjlediagram over poster, der skal slettes, pr. måned: {total.ToString("N0", Culture)} i alt, flest i {peakMonth} ({peak.ToString("N0", Culture)}). Yderligere {waiting.ToString("N0", Culture)} venter på en hændelse.";
    public override string RecordsColumn => "Poster";
    public override string ForecastTop => "Flest slettes af:";
    public override string OnTimeChartTitle => "Anmodninger besvaret til tiden, seneste 12 måneder";
    public override string OnTimeChartDescription(int onTime, int late, int overdue) => $"Stablet søjlediagram pr. måned: {onTime} besvaret til tiden (udfyldt), {late} for sent (skraveret). {overdue} åbne anmodning(er) har overskredet fristen nu.";
    public override string OnTime => "Til tiden";
    public override string Late => "For sent";
    public override string OverdueNow(int count) => count == 1 ? "1 åben anmodning har overskredet fristen nu." : $"{count} åbne anmodninger har overskredet fristen nu.";
    public override string AuditTitle => "Revisionsspor";
    public override string AuditIntro => "Hver beslutning, ændring og anmodning er én hashkædet post med kun id'er og koder. Verifikationen genberegner kæden og kontrollerer de signerede kontrolpunkter: en ændret, fjernet eller flyttet post bliver fundet.";
    public override string ChainHeading => "Kæden";
    public override string ChainEntries => "Poster";
    public override string ChainLatest => "Seneste post";
    public override string ChainValid(long entries, long checkpoints) => $"Kæden er intakt: {entries.ToString("N0", Culture)} poster og {checkpoints.ToString("N0", Culture)} signerede kontrolpunkter er verificeret.";
    public override string ChainBroken(long at, string message) => $"Kæden er brudt ved post {at.ToString("N0", Culture)}: {message}";
    public override string VerifyChain => "Verificér kæden nu";
    public override string RecentEntries => "Seneste poster";
    public override string ActionColumn => "Handling";
    public override string RopaTitle => "Fortegnelse over behandlingsaktiviteter";
    public override string RopaIntro(string policyId, string version) => $"GDPR artikel 30, bygget ud fra den politik, systemerne håndhæver ({policyId}, version {version}), så den ikke kan afvige fra det, der faktisk sker.";
    public override string DownloadCsv => "Hent som CSV";
    public override string ControllerColumn => "Dataansvarlig";
    public override string DpoColumn => "Databeskyttelsesrådgiver";
    public override string RopaCaption => "Én behandlingsaktivitet pr. formål";
    public override string LegalBasisColumn => "Retsgrundlag";
    public override string SubjectsColumn => "Registrerede";
    public override string RecipientsColumn => "Modtagere";
    public override string RetentionColumn => "Opbevaring";
    public override string LegalDutyMark => "lovkrav";
    public override string PolicyTitle => "Politik";
    public override string PolicyInForce => "Den gældende politik";
    public override string PolicyId => "Id";
    public override string PolicyVersion => "Version";
    public override string PolicyEffective => "Gældende fra";
    public override string PolicyHash => "SHA-256";
    public override string PolicyCounts => "Erklærer";
    public override string PolicyCountsText(int purposes, int categories, int recipients, int cookies) => $"{purposes} formål, {categories} slags oplysninger, {recipients} modtagere, {cookies} cookiekategorier";
    public override string PolicyVersionsNote => "Serveren gemmer ikke tidligere versioner: sammenlign filer nedenfor, eller med 'custodian policy diff GAMMEL NY'.";
    public override string DiffHeading => "Sammenlign to versioner";
    public override string DiffIntro => "En væsentlig ændring (et nyt formål, en bredere brug, en ny modtager, længere opbevaring) skal varsles, før den træder i kraft.";
    public override string DiffBefore => "Tidligere version";
    public override string DiffBeforeHint => "En politikfil i YAML.";
    public override string DiffAfter => "Senere version";
    public override string DiffAfterHint => "Lad den stå tom for at sammenligne med den gældende politik.";
    public override string DiffButton => "Sammenlign";
    public override string DiffResult(string before, string after) => $"Fra {before} til {after}";
    public override string DiffNone => "Ingen forskelle.";
    public override string DiffSummary(int changes, int material) => $"{changes} ændring(er), heraf {material} væsentlige.";
    public override string Material => "Væsentlig";
    public override string Minor => "Mindre";
    public override string DiffNeedsBefore => "Vælg filen med den tidligere version.";
    public override string DiffTooLarge(string file) => $"{file} er større end 1 MB; en politikfil er meget mindre. Vælg den rigtige fil.";
    public override string DiffUnreadable(string file) => $"{file} er ikke en gyldig politik. Ret disse fejl (eller kør 'custodian policy check'), og prøv igen:";

    public override IReadOnlyDictionary<string, string> BannerWords(string controller) => new Dictionary<string, string>
    {
        ["title"] = "Cookies på dette website",
        ["text"] = $"{controller} bruger cookies, som websitet skal bruge for at virke. Med din tilladelse bruger vi også andre, som står under Vælg. Du bestemmer; det er lige så nemt at afvise som at acceptere.",
        ["accept"] = "Accepter alle",
        ["reject"] = "Afvis alle",
        ["choose"] = "Vælg",
        ["save"] = "Gem mine valg",
        ["always"] = "altid slået til",
        ["gpc"] = "Din browser beder websites om ikke at sælge eller dele dine data (Global Privacy Control). Cookies, der ville gøre det, er slået fra.",
        ["gpcOff"] = "fra: Global Privacy Control",
        ["statement"] = "Privatlivspolitik",
        ["legend"] = "Hvilke cookies må vi bruge?",
    };

    private static string Percent(double? value) => value is { } v ? v.ToString("P0", Culture) : "ingen data";

    private static string StatementCase(string name) => Custodian.Statement.StatementText.InSentence(name);
}
