namespace Custodian.Statement;

/// <summary>A paragraph of plain text.</summary>
/// <param name="Text">The text, without markup.</param>
public sealed record StatementParagraph(string Text) : StatementBlock;
