using System.Collections.Immutable;

namespace Custodian.Scenarios;

/// <summary>A timeline a privacy officer can read: steps on a virtual clock, and what must hold at each point.</summary>
/// <param name="File">The scenario file.</param>
/// <param name="Title">What the scenario shows.</param>
/// <param name="Promises">The promise ids it keeps (CK7, CU6…).</param>
/// <param name="Steps">The steps in time order.</param>
public sealed record Scenario(string File, string Title, ImmutableArray<string> Promises, ImmutableArray<ScenarioStep> Steps);
