using System.Collections.Immutable;

namespace Custodian.Statement;

/// <summary>A bulleted list.</summary>
/// <param name="Items">The items in order.</param>
public sealed record StatementList(ImmutableArray<StatementItem> Items) : StatementBlock;
