namespace Custodian.Policy;

/// <summary>A place in a policy file, so every diagnostic can send the reader to the exact line.</summary>
/// <param name="File">The path as the user gave it.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for things that do not come from a file (built-in taxonomy, generated policies).</summary>
    public static SourceLocation None { get; } = new("<built-in>", 0, 0);

    /// <summary>
    /// <c>file:line:column</c>; only <c>file</c> when there is no line (a file that could not be read), so a missing
    /// position never reads as one.
    /// </summary>
    public override string ToString() => Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
