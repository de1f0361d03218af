using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>Thrown when a policy cannot be compiled; carries every error with its location and fix.</summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the exception from the policy's errors.</summary>
    public PolicyException(ImmutableArray<PolicyDiagnostic> errors)
        : base("The policy has errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>The errors, each with file, line, column, code and fix.</summary>
    public ImmutableArray<PolicyDiagnostic> Errors { get; }
}
