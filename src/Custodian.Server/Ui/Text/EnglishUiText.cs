using System.Globalization;
using Custodian.Policy;
using Custodian.Requests;

namespace Custodian.Server.Ui.Text;

/// <summary>The interface in English.</summary>
internal sealed class EnglishUiText : UiText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en");

    public override string LanguageName => "English";

    // Frame
    public override string SkipToContent => "Skip to content";
    public override string MainNavigation => "Main";
    public override string LanguageLabel => "Language";
    public override string PrivacyCenter => "Privacy center";
    public override string AdminConsole => "Admin console";
    public override string SignOut => "Sign out";
    public override string SignedOut => "You are signed out.";
    public override string Footer(string controller, string version, string effective) => $"{controller} · privacy policy version {version}, in force from {effective}.";
    public override string NotFoundTitle => "Page not found";
    public override string NotFoundText => "There is no page at this address. Check the address, or start again from the front page.";
    public override string BadFormTitle => "The form could not be sent";
    public override string BadFormText => "The form was too old or incomplete. Go back, reload the page and try again.";
    public override string MethodNotAllowedTitle => "This page cannot do that";
    public override string MethodNotAllowedText => "Pages here are only read and their forms sent. Open the page in a browser instead.";
    public override string TooManyTitle => "Too many attempts";
    public override string TooManyText => "There were too many attempts from your connection. Wait a minute and try again.";
    public override string UnavailableTitle => "Not available just now";
    public override string UnavailableText => "We could not reach our records for a moment. Please wait a few seconds and try again.";
    public override string ErrorTitle => "Something went wrong on our side";
    public override string ErrorText(string traceId) => $"Please try again. If it happens again, contact us and quote the reference {traceId}.";
    public override string BackHome => "Back to the front page";
    public override string Yes => "Yes";
    public override string No => "No";
    public override string SwitchOn => "On";
    public override string SwitchOff => "Off";
    public override string Given => "Given";
    public override string Withdrawn => "Withdrawn";
    public override string NavHome => "Privacy center";
    public override string NavSignIn => "Sign in";
    public override string NavStatement => "Privacy statement";
    public override string NavMyData => "My data";
    public override string NavChoices => "My choices";
    public override string NavRequests => "My requests";
    public override string NavQueue => "Requests";
    public override string NavPeople => "People";
    public override string NavCharts => "Charts";
    public override string NavAudit => "Audit trail";
    public override string NavRopa => "Record of processing";
    public override string NavPolicy => "Policy";
    public override string EmailLabel => "Email address";
    public override string PhoneLabel => "Phone number";
    public override string EmailInvalid => "Enter an email address in the form name@example.com.";
    public override string SignInBusy => "Too many people are signing in right now. Nothing was sent; try again in a few minutes.";
    public override string PhoneInvalid => "Enter a phone number with its country code, for example +45 20 30 40 50.";
    public override string SignInButton => "Sign in";

    public override string RequestKindName(RequestKind kind) => kind switch
    {
        RequestKind.Access => "Copy of your data",
        RequestKind.Portability => "Your data in a machine-readable format",
        RequestKind.Rectification => "Correction",
        RequestKind.Erasure => "Erasure",
        RequestKind.Restriction => "Restriction of use",
        RequestKind.Objection => "Objection",
        _ => "Withdrawal of consent",
    };

    public override string StatusName(RequestStatus status) => status switch
    {
        RequestStatus.Received => "Received, waiting for identity check",
        RequestStatus.Verified => "Received, identity confirmed",
        RequestStatus.InProgress => "In progress",
        RequestStatus.Extended => "Extended",
        RequestStatus.Completed => "Done",
        _ => "Refused",
    };

    public override string ChannelName(RequestChannel channel) => channel switch
    {
        RequestChannel.Person => "The person (email code)",
        RequestChannel.Service => "Privacy center or app",
        _ => "Staff, on the person's behalf",
    };

    public override string Method(string method) => method switch
    {
        "privacy-center" => "in the privacy center",
        "web-form" => "web form",
        "signed-form" => "signed form",
        "unsubscribe-link" => "unsubscribe link",
        "rights-request" => "a request",
        "cookie-banner" => "cookie banner",
        "gpc" => "Global Privacy Control",
        "phone-call" => "by phone",
        "api" => "app",
        _ => method,
    };

    public override string Overdue => "overdue";

    public override string BasisShort(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "with your consent",
        LegalBasis.Contract => "because of our agreement with you",
        LegalBasis.LegalObligation => "because the law requires it",
        LegalBasis.VitalInterest => "to protect someone's life or health",
        LegalBasis.PublicTask => "for a task in the public interest",
        _ => "because of our legitimate interest",
    };

    public override string RequestColumn => "Request";
    public override string ReceivedColumn => "Received";
    public override string StatusColumn => "Status";
    public override string DueColumn => "Answer due by";
    public override string ReferenceColumn => "Reference";
    public override string PersonColumn => "Person (pseudonymous id)";
    public override string ChannelColumn => "Made by";
    public override string PurposeColumn => "Purpose";
    public override string ReasonColumn => "Reason";
    public override string HistoryDate => "Date";
    public override string HistoryHeading => "History";
    public override string HistoryEmpty => "Nothing recorded yet.";
    public override string ConsentsHeading => "Consents";
    public override string NoRequests => "No requests yet.";
    public override string CorrectWhich => "What to correct";
    public override string CorrectValue => "The correct value";

    // Privacy center
    public override string CenterTitle => "Your privacy";
    public override string CenterHeading(string controller) => $"Your privacy at {controller}";
    public override string CenterIntro(string controller) => $"See the personal data {controller} holds about you, why we use it and when we delete it. Change your choices, download a copy, or ask us to correct or erase it.";
    public override string GoToMyData => "Go to my data";
    public override string ReadStatement => "Read the privacy statement";
    public override string WhatYouCanDo => "What you can do here";
    public override IReadOnlyList<(string Heading, string Text)> CenterTasks { get; } =
    [
        ("See your data", "Every kind of data we hold, in plain words: why we use it, on what legal basis, who receives it and when we delete it."),
        ("Download a copy", "A readable page and a machine-readable file with all your data, including your consent history."),
        ("Change your choices", "Switch consents on or off. A change takes effect at once."),
        ("Ask us to act", "Ask us to correct, erase or restrict the use of your data, or object to a use, and follow each request until it is answered."),
    ];
    public override string SignInTitle => "Sign in";
    public override string SignInIntro => "Enter the email address you are registered with. We send a six-digit code to it; no password is needed.";
    public override string EmailHint => "The address you gave us as a customer.";
    public override string SendCode => "Send me a code";
    public override string CodeTitle => "Enter your code";
    public override string CodeIntro(int minutes) => $"If the address you entered belongs to a customer, we have sent a six-digit code to it. The code works for {minutes} minutes.";
    public override string CodeLabel => "Code";
    public override string CodeHint => "Six digits, from the email.";
    public override string CodeWrong(int attemptsLeft) => attemptsLeft == 1 ? "The code is wrong. You have 1 attempt left." : $"The code is wrong. You have {attemptsLeft} attempts left.";
    public override string CodeTooMany => "Too many wrong codes. Start again to get a new code.";
    public override string CodeExpired => "The code has expired or was already used. Start again to get a new code.";
    public override string StartAgain => "Start again";
    public override string SignedIn => "You are signed in.";
    public override (string Subject, string Body) SignInMessage(string controller, string code, int minutes) =>
        ($"Your sign-in code for {controller}", $"Hello,\n\nTo sign in to the privacy center of {controller}, enter this code:\n\n    {code}\n\nThe code works for {minutes} minutes. If you did not try to sign in, ignore this message.\n\n{controller}");
    public override string MyDataTitle => "My data";
    public override string MyDataIntro(string controller) => $"This is all the personal data {controller} holds about you, with what we use it for and when we delete it.";
    public override string RestrictedNote => "You asked us to restrict the use of your data: we only store it, and use it for legal claims, until the restriction is lifted.";
    public override string DownloadHeading => "Download your data";
    public override string DownloadIntro => "A copy of everything we hold about you, including every reading and your consent history.";
    public override string DownloadHtml => "Download as a readable page (HTML)";
    public override string DownloadJson => "Download as a machine-readable file (JSON)";
    public override string HeldHeading => "The data we hold";
    public override string NothingHeld => "We hold no data about you.";
    public override string WhatWeHold => "What we hold";
    public override string WhyWeUseIt => "Why we use it";
    public override string HeldForLegalDuty => "Kept only because the law requires it, and used for nothing else.";
    public override string NotInUse => "Not used for this now:";

    public override string WhyNotInUse(IReadOnlyList<string> reasonCodes) => (reasonCodes.Count > 0 ? reasonCodes[0] : null) switch
    {
        "consent_missing" => "you have not said yes to it.",
        "consent_withdrawn" => "you withdrew your consent.",
        "explicit_consent_missing" => "we need your explicit consent first.",
        "consent_outdated" => "the purpose changed, so we need your consent again.",
        "objected" => "you objected to it.",
        "restricted" => "you asked us to restrict the use of your data.",
        "no_contract" or "contract_ended" => "you have no agreement with us that needs it.",
        "record_expired" => "the time we may keep it for has ended.",
        "permission_off" => "you switched the permission off.",
        "kept_for_legal_duty_only" => "it is kept only because the law requires it.",
        "not_existing_customer" => "it is only for existing customers.",
        _ => "our privacy policy does not allow it at the moment.",
    };

    public override string WhoReceivesIt => "Who receives it";
    public override string NoRecipients(string controller) => $"No one outside {controller}.";
    public override string OnlyWithYourAgreement(string recipient) => $"{recipient} (only when you have agreed to it)";
    public override string WhenDeleted => "When we delete it";
    public override string DeletedOn(string day) => $"On {day}.";
    public override string NoRetentionRule => "When no purpose needs it any more.";
    public override string SecretNotShown => "Not shown: stored only as a one-way code that no one can read.";
    public override string ReadingsHeading => "Readings and activity";
    public override string ReadingsSummary(string category, long count, string first, string last) => $"{category}: {count.ToString("N0", Culture)} readings from {first} to {last}. Every reading is in the downloads.";
    public override string ChangeChoicesLink => "Change your choices";
    public override string RequestsLink => "Your requests";
    public override string ChoicesTitle => "My choices";
    public override string ChoicesIntro => "Switch your consents on or off. A change takes effect at once, and your history below shows every change. What we did before you withdrew a consent remains lawful.";
    public override string ConsentsIntro => "We only use your data for these purposes while you say yes.";
    public override string PermissionsHeading => "App permissions";
    public override string PermissionsIntro => "Each permission lets the app collect one kind of data. Switching it off stops the collection at once.";
    public override string ConsentGivenSince(string day) => $"You said yes on {day}.";
    public override string ConsentNeverGiven => "You have not said yes.";
    public override string ConsentWithdrawnSince(string day) => $"You said no on {day}.";
    public override string ObjectionsHeading => "Uses you can object to";
    public override string ObjectionsIntro => "We use your data for these purposes because of our legitimate interest. You can object, and then we stop.";
    public override string ObjectedSince(string day) => $"You objected on {day}; we have stopped.";
    public override string NotObjected => "You have not objected.";
    public override string ObjectButton => "Object";
    public override string LiftObjection => "Withdraw my objection";
    public override string HistoryWhat => "For";
    public override string HistoryChoice => "Your choice";
    public override string HistoryHow => "How";
    public override string HistoryVersion => "Policy version";
    public override string ChoiceFailed => "Your change could not be saved. Reload the page and try again.";
    public override string ConsentSaved(string name, bool given) => given ? $"Saved: {name} is now on. This takes effect at once." : $"Saved: {name} is now off. We stop at once.";
    public override string ObjectionSaved(string name) => $"Your objection to {Custodian.Statement.StatementText.InSentence(name)} is recorded. We have stopped.";
    public override string ObjectionLifted(string name) => $"Your objection to {Custodian.Statement.StatementText.InSentence(name)} is withdrawn.";
    public override string RequestsTitle => "My requests";
    public override string RequestsIntro(string responseTime) => $"Ask us to correct, erase or restrict the use of your data. We answer within {responseTime}, and you can follow each request here.";
    public override string YourRequests => "Your requests";
    public override string AnsweredOn(string day) => $"on {day}";
    public override string NewRequestHeading => "Make a request";
    public override string CorrectionHeading => "Correct your data";
    public override string CorrectionIntro => "Choose what is wrong and give the correct value. We correct it at once and tell anyone we shared it with.";
    public override string NothingToCorrect => "There is nothing to correct.";
    public override string CorrectButton => "Correct it";
    public override string ErasureHeading => "Erase your data";
    public override string ErasureIntro => "We erase everything we may erase. What the law requires us to keep (such as bookkeeping) is kept for that only, and our answer says what and until when.";
    public override string ErasureConfirm => "I understand that my data will be erased and my customer account can no longer be used.";
    public override string ErasureButton => "Ask us to erase my data";
    public override string RestrictionHeading => "Restrict the use of your data";
    public override string RestrictionIntro => "While a restriction is on, we only store your data and use it for legal claims, for example while we check a correction.";
    public override string RestrictionButton => "Ask us to restrict use";
    public override string ObjectionHeading => "Object to a use";
    public override string ObjectionIntroShort => "Objections take effect at once, on your choices page.";
    public override string CorrectionMissing => "Choose what to correct and enter the correct value.";
    public override string CorrectionRefused => "That value cannot be stored (it looks like a payment card number). Enter the correct value without it.";
    public override string RequestFailed => "Your request could not be made. Reload the page and try again.";
    public override string CorrectionDone => "Corrected. Anyone we shared it with is told of the correction.";
    public override string ErasureNotConfirmed => "Tick the box to confirm that you want your data erased.";
    public override string RequestReceived(string kind, string due) => $"We have received your request ({kind}). We will answer by {due} at the latest.";

    // Admin console
    public override string AdminSignInTitle => "Sign in to the admin console";
    public override string AdminSignInIntro => "Sign in with an admin API key (cus_…). Create one with 'custodian keys create --scope admin'. The session ends after 8 hours or when you sign out.";
    public override string ApiKeyLabel => "Admin API key";
    public override string ApiKeyHint => "It is checked and then forgotten: the session never stores it.";
    public override string ApiKeyInvalid => "That key is unknown or revoked. Check it, or create a new one with 'custodian keys create --scope admin'.";
    public override string ApiKeyNotAdmin => "That key is valid but not an admin key. Sign in with a key of scope admin.";
    public override string QueueTitle => "Requests";
    public override string QueueIntro(int open, int overdue) => $"{open} open request(s), {overdue} overdue. The earliest deadline comes first.";
    public override string OpenRequests => "Open requests";
    public override string QueueEmpty => "No open requests.";
    public override string QueueCaption => "Open requests, earliest deadline first";
    public override string OverdueBy(int days) => days <= 1 ? "Overdue by 1 day" : $"Overdue by {days} days";
    public override string DueIn(int days) => days <= 0 ? "Due today" : days == 1 ? "Due in 1 day" : $"Due in {days} days";
    public override string NoOneFound => "no one (address not registered)";
    public override string RecentlyAnswered => "Recently answered";
    public override string NoneYet => "None yet.";
    public override string AnsweredColumn => "Answered";
    public override string OnTimeColumn => "On time";
    public override string NoLate => "No, late";
    public override string BackToQueue => "All requests";
    public override string RequestFacts => "About the request";
    public override string ExtendedOn(string day) => $"extended on {day}";
    public override string LanguageColumn => "Answers in";
    public override string OutcomeColumn => "Outcome";
    public override string ActionsHeading => "What to do";
    public override string VerifyHeading => "Confirm the person's identity";
    public override string VerifyIntro => "The person has not entered the code we emailed. Confirm their identity only after checking it another way.";
    public override string VerifyHow => "How you checked it";
    public override IReadOnlyList<(string Code, string Label)> IdentityChecks { get; } =
        [("id_document", "Identity document seen"), ("call_back", "Called back on the registered number"), ("signed_letter", "Signed letter from the registered address"), ("known_contact", "Known contact in an open case")];
    public override string VerifyButton => "Confirm identity";
    public override string CompleteHeading => "Complete the request";

    public override string CompleteIntro(RequestKind kind) => kind switch
    {
        RequestKind.Access or RequestKind.Portability => "The person can then download their data in the privacy center; they are told by email.",
        RequestKind.Rectification => "The value is corrected at once and the recipients to inform are named in the answer.",
        RequestKind.Erasure => "This destroys the person's key at once: their data becomes unreadable everywhere, backups included. Data the law requires us to keep is kept for that only.",
        RequestKind.Restriction => "Processing is restricted at once: only storage and legal claims remain allowed.",
        RequestKind.Objection => "The objection takes effect at once.",
        _ => "The person's consents are withdrawn at once.",
    };

    public override string EraseConfirm => "I have checked that no legal hold or open dispute requires keeping this person's data.";
    public override string CompleteButton => "Complete";
    public override string ExtendHeading => "Extend the deadline";
    public override string ExtendIntro(string extension) => $"Once only, by up to {extension}, when the request is complex or there are many. The person is told why.";
    public override string ReasonToPerson => "Reason, as the person will read it";
    public override string ReasonToPersonHint => "Sent to the person; it is not written to the audit trail.";
    public override string ExtendButton => "Extend";
    public override string DenyHeading => "Refuse the request";
    public override string DenyIntro => "Only with a lawful reason. The person is told why and that they can complain to the supervisory authority.";
    public override string DenyCode => "Reason code";
    public override IReadOnlyList<(string Code, string Label)> DenyReasons { get; } =
        [("identity_not_proven", "Identity could not be confirmed"), ("manifestly_unfounded", "Manifestly unfounded"), ("excessive", "Excessive or repetitive"), ("legal_obligation", "A legal obligation prevents it"), ("rights_of_others", "It would affect the rights of others")];
    public override string DenyButton => "Refuse";
    public override string ActorColumn => "By";
    public override string Verified => "Identity confirmed; the person has been sent a receipt.";
    public override string Completed => "Completed; the person has been told.";
    public override string Extended => "Deadline extended; the person has been told why.";
    public override string Denied => "Refused; the person has been told why.";
    public override string EraseNotConfirmed => "Tick the box to confirm that nothing requires keeping the data.";
    public override string PeopleTitle => "Find a person";
    public override string PeopleIntro => "Customer data is looked at only to resolve a support issue or when the law requires it. State why: the reason and the ticket are written to the audit trail with the lookup.";
    public override string LookupBy => "Look up by";
    public override string LookupValue => "Address or number";
    public override string LookupButton => "Look up";
    public override string ReasonLabel => "Why";
    public override string ReasonHint => "Written to the audit trail.";
    public override string ChooseReason => "Choose a reason";
    public override IReadOnlyList<(string Code, string Label)> LookupReasons { get; } =
        [("support_ticket", "Support ticket"), ("data_subject_request", "Data subject request"), ("legal_request", "Legal request from an authority"), ("security_incident", "Security incident"), ("billing_dispute", "Billing dispute")];
    public override string TicketLabel => "Ticket reference";
    public override string TicketHint => "Letters, digits and - _ . : / only (for example SUP-1234); never a name or other personal data.";
    public override string ReasonMissing => "Choose why you need to look at this person.";
    public override string TicketInvalid => "Enter a ticket reference of letters, digits and - _ . : / (for example SUP-1234), with no spaces or personal data.";
    public override string LookupValueMissing => "Enter the email address or phone number to look up.";
    public override string NoOneRegistered => "No one is registered with that. The lookup is in the audit trail.";
    public override string PersonTitle => "Person";
    public override string StateReasonFirst => "State why you need to see this person. The view is written to the audit trail with your reason.";
    public override string ViewPerson => "View";
    public override string ViewAudited(string reason, string ticket) => $"This view is in the audit trail: {reason}, ticket {ticket}.";
    public override string PersonState => "State";
    public override string RegisteredColumn => "Registered";
    public override string ErasedColumn => "Erased";
    public override string RestrictedColumn => "Processing restricted";
    public override string LegalHoldColumn => "Legal hold";
    public override string CategoriesHeld => "Data held";
    public override string CategoriesHeldNote => "Values are not shown here; the person can see them in the privacy center.";
    public override string CategoryColumn => "Data";
    public override string CountColumn => "Values";
    public override string DeletedColumn => "Deleted on";
    public override string WaitsForEvent => "After an event (such as the end of the subscription)";
    public override string OnBehalfHeading => "Make a request on the person's behalf";
    public override string OnBehalfIntro => "For a request made by letter or phone, after you have checked the person's identity.";
    public override string SubmitOnBehalf => "Submit the request";
    public override string SubmittedOnBehalf => "Request submitted and verified; the deadline runs from today.";
    public override string ChartsTitle => "Charts";
    public override string ChartsIntro => "Figures from keys and dates only; no personal value is read. Each chart has a table of the same figures.";
    public override string ConsentChartTitle => "Consent rate per purpose, last 12 months";
    public override string ConsentChartNote => "Of the people who had made a choice about a purpose by the end of each month, the share whose latest choice was yes.";

    public override string ConsentChartDescription(IReadOnlyList<(string Label, double? First, double? Last)> series, string from, string until) =>
        series.Count == 0 ? "No consents recorded yet."
        : $"Line chart from {from} to {until}. " + string.Join(" ", series.Select(s => $"{s.Label}: {Percent(s.First)} at the start, {Percent(s.Last)} at the end."));

    public override string ShowTable => "Show the figures as a table";
    public override string MonthColumn => "Month";
    public override string RateCell(double rate, int given, int decided) => $"{rate.ToString("P0", Culture)} ({given} of {decided})";
    public override string ForecastChartTitle => "Retention forecast: records due for deletion, next 24 months";
    public override string ForecastNote(long waiting) => $"From each record's expiry date (records past it count in the first month). {waiting.ToString("N0", Culture)} more records are deleted after an event that has not happened yet, such as the end of a subscription.";
    public override string ForecastChartDescription(long total, string peakMonth, long peak, long waiting) =>
        $"Bar chart of records due for deletion per month: {total.ToString("N0", Culture)} in all, most in {peakMonth} ({peak.ToString("N0", Culture)}). {waiting.ToString("N0", Culture)} more wait for an event.";
    public override string RecordsColumn => "Records";
    public override string ForecastTop => "Most deleted:";
    public override string OnTimeChartTitle => "Requests answered on time, last 12 months";
    public override string OnTimeChartDescription(int onTime, int late, int overdue) => $"Stacked bar chart per month: {onTime} answered on time (solid), {late} late (hatched). {overdue} open request(s) are overdue now.";
    public override string OnTime => "On time";
    public override string Late => "Late";
    public override string OverdueNow(int count) => count == 1 ? "1 open request is overdue now." : $"{count} open requests are overdue now.";
    public override string AuditTitle => "Audit trail";
    public override string AuditIntro => "Every decision, change and request is one hash-chained entry holding ids and codes only. Verification recomputes the chain and checks the signed checkpoints: an edited, dropped or reordered entry is found.";
    public override string ChainHeading => "The chain";
    public override string ChainEntries => "Entries";
    public override string ChainLatest => "Latest entry";
    public override string ChainValid(long entries, long checkpoints) => $"The chain is intact: {entries.ToString("N0", Culture)} entries and {checkpoints.ToString("N0", Culture)} signed checkpoints verified.";
    public override string ChainBroken(long at, string message) => $"The chain is broken at entry {at.ToString("N0", Culture)}: {message}";
    public override string VerifyChain => "Verify the chain now";
    public override string RecentEntries => "Latest entries";
    public override string ActionColumn => "Action";
    public override string RopaTitle => "Record of processing activities";
    public override string RopaIntro(string policyId, string version) => $"GDPR Art. 30, built from the policy the systems enforce ({policyId}, version {version}), so it cannot drift from what actually happens.";
    public override string DownloadCsv => "Download as CSV";
    public override string ControllerColumn => "Controller";
    public override string DpoColumn => "Data protection officer";
    public override string RopaCaption => "One processing activity per purpose";
    public override string LegalBasisColumn => "Legal basis";
    public override string SubjectsColumn => "Data subjects";
    public override string RecipientsColumn => "Recipients";
    public override string RetentionColumn => "Retention";
    public override string LegalDutyMark => "legal duty";
    public override string PolicyTitle => "Policy";
    public override string PolicyInForce => "The policy in force";
    public override string PolicyId => "Id";
    public override string PolicyVersion => "Version";
    public override string PolicyEffective => "In force from";
    public override string PolicyHash => "SHA-256";
    public override string PolicyCounts => "Declares";
    public override string PolicyCountsText(int purposes, int categories, int recipients, int cookies) => $"{purposes} purposes, {categories} data categories, {recipients} recipients, {cookies} cookie categories";
    public override string PolicyVersionsNote => "Earlier versions are not stored by the server: compare files below, or with 'custodian policy diff OLD NEW'.";
    public override string DiffHeading => "Compare two versions";
    public override string DiffIntro => "A material change (a new purpose, a wider use, a new recipient, a longer retention) must be announced before it takes effect.";
    public override string DiffBefore => "Earlier version";
    public override string DiffBeforeHint => "A policy YAML file.";
    public override string DiffAfter => "Later version";
    public override string DiffAfterHint => "Leave empty to compare with the policy in force.";
    public override string DiffButton => "Compare";
    public override string DiffResult(string before, string after) => $"From {before} to {after}";
    public override string DiffNone => "No differences.";
    public override string DiffSummary(int changes, int material) => $"{changes} change(s), {material} material.";
    public override string Material => "Material";
    public override string Minor => "Minor";
    public override string DiffNeedsBefore => "Choose the earlier version's file.";
    public override string DiffTooLarge(string file) => $"{file} is larger than 1 MB; a policy file is much smaller. Choose the right file.";
    public override string DiffUnreadable(string file) => $"{file} is not a valid policy. Fix these errors (or run 'custodian policy check') and try again:";

    public override IReadOnlyDictionary<string, string> BannerWords(string controller) => new Dictionary<string, string>
    {
        ["title"] = "Cookies on this site",
        ["text"] = $"{controller} uses cookies that the site needs to work. With your permission we also use others, listed under Choose. You decide; rejecting is as easy as accepting.",
        ["accept"] = "Accept all",
        ["reject"] = "Reject all",
        ["choose"] = "Choose",
        ["save"] = "Save my choices",
        ["always"] = "always on",
        ["gpc"] = "Your browser asks sites not to sell or share your data (Global Privacy Control). Cookies that would do so are off.",
        ["gpcOff"] = "off: Global Privacy Control",
        ["statement"] = "Privacy statement",
        ["legend"] = "Which cookies may we use?",
    };

    private static string Percent(double? value) => value is { } v ? v.ToString("P0", Culture) : "no data";
}
