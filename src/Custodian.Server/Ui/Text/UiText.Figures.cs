namespace Custodian.Server.Ui.Text;

public abstract partial class UiText
{
    // The console's charts, audit trail, record of processing and policy pages, and the cookie banner.

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
