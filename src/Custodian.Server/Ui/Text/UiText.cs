using Custodian.Policy;
using Custodian.Requests;

namespace Custodian.Server.Ui.Text;

/// <summary>
/// Every word of the privacy center, the admin console and the cookie banner for one language, in one place a translator can
/// review; each language is a subclass (<see cref="En"/>, <see cref="Da"/>), and a member a language lacks does not compile,
/// so no page silently falls back to English. The statement's own wording (dates, legal bases, retention) comes from
/// <see cref="Custodian.Statement.StatementText"/>.
/// </summary>
public abstract partial class UiText
{
    /// <summary>English.</summary>
    public static UiText En { get; } = new EnglishUiText();

    /// <summary>Danish.</summary>
    public static UiText Da { get; } = new DanishUiText();

    /// <summary>The languages the interface has words for.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "da"];

    /// <summary>The words for a language; English when there are none.</summary>
    public static UiText For(string? language) => language == "da" ? Da : En;

    /// <summary>The language's name in itself ("Dansk").</summary>
    public abstract string LanguageName { get; }

    // Frame of every page.

    /// <summary>The skip link.</summary>
    public abstract string SkipToContent { get; }

    /// <summary>The main navigation's label.</summary>
    public abstract string MainNavigation { get; }

    /// <summary>The language switch's label.</summary>
    public abstract string LanguageLabel { get; }

    /// <summary>"Privacy center".</summary>
    public abstract string PrivacyCenter { get; }

    /// <summary>"Admin console".</summary>
    public abstract string AdminConsole { get; }

    /// <summary>The sign-out button.</summary>
    public abstract string SignOut { get; }

    /// <summary>After signing out.</summary>
    public abstract string SignedOut { get; }

    /// <summary>The footer line.</summary>
    public abstract string Footer(string controller, string version, string effective);

    /// <summary>Error page: not found.</summary>
    public abstract string NotFoundTitle { get; }

    /// <summary>Error page: not found, explained.</summary>
    public abstract string NotFoundText { get; }

    /// <summary>Error page: a form that could not be accepted.</summary>
    public abstract string BadFormTitle { get; }

    /// <summary>Error page: a stale form, explained.</summary>
    public abstract string BadFormText { get; }

    /// <summary>Error page: a request method the page does not answer (PUT, DELETE, …).</summary>
    public abstract string MethodNotAllowedTitle { get; }

    /// <summary>Error page: a request method the page does not answer, explained.</summary>
    public abstract string MethodNotAllowedText { get; }

    /// <summary>Error page: too many requests.</summary>
    public abstract string TooManyTitle { get; }

    /// <summary>Error page: too many requests, explained.</summary>
    public abstract string TooManyText { get; }

    /// <summary>Error page: the data store did not answer for a moment.</summary>
    public abstract string UnavailableTitle { get; }

    /// <summary>Error page: the data store did not answer, explained.</summary>
    public abstract string UnavailableText { get; }

    /// <summary>Error page: something broke.</summary>
    public abstract string ErrorTitle { get; }

    /// <summary>Error page: what to quote.</summary>
    public abstract string ErrorText(string traceId);

    /// <summary>Error page: the way back.</summary>
    public abstract string BackHome { get; }

    /// <summary>Yes.</summary>
    public abstract string Yes { get; }

    /// <summary>No.</summary>
    public abstract string No { get; }

    /// <summary>A switch that is on.</summary>
    public abstract string SwitchOn { get; }

    /// <summary>A switch that is off.</summary>
    public abstract string SwitchOff { get; }

    /// <summary>A consent given.</summary>
    public abstract string Given { get; }

    /// <summary>A consent withdrawn.</summary>
    public abstract string Withdrawn { get; }

    /// <summary>Navigation: the center's front page.</summary>
    public abstract string NavHome { get; }

    /// <summary>Navigation: sign in.</summary>
    public abstract string NavSignIn { get; }

    /// <summary>Navigation: the privacy statement.</summary>
    public abstract string NavStatement { get; }

    /// <summary>Navigation: my data.</summary>
    public abstract string NavMyData { get; }

    /// <summary>Navigation: choices.</summary>
    public abstract string NavChoices { get; }

    /// <summary>Navigation: requests.</summary>
    public abstract string NavRequests { get; }

    /// <summary>Navigation: the requests queue.</summary>
    public abstract string NavQueue { get; }

    /// <summary>Navigation: people.</summary>
    public abstract string NavPeople { get; }

    /// <summary>Navigation: charts.</summary>
    public abstract string NavCharts { get; }

    /// <summary>Navigation: audit trail.</summary>
    public abstract string NavAudit { get; }

    /// <summary>Navigation: record of processing.</summary>
    public abstract string NavRopa { get; }

    /// <summary>Navigation: the policy.</summary>
    public abstract string NavPolicy { get; }

    /// <summary>Label of an email field.</summary>
    public abstract string EmailLabel { get; }

    /// <summary>Label of a phone field.</summary>
    public abstract string PhoneLabel { get; }

    /// <summary>An email address that is not one.</summary>
    public abstract string EmailInvalid { get; }

    /// <summary>Sign-in is refused for now: too many sign-ins are waiting for their codes.</summary>
    public abstract string SignInBusy { get; }

    /// <summary>A phone number that is not one.</summary>
    public abstract string PhoneInvalid { get; }

    /// <summary>The sign-in button.</summary>
    public abstract string SignInButton { get; }

    /// <summary>A request kind, as a noun phrase ("Erasure of your data").</summary>
    public abstract string RequestKindName(RequestKind kind);

    /// <summary>A request status.</summary>
    public abstract string StatusName(RequestStatus status);

    /// <summary>Who submitted a request.</summary>
    public abstract string ChannelName(RequestChannel channel);

    /// <summary>How a consent was recorded, in words.</summary>
    public abstract string Method(string method);

    /// <summary>"Overdue".</summary>
    public abstract string Overdue { get; }

    /// <summary>A legal basis in a few words ("contract", "your consent").</summary>
    public abstract string BasisShort(LegalBasis basis);

    /// <summary>Column: request.</summary>
    public abstract string RequestColumn { get; }

    /// <summary>Column: received.</summary>
    public abstract string ReceivedColumn { get; }

    /// <summary>Column: status.</summary>
    public abstract string StatusColumn { get; }

    /// <summary>Column: due by.</summary>
    public abstract string DueColumn { get; }

    /// <summary>Column: reference.</summary>
    public abstract string ReferenceColumn { get; }

    /// <summary>Column: person.</summary>
    public abstract string PersonColumn { get; }

    /// <summary>Column: channel.</summary>
    public abstract string ChannelColumn { get; }

    /// <summary>Column: purpose.</summary>
    public abstract string PurposeColumn { get; }

    /// <summary>Column: reason.</summary>
    public abstract string ReasonColumn { get; }

    /// <summary>Column: date.</summary>
    public abstract string HistoryDate { get; }

    /// <summary>Heading: history.</summary>
    public abstract string HistoryHeading { get; }

    /// <summary>No history yet.</summary>
    public abstract string HistoryEmpty { get; }

    /// <summary>Heading: consents.</summary>
    public abstract string ConsentsHeading { get; }

    /// <summary>No requests.</summary>
    public abstract string NoRequests { get; }

    /// <summary>Label: which data to correct.</summary>
    public abstract string CorrectWhich { get; }

    /// <summary>Label: the corrected value.</summary>
    public abstract string CorrectValue { get; }
}
