using System.Text;
using Custodian.Policy;
using Custodian.Scenarios;
using Custodian.Tests.Policy;

namespace Custodian.Tests.Scenarios;

/// <summary>
/// Sloppy and hostile scenario files: each is refused with a code, the file, the line and column, and a fix — never a
/// crash, an endless read, a file expanded in memory, or a step that only fails when it runs.
/// </summary>
public sealed class ScenarioLoaderHostileInputTests
{
    private static PolicyDiagnostic Expect(string text, string code, string snippet, int occurrence = 1) =>
        PolicyText.ExpectError(ScenarioText.Diagnose(text), text, ScenarioText.FileName, code, snippet, occurrence, withFix: true);

    private static (Scenario? Scenario, System.Collections.Immutable.ImmutableArray<PolicyDiagnostic> Diagnostics) LoadBytes(byte[] bytes) =>
        PolicyText.LoadTempFile(bytes, ScenarioLoader.LoadFile);

    [Fact]
    public void Minimal_scenario_is_read()
    {
        // Act
        var scenario = ScenarioText.Scenario(ScenarioText.Minimal);

        // Assert
        Assert.Equal(3, scenario.Steps.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void File_with_no_content_is_CUS102_empty(string text)
    {
        // Act
        var diagnostic = Assert.Single(ScenarioText.Diagnose(text));

        // Assert
        Assert.Equal(PolicyCodes.MissingKey, diagnostic.Code);
        Assert.Equal((1, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("empty", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'scenario:'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- scenario: x\n")]
    [InlineData("scenario\n")]
    public void File_that_is_a_list_or_a_single_value_is_CUS103_telling_how_a_scenario_starts(string text)
    {
        // Act
        var diagnostic = Assert.Single(ScenarioText.Diagnose(text));

        // Assert
        Assert.Equal(PolicyCodes.WrongShape, diagnostic.Code);
        Assert.Equal((1, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("'steps:'", diagnostic.Fix, StringComparison.Ordinal);
        Assert.Contains("docs/scenarios.md", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_that_are_not_a_list_are_CUS103_instead_of_a_scenario_with_no_steps()
    {
        // Arrange
        var text = "scenario: x\nsteps: create\n";

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "create");

        // Assert
        Assert.Contains("'steps' must be a list", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'- at: 2024-03-01'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_indentation_is_CUS100_at_the_tab()
    {
        // Arrange
        var text = ScenarioText.Replace("    create: jens", "\tcreate: jens");

        // Act
        var diagnostic = Expect(text, PolicyCodes.YamlSyntax, "\tcreate");

        // Assert
        Assert.Contains("tab", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("indent with spaces", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_written_twice_is_CUS107_naming_it()
    {
        // Arrange
        var text = ScenarioText.Replace("    email: jens@example.com\n", "    email: jens@example.com\n    email: j@example.com\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.Duplicate, "email:", occurrence: 2);

        // Assert
        Assert.Contains("'email' is written twice", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("remove or merge", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_bytes_are_CUS113_at_the_first_bad_byte()
    {
        // Arrange: "Jäns" saved as Latin-1
        var text = ScenarioText.Replace("scenario: A person's", "scenario: Jäns's");

        // Act
        var (scenario, diagnostics) = LoadBytes(Encoding.Latin1.GetBytes(text));

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Null(scenario);
        Assert.Equal(PolicyCodes.NotText, diagnostic.Code);
        Assert.Equal(PolicyText.Locate(text, "äns"), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("0xE4", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("save the file as UTF-8", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_is_CUS113_where_it_is()
    {
        // Arrange
        var text = ScenarioText.Replace("jens@example.com\n  - subject", "jens@exa\0mple.com\n  - subject");

        // Act
        var diagnostic = Expect(text, PolicyCodes.NotText, "\0");

        // Assert
        Assert.Contains("NUL", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_and_crlf_line_ends_are_read()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ScenarioText.Minimal.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        // Act
        var (scenario, diagnostics) = LoadBytes(bytes);

        // Assert
        Assert.NotNull(scenario);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Alias_bomb_is_refused_as_CUS115_without_being_expanded()
    {
        // Arrange: nine levels of nine aliases in a note, 9^9 values if it were expanded
        var bomb = new StringBuilder("  - expect: audit_valid\n    note:\n      a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"      a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        var text = ScenarioText.With(bomb.ToString());

        // Act
        var diagnostic = Assert.Single(ScenarioText.Diagnose(text));

        // Assert
        Assert.Equal(PolicyCodes.AliasMisuse, diagnostic.Code);
        Assert.Contains("10,000 values", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyText.Locate(text, "*a3").Line, diagnostic.Location.Line);
        Assert.Contains("write the values out", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_to_no_anchor_is_CUS100_at_the_alias()
    {
        // Arrange
        var text = ScenarioText.Replace("create: jens", "create: *jens");

        // Act
        var diagnostic = Expect(text, PolicyCodes.YamlSyntax, "*jens");

        // Assert
        Assert.Contains("'*jens' names no anchor", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("quote", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_key_is_CUS115()
    {
        // Arrange
        var text = ScenarioText.Replace("  - subject: jens\n    expect: stored", "  - <<: {subject: jens}\n    expect: stored");

        // Act
        var diagnostic = Expect(text, PolicyCodes.AliasMisuse, "<<");

        // Assert
        Assert.Contains("write the keys out", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(400_000)]
    public void Deep_nesting_is_CUS114_not_a_stack_overflow(int levels)
    {
        // Arrange
        var text = ScenarioText.With("  - expect: audit_valid\n    note: " + new string('[', levels) + new string(']', levels) + "\n");

        // Act
        var diagnostic = Assert.Single(ScenarioText.Diagnose(text));

        // Assert
        Assert.Equal(PolicyCodes.TooDeep, diagnostic.Code);
        Assert.Contains($"more than {ScenarioLoader.MaxDepth} levels", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyText.Locate(text, "note:").Line, diagnostic.Location.Line);
        Assert.Contains("unclosed", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_limit_is_CUS112_and_not_read()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(ScenarioText.With("# " + new string('x', ScenarioLoader.MaxFileBytes) + "\n"));

        // Act
        var (scenario, diagnostics) = LoadBytes(bytes);

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Null(scenario);
        Assert.Equal(PolicyCodes.TooLarge, diagnostic.Code);
        Assert.Equal((1, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("a scenario file may be at most 1 MB", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("a few kilobytes", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_document_is_CUS116_at_its_marker()
    {
        // Arrange
        var text = ScenarioText.With("---\n" + ScenarioText.Minimal);

        // Act
        var diagnostic = Expect(text, PolicyCodes.SeveralDocuments, "---");

        // Assert
        Assert.Contains("one scenario", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("remove this '---' line", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_is_CUS111()
    {
        // Act
        var (_, diagnostics) = ScenarioLoader.LoadFile(Path.GetTempPath());

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(PolicyCodes.Unreadable, diagnostic.Code);
        Assert.Contains("directory", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("*.yaml", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_action_is_CUS101_at_the_key_with_the_nearest_action()
    {
        // Arrange
        var text = ScenarioText.Replace("collect: essential.service", "colect: essential.service");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UnknownKey, "colect");

        // Assert
        Assert.Contains("'colect' is not an action", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'collect'?", diagnostic.Fix);
    }

    [Fact]
    public void Misspelt_second_action_in_a_step_is_CUS101_at_the_key_with_the_nearest_action()
    {
        // Arrange: 'withdraw' misspelt beside 'collect', so the step is read as a collect step
        var text = ScenarioText.With("  - subject: jens\n    collect: essential.service\n    withdarw: essential.service\n    values:\n      user.name: Jens\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UnknownKey, "withdarw");

        // Assert
        Assert.Equal("'withdarw' is not a key of a 'collect' step nor an action a step can take", diagnostic.Message);
        Assert.StartsWith("did you mean the action 'withdraw'? A step takes one action, so put it in a step of its own;", diagnostic.Fix, StringComparison.Ordinal);
        Assert.Contains("the keys of a 'collect' step are: values, source, collect, at, subject", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_actions_in_a_step_are_CUS102_asking_for_one_step_each()
    {
        // Arrange
        var text = ScenarioText.With("  - subject: jens\n    collect: essential.service\n    withdraw: essential.service\n    values:\n      user.name: Jens\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.MissingKey, "subject: jens", occurrence: 3);

        // Assert
        Assert.Equal("a step has more than one action", diagnostic.Message);
        Assert.Equal("split it into one step per action (collect, withdraw)", diagnostic.Fix);
    }

    [Fact]
    public void Unknown_key_in_a_step_names_the_nearest_key()
    {
        // Arrange
        var text = ScenarioText.Replace("    email: jens", "    emial: jens");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UnknownKey, "emial");

        // Assert
        Assert.Equal("did you mean 'email'?", diagnostic.Fix);
    }

    [Fact]
    public void Values_written_as_a_list_are_CUS103()
    {
        // Arrange
        var text = ScenarioText.Replace("    values:\n      user.contact.email: jens@example.com", "    values: [jens@example.com]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "[jens@example.com]");

        // Assert
        Assert.Contains("'values' must be a mapping of 'category: value' lines", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("indented below 'values:'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_in_values_that_is_not_a_word_is_CUS103_not_a_crash()
    {
        // Arrange
        var text = ScenarioText.Replace("      user.contact.email: jens@example.com", "      ? [a, b]\n      : c");

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "[a, b]");

        // Assert
        Assert.Contains("followed by ':'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_without_a_category_is_CUS102_not_a_crash_when_it_runs()
    {
        // Arrange
        var text = ScenarioText.With("  - subject: jens\n    events: essential.service\n    readings:\n      - value: \"3\"\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.MissingKey, "value: \"3\"");

        // Assert
        Assert.Contains("a reading needs 'category'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("add 'category:'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_value_where_a_list_of_values_is_allowed_is_read_as_one_item()
    {
        // Arrange
        var text = ScenarioText.With("  - subject: jens\n    expect: package\n    contains: user.contact.email\n");

        // Act
        var step = ScenarioText.Scenario(text).Steps[^1];

        // Assert
        Assert.Equal(["user.contact.email"], step.List("contains"));
    }

    [Theory]
    [InlineData("  - subject: jens\n    consent: marketing\n    explicit: maybe\n", "maybe", PolicyCodes.InvalidValue, "write true or false")]
    [InlineData("  - expect: notices\n    count: many\n", "many", PolicyCodes.InvalidValue, "whole number")]
    [InlineData("  - subject: jens\n    expect: request\n    due: soon\n", "soon", PolicyCodes.InvalidDate, "YYYY-MM-DD")]
    [InlineData("  - subject: jens\n    extend_request: access\n    by: two months\n", "two months", PolicyCodes.InvalidDuration, "P2M")]
    [InlineData("  - breach: leak\n    from: last week\n", "last week", PolicyCodes.InvalidDate, "2024-03-01T09:30:00Z")]
    [InlineData("  - subject: jens\n    request: acess\n", "acess", PolicyCodes.InvalidChoice, "did you mean 'access'? allowed: access, portability, rectification, erasure, restriction, objection, consent_withdrawal")]
    [InlineData("  - retention: runn\n", "runn", PolicyCodes.InvalidChoice, "did you mean 'run'? allowed: run, dry_run")]
    public void Typed_field_with_a_wrong_value_is_an_error_where_it_is_written(string step, string value, string code, string fix)
    {
        // Arrange
        var text = ScenarioText.With(step);

        // Act
        var diagnostic = Expect(text, code, value);

        // Assert
        Assert.Contains(fix, diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Birth_date_that_is_not_a_date_is_CUS106()
    {
        // Arrange
        var text = ScenarioText.Replace("    email: jens@example.com\n", "    email: jens@example.com\n    birth_date: 14-06-1941\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidDate, "14-06-1941");

        // Assert
        Assert.Contains("YYYY-MM-DD", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_earlier_than_the_one_before_is_CUS106_at_its_time()
    {
        // Arrange
        var text = ScenarioText.With("  - at: 2023-12-31\n    subject: jens\n    expect: audit_valid\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidDate, "2023-12-31");

        // Assert
        Assert.Contains("before the previous step's time, 2024-02-01", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("time never runs backwards", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_never_created_is_CUS210_with_the_nearest_person()
    {
        // Arrange
        var text = ScenarioText.Replace("  - subject: jens\n    expect", "  - subject: jnes\n    expect");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UndeclaredReference, "jnes");

        // Assert
        Assert.Contains("'subject: jnes' names no person created before this step", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'jens'?", diagnostic.Fix);
    }

    [Fact]
    public void Subject_used_before_it_is_created_is_CUS210_telling_to_create_it_first()
    {
        // Arrange
        var text = ScenarioText.Replace("  - at: 2024-02-01\n    create: jens", "  - at: 2024-02-01\n    subject: karen\n    expect: audit_valid\n  - create: jens");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UndeclaredReference, "karen");

        // Assert
        Assert.Contains("'- create: karen'", diagnostic.Fix, StringComparison.Ordinal);
    }
}
