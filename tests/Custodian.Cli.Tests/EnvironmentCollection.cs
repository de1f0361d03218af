namespace Custodian.Cli.Tests;

/// <summary>
/// Tests that set environment variables (settings such as <c>Custodian__RateLimitPerSecond</c>) run alone, so no other
/// command run in this process reads them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "environment";
}
