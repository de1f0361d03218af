using Custodian.Requests;

namespace Custodian.Server.Ui.Text;

public abstract partial class UiText
{
    // The privacy center.

    /// <summary>The center's front page title.</summary>
    public abstract string CenterTitle { get; }

    /// <summary>The front page heading.</summary>
    public abstract string CenterHeading(string controller);

    /// <summary>The front page introduction.</summary>
    public abstract string CenterIntro(string controller);

    /// <summary>Button: go to my data.</summary>
    public abstract string GoToMyData { get; }

    /// <summary>Button: read the privacy statement.</summary>
    public abstract string ReadStatement { get; }

    /// <summary>Heading: what you can do here.</summary>
    public abstract string WhatYouCanDo { get; }

    /// <summary>The tasks the center offers, each a heading and a sentence.</summary>
    public abstract IReadOnlyList<(string Heading, string Text)> CenterTasks { get; }

    /// <summary>Sign-in: title.</summary>
    public abstract string SignInTitle { get; }

    /// <summary>Sign-in: how it works.</summary>
    public abstract string SignInIntro { get; }

    /// <summary>Sign-in: the email field's hint.</summary>
    public abstract string EmailHint { get; }

    /// <summary>Sign-in: the button that sends the code.</summary>
    public abstract string SendCode { get; }

    /// <summary>Code: title.</summary>
    public abstract string CodeTitle { get; }

    /// <summary>Code: where the code went and how long it works.</summary>
    public abstract string CodeIntro(int minutes);

    /// <summary>Code: the field's label.</summary>
    public abstract string CodeLabel { get; }

    /// <summary>Code: the field's hint.</summary>
    public abstract string CodeHint { get; }

    /// <summary>Code: a wrong code.</summary>
    public abstract string CodeWrong(int attemptsLeft);

    /// <summary>Code: too many wrong codes.</summary>
    public abstract string CodeTooMany { get; }

    /// <summary>Code: expired or unknown.</summary>
    public abstract string CodeExpired { get; }

    /// <summary>Code: start again.</summary>
    public abstract string StartAgain { get; }

    /// <summary>After signing in.</summary>
    public abstract string SignedIn { get; }

    /// <summary>The email carrying the sign-in code.</summary>
    public abstract (string Subject, string Body) SignInMessage(string controller, string code, int minutes);

    /// <summary>My data: title.</summary>
    public abstract string MyDataTitle { get; }

    /// <summary>My data: introduction.</summary>
    public abstract string MyDataIntro(string controller);

    /// <summary>My data: processing is restricted.</summary>
    public abstract string RestrictedNote { get; }

    /// <summary>My data: heading of the downloads.</summary>
    public abstract string DownloadHeading { get; }

    /// <summary>My data: what the downloads hold.</summary>
    public abstract string DownloadIntro { get; }

    /// <summary>My data: readable download.</summary>
    public abstract string DownloadHtml { get; }

    /// <summary>My data: machine-readable download.</summary>
    public abstract string DownloadJson { get; }

    /// <summary>My data: heading of the categories.</summary>
    public abstract string HeldHeading { get; }

    /// <summary>My data: nothing held.</summary>
    public abstract string NothingHeld { get; }

    /// <summary>My data: the values.</summary>
    public abstract string WhatWeHold { get; }

    /// <summary>My data: the purposes.</summary>
    public abstract string WhyWeUseIt { get; }

    /// <summary>My data: kept only under a legal duty.</summary>
    public abstract string HeldForLegalDuty { get; }

    /// <summary>My data: a purpose not in use for this person now.</summary>
    public abstract string NotInUse { get; }

    /// <summary>My data: why a purpose is not in use, from decision reason codes.</summary>
    public abstract string WhyNotInUse(IReadOnlyList<string> reasonCodes);

    /// <summary>My data: the recipients.</summary>
    public abstract string WhoReceivesIt { get; }

    /// <summary>My data: no one outside the controller.</summary>
    public abstract string NoRecipients(string controller);

    /// <summary>My data: a recipient that needs the person's own agreement.</summary>
    public abstract string OnlyWithYourAgreement(string recipient);

    /// <summary>My data: deletion.</summary>
    public abstract string WhenDeleted { get; }

    /// <summary>My data: deleted on a date.</summary>
    public abstract string DeletedOn(string day);

    /// <summary>My data: no retention rule names the category.</summary>
    public abstract string NoRetentionRule { get; }

    /// <summary>My data: a secret's placeholder.</summary>
    public abstract string SecretNotShown { get; }

    /// <summary>My data: heading of readings.</summary>
    public abstract string ReadingsHeading { get; }

    /// <summary>My data: readings of a category, counted.</summary>
    public abstract string ReadingsSummary(string category, long count, string first, string last);

    /// <summary>Link to the choices page.</summary>
    public abstract string ChangeChoicesLink { get; }

    /// <summary>Link to the requests page.</summary>
    public abstract string RequestsLink { get; }

    /// <summary>Choices: title.</summary>
    public abstract string ChoicesTitle { get; }

    /// <summary>Choices: introduction.</summary>
    public abstract string ChoicesIntro { get; }

    /// <summary>Choices: what switching a consent does.</summary>
    public abstract string ConsentsIntro { get; }

    /// <summary>Choices: heading of permissions.</summary>
    public abstract string PermissionsHeading { get; }

    /// <summary>Choices: what switching a permission does.</summary>
    public abstract string PermissionsIntro { get; }

    /// <summary>Choices: given since a date.</summary>
    public abstract string ConsentGivenSince(string day);

    /// <summary>Choices: never given.</summary>
    public abstract string ConsentNeverGiven { get; }

    /// <summary>Choices: withdrawn since a date.</summary>
    public abstract string ConsentWithdrawnSince(string day);

    /// <summary>Choices: heading of objections.</summary>
    public abstract string ObjectionsHeading { get; }

    /// <summary>Choices: what an objection does.</summary>
    public abstract string ObjectionsIntro { get; }

    /// <summary>Choices: objected since a date.</summary>
    public abstract string ObjectedSince(string day);

    /// <summary>Choices: no objection.</summary>
    public abstract string NotObjected { get; }

    /// <summary>Choices: object.</summary>
    public abstract string ObjectButton { get; }

    /// <summary>Choices: withdraw the objection.</summary>
    public abstract string LiftObjection { get; }

    /// <summary>Column: what the consent is for.</summary>
    public abstract string HistoryWhat { get; }

    /// <summary>Column: the choice.</summary>
    public abstract string HistoryChoice { get; }

    /// <summary>Column: how it was recorded.</summary>
    public abstract string HistoryHow { get; }

    /// <summary>Column: the policy version.</summary>
    public abstract string HistoryVersion { get; }

    /// <summary>Choices: a change that could not be saved.</summary>
    public abstract string ChoiceFailed { get; }

    /// <summary>Choices: a consent switched, in effect at once.</summary>
    public abstract string ConsentSaved(string name, bool given);

    /// <summary>Choices: an objection recorded.</summary>
    public abstract string ObjectionSaved(string name);

    /// <summary>Choices: an objection withdrawn.</summary>
    public abstract string ObjectionLifted(string name);

    /// <summary>Requests: title.</summary>
    public abstract string RequestsTitle { get; }

    /// <summary>Requests: introduction with the response time.</summary>
    public abstract string RequestsIntro(string responseTime);

    /// <summary>Requests: heading of the list.</summary>
    public abstract string YourRequests { get; }

    /// <summary>Requests: answered on a date.</summary>
    public abstract string AnsweredOn(string day);

    /// <summary>Requests: heading of the forms.</summary>
    public abstract string NewRequestHeading { get; }

    /// <summary>Requests: correction.</summary>
    public abstract string CorrectionHeading { get; }

    /// <summary>Requests: what a correction does.</summary>
    public abstract string CorrectionIntro { get; }

    /// <summary>Requests: nothing to correct.</summary>
    public abstract string NothingToCorrect { get; }

    /// <summary>Requests: correct.</summary>
    public abstract string CorrectButton { get; }

    /// <summary>Requests: erasure.</summary>
    public abstract string ErasureHeading { get; }

    /// <summary>Requests: what erasure does.</summary>
    public abstract string ErasureIntro { get; }

    /// <summary>Requests: the erasure confirmation.</summary>
    public abstract string ErasureConfirm { get; }

    /// <summary>Requests: ask for erasure.</summary>
    public abstract string ErasureButton { get; }

    /// <summary>Requests: restriction.</summary>
    public abstract string RestrictionHeading { get; }

    /// <summary>Requests: what restriction does.</summary>
    public abstract string RestrictionIntro { get; }

    /// <summary>Requests: ask for restriction.</summary>
    public abstract string RestrictionButton { get; }

    /// <summary>Requests: objection.</summary>
    public abstract string ObjectionHeading { get; }

    /// <summary>Requests: where objections are made.</summary>
    public abstract string ObjectionIntroShort { get; }

    /// <summary>Requests: a correction without a value.</summary>
    public abstract string CorrectionMissing { get; }

    /// <summary>Requests: a value that cannot be stored.</summary>
    public abstract string CorrectionRefused { get; }

    /// <summary>Requests: a request that could not be made.</summary>
    public abstract string RequestFailed { get; }

    /// <summary>Requests: a correction made.</summary>
    public abstract string CorrectionDone { get; }

    /// <summary>Requests: erasure asked without the confirmation.</summary>
    public abstract string ErasureNotConfirmed { get; }

    /// <summary>Requests: received, with the deadline.</summary>
    public abstract string RequestReceived(string kind, string due);
}
