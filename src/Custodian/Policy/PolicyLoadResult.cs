using System.Collections.Immutable;

namespace Custodian.Policy;

/// <summary>What reading a policy file gave: the document (null when it has errors) and every diagnostic.</summary>
/// <param name="Document">The document, or null when an error stopped it.</param>
/// <param name="Diagnostics">Errors and warnings in file order.</param>
/// <param name="Unreadable">True when the file itself could not be read (exit code 2).</param>
public sealed record PolicyLoadResult(PolicyDocument? Document, ImmutableArray<PolicyDiagnostic> Diagnostics, bool Unreadable);
