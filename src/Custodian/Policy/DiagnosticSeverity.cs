namespace Custodian.Policy;

/// <summary>How bad a policy diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth fixing before publishing; does not fail a check unless --strict.</summary>
    Warning,
    /// <summary>The policy cannot be compiled or would break a promise.</summary>
    Error,
}
