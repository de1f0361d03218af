using System.Collections.Immutable;

namespace Custodian.Statement;

/// <summary>A top-level section of the statement with a stable id for links (<c>rights</c>, <c>retention</c>).</summary>
/// <param name="Id">The anchor id.</param>
/// <param name="Heading">The heading in the statement's language.</param>
/// <param name="Blocks">The section's content.</param>
public sealed record StatementSection(string Id, string Heading, ImmutableArray<StatementBlock> Blocks);
