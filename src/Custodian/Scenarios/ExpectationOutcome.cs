using Custodian.Policy;

namespace Custodian.Scenarios;

/// <summary>The result of one expectation (or of a step that could not run).</summary>
/// <param name="Location">Where the step is written.</param>
/// <param name="Description">What was expected, in words.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Expected">The expected value, for a failure.</param>
/// <param name="Actual">The actual value, for a failure.</param>
public sealed record ExpectationOutcome(SourceLocation Location, string Description, bool Passed, string? Expected = null, string? Actual = null)
{
    /// <summary>
    /// The report line: <c>ok   file:line:column description</c> or <c>FAIL file:line:column description: expected …, got …</c>
    /// (the step's place, as diagnostics give it, so an editor jumps to the step).
    /// </summary>
    public override string ToString() => Passed
        ? $"ok   {Location} {Description}"
        : $"FAIL {Location} {Description}: expected {Expected}, got {Actual}";
}
