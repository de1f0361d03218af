using System.Collections.Immutable;
using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Tests.Policy;

namespace Custodian.Tests.Scenarios;

/// <summary>
/// A purpose, category, recipient, permission or cookie category a scenario names but no policy of the scenario
/// declares is found before the scenario runs: CUS219 at the key's value, with the nearest declared key.
/// </summary>
public sealed class ScenarioKeyCheckTests
{
    private static readonly Lazy<CompiledPolicy> SmartHome = new(() => Compile("crsmarthome"));

    private static readonly Lazy<CompiledPolicy> Cekura = new(() => Compile("cekura"));

    /// <summary>A scenario on the smart-home policy naming a declared key in each place a key can be named.</summary>
    private const string SmartHomeScenario = """
        scenario: Every kind of key, each declared
        steps:
          - at: 2024-03-01
            create: sophea
            email: sophea.chan@example.com
          - subject: sophea
            consent: functional.service.automation
            explicit: true
          - subject: sophea
            permission_on: location
          - subject: sophea
            consent: camera
            permission: true
          - subject: sophea
            events: functional.service.automation
            readings:
              - {category: user.location.precise, value: "11.5564,104.9282"}
          - subject: sophea
            collect: essential.service
            values:
              user.account.nickname: Sophea
          - subject: sophea
            authorise: health_platform
          - subject: sophea
            expect: allow
            category: user.location.precise
            purpose: functional.service.automation
            recipient: maps_provider
          - subject: sophea
            expect: missing_required
            categories: [user.account.country_code]

        """;

    private static CompiledPolicy Compile(string example) =>
        PolicyCompiler.CompileFile(Path.Combine(RepositoryRoot.Find(), "examples", example, "policy.yaml"));

    private static ImmutableArray<PolicyDiagnostic> Check(string text, CompiledPolicy policy, string file = ScenarioText.FileName)
    {
        var (scenario, diagnostics) = ScenarioLoader.Load(text, file);
        Assert.True(scenario is not null, string.Join(Environment.NewLine, diagnostics));
        return ScenarioKeyCheck.Check(scenario!, policy);
    }

    [Fact]
    public void Scenario_naming_only_declared_keys_has_no_findings()
    {
        // Act
        var diagnostics = Check(SmartHomeScenario, SmartHome.Value);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("consent: functional.service.automation", "functional.service.automation", "functional.service.automaton", "purpose")]
    [InlineData("purpose: functional.service.automation", "functional.service.automation", "functional.service.automaton", "purpose")]
    [InlineData("events: functional.service.automation", "functional.service.automation", "functional.service.automaton", "purpose")]
    [InlineData("user.account.nickname: Sophea", "user.account.nickname", "user.account.nicknam", "category")]
    [InlineData("{category: user.location.precise, value", "user.location.precise", "user.location.precis", "category")]
    [InlineData("categories: [user.account.country_code]", "user.account.country_code", "user.account.country_cod", "category")]
    [InlineData("authorise: health_platform", "health_platform", "health_platfrom", "recipient")]
    [InlineData("recipient: maps_provider", "maps_provider", "maps_provder", "recipient")]
    [InlineData("permission_on: location", "location", "locaton", "permission")]
    [InlineData("consent: camera", "camera", "camra", "permission")]
    public void Misspelt_key_is_CUS219_at_its_value_with_the_nearest_declared_key(string line, string key, string misspelt, string noun)
    {
        // Arrange: the key misspelt on that one line only
        var text = PolicyText.Replace(SmartHomeScenario, line, line.Replace(key, misspelt, StringComparison.Ordinal));

        // Act
        var diagnostic = PolicyText.ExpectError(Check(text, SmartHome.Value), text, ScenarioText.FileName, PolicyCodes.UndeclaredInScenario, misspelt, withFix: true);

        // Assert
        Assert.Contains(misspelt, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"names a {noun} that", diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith($"did you mean '{key}'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_purpose_reads_as_the_reference_shows()
    {
        // Arrange
        var text = PolicyText.Replace(SmartHomeScenario, "consent: functional.service.automation", "consent: functional.service.automaton");

        // Act
        var diagnostic = Assert.Single(Check(text, SmartHome.Value));

        // Assert
        Assert.Equal("test-scenario.yaml:7:14: error CUS219: 'consent: functional.service.automaton' names a purpose that the policy does not declare", diagnostic.ToString().Split(" — ")[0]);
        Assert.Equal("did you mean 'functional.service.automation' or 'functional.service.improve'?", diagnostic.Fix);
    }

    [Fact]
    public void Unknown_cookie_category_is_CUS219_with_the_policys_cookie_categories()
    {
        // Arrange
        var cookie = Cekura.Value.Document.Cookies[0].Key;
        var text = ScenarioText.With($"""
              - subject: jens
                consent: cookie:{cookie}x

            """);

        // Act
        var diagnostic = PolicyText.ExpectError(Check(text, Cekura.Value), text, ScenarioText.FileName, PolicyCodes.UndeclaredInScenario, $"cookie:{cookie}x", withFix: true);

        // Assert
        Assert.Contains("names a cookie category", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"'{cookie}'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_unknown_key_is_reported_where_it_is_written()
    {
        // Arrange
        var text = PolicyText.Replace(SmartHomeScenario, "recipient: maps_provider", "recipient: maps_provder")
            .Replace("permission_on: location", "permission_on: locaton", StringComparison.Ordinal);

        // Act
        var diagnostics = Check(text, SmartHome.Value);

        // Assert
        Assert.Equal(
            [PolicyText.Locate(text, "locaton"), PolicyText.Locate(text, "maps_provder")],
            diagnostics.Select(d => (d.Location.Line, d.Location.Column)));
    }

    private const string SmsScenario = """
        scenario: A purpose that only the next version of the policy brings
        steps:
          - at: 2025-01-02
            create: karen
            email: karen.holm@example.dk
        {0}
          - at: 2025-03-05
            subject: karen
            consent: marketing.communications.sms

        """;

    private static string Sms(string publish) => SmsScenario.Replace("{0}", publish, StringComparison.Ordinal);

    private static string PublishSteps(string refused) =>
        $"""
          - at: 2025-01-10
            publish: {Path.Combine(RepositoryRoot.Find(), "examples", "cekura", "versions", "policy-2025.yaml")}
            effective: 2025-03-01{refused}
        """;

    [Fact]
    public void Key_only_a_published_version_declares_is_not_an_error()
    {
        // Arrange
        var text = Sms(PublishSteps(""));

        // Act
        var diagnostics = Check(text, Cekura.Value);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Key_no_version_declares_names_the_published_versions()
    {
        // Arrange
        var text = Sms(PublishSteps("")).Replace("consent: marketing.communications.sms", "consent: marketing.communications.smss", StringComparison.Ordinal);

        // Act
        var diagnostic = PolicyText.ExpectError(Check(text, Cekura.Value), text, ScenarioText.FileName, PolicyCodes.UndeclaredInScenario, "marketing.communications.smss", withFix: true);

        // Assert
        Assert.Contains("neither the policy nor a version this scenario publishes (", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("policy-2025.yaml", diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith("did you mean 'marketing.communications.sms'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n    refused: notice_period_too_short")]
    public void Key_of_a_version_that_is_not_published_is_an_error(string refused)
    {
        // Arrange: no publish step at all, or one expected to be refused
        var text = Sms(refused.Length == 0 ? "" : PublishSteps(refused));

        // Act
        var diagnostic = PolicyText.ExpectError(Check(text, Cekura.Value), text, ScenarioText.FileName, PolicyCodes.UndeclaredInScenario, "marketing.communications.sms", withFix: true);

        // Assert
        Assert.Contains("names a purpose", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_policy_that_cannot_be_read_leaves_the_keys_to_the_run()
    {
        // Arrange: the keys that policy would bring are not known, so none is called undeclared
        var text = Sms("""
              - at: 2025-01-10
                publish: no-such-policy.yaml
            """);

        // Act
        var diagnostics = Check(text, Cekura.Value, Path.Combine(Path.GetTempPath(), $"custodian-{Guid.NewGuid():N}", "x.yaml"));

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Outcome_line_names_file_line_and_column()
    {
        // Arrange
        var location = new SourceLocation("x.yaml", 28, 5);

        // Act
        var passed = new ExpectationOutcome(location, "2024-03-02 karen: user.name is stored", true).ToString();
        var failed = new ExpectationOutcome(location, "2024-03-02 karen: user.name is stored", false, "stored", "none stored").ToString();

        // Assert
        Assert.Equal("ok   x.yaml:28:5 2024-03-02 karen: user.name is stored", passed);
        Assert.Equal("FAIL x.yaml:28:5 2024-03-02 karen: user.name is stored: expected stored, got none stored", failed);
    }
}
