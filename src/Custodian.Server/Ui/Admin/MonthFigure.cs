namespace Custodian.Server.Ui.Admin;

/// <summary>Counts for one calendar month of a console chart.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Values">The figures of the month, one per series, in the chart's series order.</param>
public sealed record MonthFigure(DateOnly Month, IReadOnlyList<double?> Values);
