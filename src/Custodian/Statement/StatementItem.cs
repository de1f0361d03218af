namespace Custodian.Statement;

/// <summary>One item of a list, optionally led by a short label ("Legal basis") that writers emphasise.</summary>
/// <param name="Label">The lead-in label, or null.</param>
/// <param name="Text">The item's text.</param>
public sealed record StatementItem(string? Label, string Text);
