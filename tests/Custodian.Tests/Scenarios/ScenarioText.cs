using System.Collections.Immutable;
using Custodian.Policy;
using Custodian.Scenarios;

namespace Custodian.Tests.Scenarios;

/// <summary>A minimal valid scenario as text, and ways to break it in one place; Diagnose runs the scenario loader.</summary>
internal static class ScenarioText
{
    public const string FileName = "test-scenario.yaml";

    public const string Minimal = """
        scenario: A person's email is kept for the service
        promises: [T1]
        steps:
          - at: 2024-02-01
            create: jens
            email: jens@example.com
          - subject: jens
            collect: essential.service
            values:
              user.contact.email: jens@example.com
          - subject: jens
            expect: stored
            category: user.contact.email

        """;

    /// <summary>The minimal scenario with <paramref name="steps"/> (indented as steps) added at the end.</summary>
    public static string With(string steps) => Minimal + steps;

    /// <summary>The minimal scenario with one exact piece of text replaced; the piece must occur.</summary>
    public static string Replace(string from, string to)
    {
        Assert.Contains(from, Minimal, StringComparison.Ordinal);
        return Minimal.Replace(from, to, StringComparison.Ordinal);
    }

    public static ImmutableArray<PolicyDiagnostic> Diagnose(string text) => ScenarioLoader.Load(text, FileName).Diagnostics;

    /// <summary>Loads a text that must be free of errors.</summary>
    public static Scenario Scenario(string text)
    {
        var (scenario, diagnostics) = ScenarioLoader.Load(text, FileName);
        Assert.True(scenario is not null, string.Join(Environment.NewLine, diagnostics));
        return scenario!;
    }
}
