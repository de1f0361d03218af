using System.Collections.Immutable;

namespace Custodian.Statement;

/// <summary>
/// A table with a caption and column headers; the first cell of each row names the row, so screen readers
/// can announce each cell with both its row and its column.
/// </summary>
/// <param name="Caption">What the table lists.</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Rows, each as long as <paramref name="Headers"/>.</param>
public sealed record StatementTable(string Caption, ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows) : StatementBlock;
