namespace Custodian.Statement;

/// <summary>A heading one level below its section's heading (one purpose, one group of data).</summary>
/// <param name="Text">The heading text.</param>
public sealed record StatementSubheading(string Text) : StatementBlock;
