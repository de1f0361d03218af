using Custodian.Requests;

namespace Custodian.Server.Ui.Text;

public abstract partial class UiText
{
    // The admin console and the cookie banner.

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

    /// <summary>Charts: title.</summary>
    public abstract string ChartsTitle { get; }

    /// <summary>Charts: introduction.</summary>
    public abstract string ChartsIntro { get; }

    /// <summary>Charts: consent rates.</summary>
    public abstract string ConsentChartTitle { get; }

    /// <summary>Charts: how a consent rate is counted.</summary>
    public abstract string ConsentChartNote { get; }

    /// <summary>Charts: the consent chart in words.</summary>
    public abstract string ConsentChartDescription(IReadOnlyList<(string Label, double? First, double? Last)> series, string from, string until);

    /// <summary>Charts: show the figures as a table.</summary>
    public abstract string ShowTable { get; }

    /// <summary>Column: month.</summary>
    public abstract string MonthColumn { get; }

    /// <summary>Charts: a rate with its counts.</summary>
    public abstract string RateCell(double rate, int given, int decided);

    /// <summary>Charts: retention forecast.</summary>
    public abstract string ForecastChartTitle { get; }

    /// <summary>Charts: how the forecast is computed.</summary>
    public abstract string ForecastNote(long waiting);

    /// <summary>Charts: the forecast in words.</summary>
    public abstract string ForecastChartDescription(long total, string peakMonth, long peak, long waiting);

    /// <summary>Column: records.</summary>
    public abstract string RecordsColumn { get; }

    /// <summary>Charts: the categories most deleted.</summary>
    public abstract string ForecastTop { get; }

    /// <summary>Charts: requests on time.</summary>
    public abstract string OnTimeChartTitle { get; }

    /// <summary>Charts: the on-time chart in words.</summary>
    public abstract string OnTimeChartDescription(int onTime, int late, int overdue);

    /// <summary>Answered on time.</summary>
    public abstract string OnTime { get; }

    /// <summary>Answered late.</summary>
    public abstract string Late { get; }

    /// <summary>Charts: open requests overdue now.</summary>
    public abstract string OverdueNow(int count);

    /// <summary>Audit: title.</summary>
    public abstract string AuditTitle { get; }

    /// <summary>Audit: what the chain proves.</summary>
    public abstract string AuditIntro { get; }

    /// <summary>Audit: heading of the chain.</summary>
    public abstract string ChainHeading { get; }

    /// <summary>Audit: entries.</summary>
    public abstract string ChainEntries { get; }

    /// <summary>Audit: latest entry.</summary>
    public abstract string ChainLatest { get; }

    /// <summary>Audit: the chain verified.</summary>
    public abstract string ChainValid(long entries, long checkpoints);

    /// <summary>Audit: the chain broken.</summary>
    public abstract string ChainBroken(long at, string message);

    /// <summary>Audit: verify.</summary>
    public abstract string VerifyChain { get; }

    /// <summary>Audit: heading of the latest entries.</summary>
    public abstract string RecentEntries { get; }

    /// <summary>Column: action.</summary>
    public abstract string ActionColumn { get; }

    /// <summary>ROPA: title.</summary>
    public abstract string RopaTitle { get; }

    /// <summary>ROPA: introduction.</summary>
    public abstract string RopaIntro(string policyId, string version);

    /// <summary>ROPA: download CSV.</summary>
    public abstract string DownloadCsv { get; }

    /// <summary>Column: controller.</summary>
    public abstract string ControllerColumn { get; }

    /// <summary>Column: DPO.</summary>
    public abstract string DpoColumn { get; }

    /// <summary>ROPA: the table's caption.</summary>
    public abstract string RopaCaption { get; }

    /// <summary>Column: legal basis.</summary>
    public abstract string LegalBasisColumn { get; }

    /// <summary>Column: data subjects.</summary>
    public abstract string SubjectsColumn { get; }

    /// <summary>Column: recipients.</summary>
    public abstract string RecipientsColumn { get; }

    /// <summary>Column: retention.</summary>
    public abstract string RetentionColumn { get; }

    /// <summary>ROPA: kept under a legal duty.</summary>
    public abstract string LegalDutyMark { get; }

    /// <summary>Policy: title.</summary>
    public abstract string PolicyTitle { get; }

    /// <summary>Policy: the policy in force.</summary>
    public abstract string PolicyInForce { get; }

    /// <summary>Policy: id.</summary>
    public abstract string PolicyId { get; }

    /// <summary>Policy: version.</summary>
    public abstract string PolicyVersion { get; }

    /// <summary>Policy: in force from.</summary>
    public abstract string PolicyEffective { get; }

    /// <summary>Policy: content hash.</summary>
    public abstract string PolicyHash { get; }

    /// <summary>Policy: what it declares.</summary>
    public abstract string PolicyCounts { get; }

    /// <summary>Policy: counts in words.</summary>
    public abstract string PolicyCountsText(int purposes, int categories, int recipients, int cookies);

    /// <summary>Policy: earlier versions are not kept here.</summary>
    public abstract string PolicyVersionsNote { get; }

    /// <summary>Policy: compare versions.</summary>
    public abstract string DiffHeading { get; }

    /// <summary>Policy: how to compare.</summary>
    public abstract string DiffIntro { get; }

    /// <summary>Policy: the earlier file.</summary>
    public abstract string DiffBefore { get; }

    /// <summary>Policy: the earlier file's hint.</summary>
    public abstract string DiffBeforeHint { get; }

    /// <summary>Policy: the later file.</summary>
    public abstract string DiffAfter { get; }

    /// <summary>Policy: the later file's hint.</summary>
    public abstract string DiffAfterHint { get; }

    /// <summary>Policy: compare.</summary>
    public abstract string DiffButton { get; }

    /// <summary>Policy: heading of the result.</summary>
    public abstract string DiffResult(string before, string after);

    /// <summary>Policy: no differences.</summary>
    public abstract string DiffNone { get; }

    /// <summary>Policy: how many changes.</summary>
    public abstract string DiffSummary(int changes, int material);

    /// <summary>A material change.</summary>
    public abstract string Material { get; }

    /// <summary>A minor change.</summary>
    public abstract string Minor { get; }

    /// <summary>Policy: no earlier file.</summary>
    public abstract string DiffNeedsBefore { get; }

    /// <summary>Policy: a file too large.</summary>
    public abstract string DiffTooLarge(string file);

    /// <summary>Policy: a file with errors.</summary>
    public abstract string DiffUnreadable(string file);

    /// <summary>The cookie banner's words: title, text, accept, reject, choose, save, always, gpc, gpcOff, statement, legend.</summary>
    public abstract IReadOnlyDictionary<string, string> BannerWords(string controller);
}
