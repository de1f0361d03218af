using System.Globalization;
using Custodian.Server.Ui;
using Custodian.Server.Ui.Admin;
using Custodian.Server.Ui.Charts;

namespace Custodian.Server.Pages.Admin;

/// <summary>
/// Consent rate per purpose over the last year, the retention forecast for the next 24 months (from records' expiry dates; data
/// whose deletion waits for an event such as a subscription's end is counted apart), and requests answered on time.
/// </summary>
public sealed class ChartsModel : UiPageModel
{
    private const int Year = 12;
    private const int Forecasted = 24;

    /// <summary>Month labels of the last year.</summary>
    public IReadOnlyList<string> MonthLabels { get; private set; } = [];

    /// <summary>Names of the consent-based purposes.</summary>
    public IReadOnlyList<string> PurposeNames { get; private set; } = [];

    /// <summary>Consent rates per month.</summary>
    public IReadOnlyList<MonthFigure> Rates { get; private set; } = [];

    /// <summary>People who said yes, per month.</summary>
    public IReadOnlyList<MonthFigure> Given { get; private set; } = [];

    /// <summary>People who had chosen, per month.</summary>
    public IReadOnlyList<MonthFigure> Decided { get; private set; } = [];

    /// <summary>The consent chart.</summary>
    public string ConsentSvg { get; private set; } = "";

    /// <summary>Records due for deletion per month ahead.</summary>
    public IReadOnlyList<MonthFigure> Forecast { get; private set; } = [];

    /// <summary>Month labels of the forecast.</summary>
    public IReadOnlyList<string> ForecastLabels { get; private set; } = [];

    /// <summary>Records whose deletion waits for an event.</summary>
    public long Waiting { get; private set; }

    /// <summary>The categories most deleted in the forecast.</summary>
    public IReadOnlyList<(string Name, long Count)> TopCategories { get; private set; } = [];

    /// <summary>The forecast chart.</summary>
    public string ForecastSvg { get; private set; } = "";

    /// <summary>Requests answered per month: on time, late.</summary>
    public IReadOnlyList<MonthFigure> OnTimeMonths { get; private set; } = [];

    /// <summary>Open requests overdue now.</summary>
    public int OverdueNow { get; private set; }

    /// <summary>The on-time chart.</summary>
    public string OnTimeSvg { get; private set; } = "";

    /// <summary>Computes the figures and draws the charts.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var vault = Runtime.Vault;
        var policy = Runtime.Policy;
        var now = vault.CreateRequestDesk().Now;
        var t = T;
        var culture = CultureInfo.GetCultureInfo(Ui.Language);
        // The month, and under it the year on the first month and on every January.
        string Label(DateOnly month, bool first) => month.ToDateTime(TimeOnly.MinValue).ToString("MMM", culture).TrimEnd('.') + (first || month.Month == 1 ? "\n" + month.Year.ToString(culture) : "");

        var (purposes, rates, given, decided) = await ConsoleFigures.ConsentRatesAsync(vault.Store, policy, now, Year, cancellationToken);
        PurposeNames = purposes.Select(p => policy.TryGetPurpose(p, out var id) ? policy.Purpose(id).Definition.Name.Get(Ui.Language) ?? p : p).ToList();
        (Rates, Given, Decided) = (rates, given, decided);
        MonthLabels = rates.Select((m, i) => Label(m.Month, i == 0)).ToList();
        var series = PurposeNames.Select((name, i) => new ChartSeries(name, rates.Select(m => m.Values[i]).ToList())).Where(s => s.Values.Any(v => v is not null)).ToList();
        ConsentSvg = SvgChart.Lines("consent", t.ConsentChartTitle, t.ConsentChartDescription(series.Select(s => (s.Label, First(s.Values), Last(s.Values))).ToList(), MonthLabels[0].Replace('\n', ' '), Label(rates[^1].Month, true).Replace('\n', ' ')),
            MonthLabels, series, 1, v => v.ToString("P0", culture));

        var (forecast, waiting, top) = await ConsoleFigures.RetentionForecastAsync(vault.Store, now, Forecasted, cancellationToken);
        Forecast = forecast;
        Waiting = waiting;
        // The chart labels every third month of the 24: the year goes under the first label shown of each year.
        string ForecastLabel(int i)
        {
            var month = forecast[i].Month;
            var name = month.ToDateTime(TimeOnly.MinValue).ToString("MMM", culture).TrimEnd('.');
            var newYear = i == 0 || (i % 3 == 0 && month.Year != forecast[i - 3].Month.Year);
            return newYear ? name + "\n" + month.Year.ToString(culture) : name;
        }

        ForecastLabels = Enumerable.Range(0, forecast.Count).Select(ForecastLabel).ToList();
        TopCategories = top.Select(c => (policy.TryGetCategory(c.Category, out var id) ? policy.Category(id).Name.Get(Ui.Language) ?? c.Category : c.Category, c.Count)).ToList();
        var total = (long)forecast.Sum(m => m.Values[0] ?? 0);
        var peak = forecast.OrderByDescending(m => m.Values[0]).First();
        ForecastSvg = SvgChart.Bars("forecast", t.ForecastChartTitle, t.ForecastChartDescription(total, Label(peak.Month, true).Replace('\n', ' '), (long)(peak.Values[0] ?? 0), waiting),
            ForecastLabels, [new ChartSeries(t.RecordsColumn, forecast.Select(m => m.Values[0]).ToList())], v => v.ToString("0", culture));

        var (onTime, overdue) = await ConsoleFigures.OnTimeAsync(vault.Store, now, Year, cancellationToken);
        OnTimeMonths = onTime;
        OverdueNow = overdue;
        var answered = (int)onTime.Sum(m => m.Values[0] ?? 0);
        var late = (int)onTime.Sum(m => m.Values[1] ?? 0);
        OnTimeSvg = SvgChart.Bars("ontime", t.OnTimeChartTitle, t.OnTimeChartDescription(answered, late, overdue),
            MonthLabels, [new ChartSeries(t.OnTime, onTime.Select(m => m.Values[0]).ToList()), new ChartSeries(t.Late, onTime.Select(m => m.Values[1]).ToList())], v => v.ToString("0", culture));
        await vault.RecordCallAsync(AdminSession.Actor(User), "console.charts", cancellationToken);
    }

    /// <summary>A month as a table row header: month and year.</summary>
    public string TableMonth(int index, bool forecast)
    {
        var month = forecast ? Forecast[index].Month : Rates[index].Month;
        return month.ToDateTime(TimeOnly.MinValue).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(Ui.Language));
    }

    private static double? First(IReadOnlyList<double?> values) => values.FirstOrDefault(v => v is not null);

    private static double? Last(IReadOnlyList<double?> values) => values.LastOrDefault(v => v is not null);
}
