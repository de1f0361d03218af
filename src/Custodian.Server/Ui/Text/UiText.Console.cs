using Custodian.Requests;

namespace Custodian.Server.Ui.Text;

public abstract partial class UiText
{
    // The admin console: sign-in, the requests queue, a request, people.

    /// <summary>Console sign-in: title.</summary>
    public abstract string AdminSignInTitle { get; }

    /// <summary>Console sign-in: how it works.</summary>
    public abstract string AdminSignInIntro { get; }

    /// <summary>Console sign-in: the key field.</summary>
    public abstract string ApiKeyLabel { get; }

    /// <summary>Console sign-in: the key field's hint.</summary>
    public abstract string ApiKeyHint { get; }

    /// <summary>Console sign-in: an unknown or revoked key.</summary>
    public abstract string ApiKeyInvalid { get; }

    /// <summary>Console sign-in: a key without the admin scope.</summary>
    public abstract string ApiKeyNotAdmin { get; }

    /// <summary>Queue: title.</summary>
    public abstract string QueueTitle { get; }

    /// <summary>Queue: how many are open and overdue.</summary>
    public abstract string QueueIntro(int open, int overdue);

    /// <summary>Queue: heading of open requests.</summary>
    public abstract string OpenRequests { get; }

    /// <summary>Queue: nothing open.</summary>
    public abstract string QueueEmpty { get; }

    /// <summary>Queue: the table's caption.</summary>
    public abstract string QueueCaption { get; }

    /// <summary>Queue: overdue by days.</summary>
    public abstract string OverdueBy(int days);

    /// <summary>Queue: due in days.</summary>
    public abstract string DueIn(int days);

    /// <summary>Queue: a request from an address that matched no one.</summary>
    public abstract string NoOneFound { get; }

    /// <summary>Queue: heading of answered requests.</summary>
    public abstract string RecentlyAnswered { get; }

    /// <summary>Queue: none answered yet.</summary>
    public abstract string NoneYet { get; }

    /// <summary>Column: answered.</summary>
    public abstract string AnsweredColumn { get; }

    /// <summary>Column: on time.</summary>
    public abstract string OnTimeColumn { get; }

    /// <summary>No, late.</summary>
    public abstract string NoLate { get; }

    /// <summary>Link back to the queue.</summary>
    public abstract string BackToQueue { get; }

    /// <summary>Request: heading of its facts.</summary>
    public abstract string RequestFacts { get; }

    /// <summary>Request: extended on a date.</summary>
    public abstract string ExtendedOn(string day);

    /// <summary>Column: language.</summary>
    public abstract string LanguageColumn { get; }

    /// <summary>Column: outcome.</summary>
    public abstract string OutcomeColumn { get; }

    /// <summary>Request: heading of the actions.</summary>
    public abstract string ActionsHeading { get; }

    /// <summary>Request: verify identity.</summary>
    public abstract string VerifyHeading { get; }

    /// <summary>Request: when to verify.</summary>
    public abstract string VerifyIntro { get; }

    /// <summary>Request: how identity was checked.</summary>
    public abstract string VerifyHow { get; }

    /// <summary>Request: the ways identity can be checked, as codes and words.</summary>
    public abstract IReadOnlyList<(string Code, string Label)> IdentityChecks { get; }

    /// <summary>Request: confirm identity.</summary>
    public abstract string VerifyButton { get; }

    /// <summary>Request: complete.</summary>
    public abstract string CompleteHeading { get; }

    /// <summary>Request: what completing does for a kind.</summary>
    public abstract string CompleteIntro(RequestKind kind);

    /// <summary>Request: the erasure confirmation.</summary>
    public abstract string EraseConfirm { get; }

    /// <summary>Request: complete.</summary>
    public abstract string CompleteButton { get; }

    /// <summary>Request: extend.</summary>
    public abstract string ExtendHeading { get; }

    /// <summary>Request: the extension allowed.</summary>
    public abstract string ExtendIntro(string extension);

    /// <summary>Request: the reason the person is told.</summary>
    public abstract string ReasonToPerson { get; }

    /// <summary>Request: the reason's hint.</summary>
    public abstract string ReasonToPersonHint { get; }

    /// <summary>Request: extend.</summary>
    public abstract string ExtendButton { get; }

    /// <summary>Request: refuse.</summary>
    public abstract string DenyHeading { get; }

    /// <summary>Request: when to refuse.</summary>
    public abstract string DenyIntro { get; }

    /// <summary>Request: the refusal's reason code.</summary>
    public abstract string DenyCode { get; }

    /// <summary>Request: refusal reasons, as codes and words.</summary>
    public abstract IReadOnlyList<(string Code, string Label)> DenyReasons { get; }

    /// <summary>Request: refuse.</summary>
    public abstract string DenyButton { get; }

    /// <summary>Column: who.</summary>
    public abstract string ActorColumn { get; }

    /// <summary>Request: identity confirmed.</summary>
    public abstract string Verified { get; }

    /// <summary>Request: completed.</summary>
    public abstract string Completed { get; }

    /// <summary>Request: extended.</summary>
    public abstract string Extended { get; }

    /// <summary>Request: refused.</summary>
    public abstract string Denied { get; }

    /// <summary>Request: erasure without the confirmation.</summary>
    public abstract string EraseNotConfirmed { get; }

    /// <summary>People: title.</summary>
    public abstract string PeopleTitle { get; }

    /// <summary>People: why a reason is needed.</summary>
    public abstract string PeopleIntro { get; }

    /// <summary>People: look up by.</summary>
    public abstract string LookupBy { get; }

    /// <summary>People: the address or number.</summary>
    public abstract string LookupValue { get; }

    /// <summary>People: look up.</summary>
    public abstract string LookupButton { get; }

    /// <summary>People: the reason.</summary>
    public abstract string ReasonLabel { get; }

    /// <summary>People: the reason's hint.</summary>
    public abstract string ReasonHint { get; }

    /// <summary>People: the reason list's prompt.</summary>
    public abstract string ChooseReason { get; }

    /// <summary>People: the reasons staff may give, as codes and words.</summary>
    public abstract IReadOnlyList<(string Code, string Label)> LookupReasons { get; }

    /// <summary>People: the ticket reference.</summary>
    public abstract string TicketLabel { get; }

    /// <summary>People: the ticket's hint.</summary>
    public abstract string TicketHint { get; }

    /// <summary>People: no reason chosen.</summary>
    public abstract string ReasonMissing { get; }

    /// <summary>People: a ticket that is not a reference.</summary>
    public abstract string TicketInvalid { get; }

    /// <summary>People: nothing to look up.</summary>
    public abstract string LookupValueMissing { get; }

    /// <summary>People: no one found.</summary>
    public abstract string NoOneRegistered { get; }

    /// <summary>Person: title.</summary>
    public abstract string PersonTitle { get; }

    /// <summary>Person: a reason is needed first.</summary>
    public abstract string StateReasonFirst { get; }

    /// <summary>Person: view.</summary>
    public abstract string ViewPerson { get; }

    /// <summary>Person: the view is audited with the reason.</summary>
    public abstract string ViewAudited(string reason, string ticket);

    /// <summary>Person: heading of states.</summary>
    public abstract string PersonState { get; }

    /// <summary>Column: registered.</summary>
    public abstract string RegisteredColumn { get; }

    /// <summary>Column: erased.</summary>
    public abstract string ErasedColumn { get; }

    /// <summary>Column: restricted.</summary>
    public abstract string RestrictedColumn { get; }

    /// <summary>Column: legal hold.</summary>
    public abstract string LegalHoldColumn { get; }

    /// <summary>Person: heading of categories.</summary>
    public abstract string CategoriesHeld { get; }

    /// <summary>Person: values are not shown.</summary>
    public abstract string CategoriesHeldNote { get; }

    /// <summary>Column: category.</summary>
    public abstract string CategoryColumn { get; }

    /// <summary>Column: count.</summary>
    public abstract string CountColumn { get; }

    /// <summary>Column: deleted.</summary>
    public abstract string DeletedColumn { get; }

    /// <summary>Person: deletion waits for an event.</summary>
    public abstract string WaitsForEvent { get; }

    /// <summary>Person: a request on their behalf.</summary>
    public abstract string OnBehalfHeading { get; }

    /// <summary>Person: when to make one.</summary>
    public abstract string OnBehalfIntro { get; }

    /// <summary>Person: submit.</summary>
    public abstract string SubmitOnBehalf { get; }

    /// <summary>Person: submitted.</summary>
    public abstract string SubmittedOnBehalf { get; }
}
