namespace Custodian.Server.Ui.Charts;

/// <summary>One named series of a chart, a value (or a gap) per x position.</summary>
/// <param name="Label">What the series is, as the legend and the line's end label say it.</param>
/// <param name="Values">One value per x position; null where there is none.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);
