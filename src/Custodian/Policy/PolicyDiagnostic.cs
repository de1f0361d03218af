namespace Custodian.Policy;

/// <summary>One finding about a policy file: where, how bad, a stable code, what is wrong and how to fix it.</summary>
/// <param name="Code">A stable code documented in docs/policy-reference.md (<c>CUS101</c>).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">File, line and column.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it, or null when the message says it all.</param>
public sealed record PolicyDiagnostic(string Code, DiagnosticSeverity Severity, SourceLocation Location, string Message, string? Fix)
{
    /// <summary>The compiler-style line: <c>file:line:col: error CODE: message — fix</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Fix is null
            ? $"{Location}: {severity} {Code}: {Message}"
            : $"{Location}: {severity} {Code}: {Message} — {Fix}";
    }
}
