using System.Text;
using Custodian.Policy;

namespace Custodian.Tests.Policy;

/// <summary>
/// Sloppy and hostile files: each is refused with a code, the file, the line and column, and a fix — never a crash,
/// an endless read or a file expanded in memory.
/// </summary>
public sealed class LoaderHostileInputTests
{
    private static PolicyDiagnostic Expect(string text, string code, string snippet, int occurrence = 1) =>
        PolicyText.ExpectError(PolicyText.Diagnose(text), text, PolicyText.FileName, code, snippet, occurrence, withFix: true);

    private static PolicyLoadResult LoadBytes(byte[] bytes) => PolicyText.LoadTempFile(bytes, PolicyLoader.LoadFile);

    /// <summary>A billion-laughs file: nine levels of nine aliases, 9^9 values if it were expanded.</summary>
    private static string AliasBomb()
    {
        var text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        return text.ToString();
    }

    [Fact]
    public void Tab_indentation_is_CUS100_at_the_tab()
    {
        // Arrange
        var text = PolicyText.Replace("  name: Datatilsynet", "\tname: Datatilsynet");

        // Act
        var diagnostic = Expect(text, PolicyCodes.YamlSyntax, "\tname: Datatilsynet");

        // Assert
        Assert.Contains("tab", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("spaces", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_written_twice_is_named_in_the_message()
    {
        // Arrange
        var text = PolicyText.With("controller:\n  name: Other ApS\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.Duplicate, "controller:", occurrence: 2);

        // Assert
        Assert.Contains("'controller' is written twice", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("remove or merge", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_and_crlf_line_ends_are_read()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PolicyText.Minimal.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        // Act
        var result = LoadBytes(bytes);

        // Assert
        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Crlf_line_ends_keep_lines_and_columns_right()
    {
        // Arrange
        var text = PolicyText.Replace("jurisdiction: DK", "jurisdiction: Denmark");
        var crlf = text.Replace("\n", "\r\n", StringComparison.Ordinal);

        // Act
        var diagnostic = PolicyText.Single(PolicyText.Diagnose(crlf), PolicyCodes.InvalidValue);

        // Assert
        Assert.Equal(PolicyText.Locate(text, "Denmark"), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Latin1_bytes_are_CUS113_at_the_first_bad_byte()
    {
        // Arrange: "Exämple" saved as Latin-1
        var text = PolicyText.Replace("name: Example ApS", "name: Exämple ApS");
        var bytes = Encoding.Latin1.GetBytes(text);

        // Act
        var result = LoadBytes(bytes);

        // Assert
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Null(result.Document);
        Assert.False(result.Unreadable);
        Assert.Equal(PolicyCodes.NotText, diagnostic.Code);
        Assert.Equal(PolicyText.Locate(text, "ämple"), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("0xE4", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("save the file as UTF-8", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_byte_is_CUS113_where_it_is()
    {
        // Arrange
        var text = PolicyText.Replace("name: Example ApS", "name: Example\0ApS");

        // Act
        var diagnostic = Expect(text, PolicyCodes.NotText, "\0");

        // Assert
        Assert.Contains("NUL", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_anchors_and_aliases_are_read()
    {
        // Arrange
        var text = PolicyText.Replace("  name: Datatilsynet", "  name: &authority Datatilsynet\ndpo:\n  name: *authority");

        // Act
        var document = PolicyText.Document(text);

        // Assert
        Assert.Equal("Datatilsynet", document.Dpo?.Name);
    }

    [Fact]
    public void Merge_key_is_CUS115_telling_to_write_the_keys_out()
    {
        // Arrange
        var text = PolicyText.Replace("controller:\n", "controller: &owner\n").Replace("authority:\n  name: Datatilsynet", "authority:\n  <<: *owner", StringComparison.Ordinal);

        // Act
        var diagnostic = Expect(text, PolicyCodes.AliasMisuse, "<<");

        // Assert
        Assert.Contains("merge keys", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("write the keys out", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bomb_is_refused_as_CUS115_without_being_expanded()
    {
        // Arrange
        var text = PolicyText.With(AliasBomb());

        // Act
        var diagnostics = PolicyText.Diagnose(text);

        // Assert: the refusal is the only finding, at the alias that passes the limit
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(PolicyCodes.AliasMisuse, diagnostic.Code);
        Assert.Contains("10,000 values", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("not expanded", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("write the values out", diagnostic.Fix, StringComparison.Ordinal);
        Assert.Equal(PolicyText.Locate(text, "*a3").Line, diagnostic.Location.Line);
    }

    [Fact]
    public void Alias_inside_its_own_anchor_is_CUS115()
    {
        // Arrange
        var text = PolicyText.Replace("controller:\n  name: Example ApS", "controller: &owner\n  name: Example ApS\n  url: *owner");

        // Act
        var diagnostic = Expect(text, PolicyCodes.AliasMisuse, "*owner");

        // Assert
        Assert.Contains("itself", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_to_no_anchor_is_CUS100_at_the_alias()
    {
        // Arrange
        var text = PolicyText.Replace("name: Example ApS", "name: *example");

        // Act
        var diagnostic = Expect(text, PolicyCodes.YamlSyntax, "*example");

        // Assert
        Assert.Contains("'*example' names no anchor", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("quote", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Ten_thousand_levels_of_nesting_are_refused_as_CUS114(string open, string close)
    {
        // Arrange
        var text = PolicyText.With("deep: " + string.Concat(Enumerable.Repeat(open, 10_000)) + string.Concat(Enumerable.Repeat(close, 10_000)) + "\n");

        // Act
        var diagnostics = PolicyText.Diagnose(text);

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(PolicyCodes.TooDeep, diagnostic.Code);
        Assert.Contains($"more than {PolicyLoader.MaxDepth} levels", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyText.Locate(text, "deep:").Line, diagnostic.Location.Line);
        Assert.Contains("unclosed", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_limit_is_CUS112_and_not_read()
    {
        // Arrange: a valid policy followed by a comment that takes it past the limit
        var bytes = Encoding.UTF8.GetBytes(PolicyText.With("# " + new string('x', PolicyLoader.MaxFileBytes) + "\n"));

        // Act
        var result = LoadBytes(bytes);

        // Assert
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Null(result.Document);
        Assert.Equal(PolicyCodes.TooLarge, diagnostic.Code);
        Assert.Equal((1, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("at most 1 MB", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("tens of kilobytes", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_the_size_limit_is_CUS112()
    {
        // Arrange
        var text = PolicyText.With("# " + new string('x', PolicyLoader.MaxFileBytes) + "\n");

        // Act
        var diagnostic = Assert.Single(PolicyText.Diagnose(text));

        // Assert
        Assert.Equal(PolicyCodes.TooLarge, diagnostic.Code);
    }

    [Fact]
    public void Directory_is_CUS111_naming_a_file_to_check()
    {
        // Act
        var result = PolicyLoader.LoadFile(Path.GetTempPath());

        // Assert
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(result.Unreadable);
        Assert.Contains("directory", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("policy.yaml", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_document_is_CUS116_at_its_marker()
    {
        // Arrange
        var text = PolicyText.With("---\n" + PolicyText.Minimal);

        // Act
        var diagnostic = Expect(text, PolicyCodes.SeveralDocuments, "---");

        // Assert
        Assert.Contains("remove this '---' line", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Leading_and_trailing_document_markers_are_read()
    {
        // Act
        var diagnostics = PolicyText.Diagnose("---\n" + PolicyText.Minimal + "---\n");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n...\n")]
    public void File_with_no_content_is_CUS102_empty(string text)
    {
        // Act
        var diagnostic = Assert.Single(PolicyText.Diagnose(text));

        // Assert
        Assert.Equal(PolicyCodes.MissingKey, diagnostic.Code);
        Assert.Equal((1, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("empty", diagnostic.Message, StringComparison.Ordinal);
        Assert.NotNull(diagnostic.Fix);
    }

    [Theory]
    [InlineData("- custodian: 1\n")]
    [InlineData("custodian\n")]
    public void File_that_is_a_list_or_a_single_value_is_CUS103_telling_how_a_policy_starts(string text)
    {
        // Act
        var diagnostic = Assert.Single(PolicyText.Diagnose(text));

        // Assert
        Assert.Equal(PolicyCodes.WrongShape, diagnostic.Code);
        Assert.Equal((1, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("custodian: 1", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_where_a_list_belongs_is_CUS103_with_a_fix()
    {
        // Arrange
        var text = PolicyText.Replace("categories: [user.name, user.contact.email]", "categories: {user.name: yes}");

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "{user.name: yes}");

        // Assert
        Assert.Contains("[a, b]", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_where_a_single_value_belongs_is_CUS103_with_a_fix()
    {
        // Arrange
        var text = PolicyText.Replace("name: Example ApS", "name: {company: Example ApS}");

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "{company");

        // Assert
        Assert.Contains("quote it", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void List_where_a_mapping_belongs_has_a_fix()
    {
        // Arrange
        var text = PolicyText.Replace("authority:\n  name: Datatilsynet", "authority: [Datatilsynet]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "[Datatilsynet]");

        // Assert
        Assert.Contains("'key: value' lines", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_rules_as_a_mapping_has_a_fix()
    {
        // Arrange
        var text = PolicyText.Replace("    - id: account\n      purposes", "    id: account\n    purposes")
            .Replace("      keep: P1M\n      from: relationship_ended\n      kind: account", "    keep: P1M\n    from: relationship_ended\n    kind: account", StringComparison.Ordinal);

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "id: account");

        // Assert
        Assert.Contains("'- id: …'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_that_is_not_a_word_is_CUS103_with_a_fix()
    {
        // Arrange
        var text = PolicyText.With("? [a, b]\n: c\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "[a, b]");

        // Assert
        Assert.Contains("followed by ':'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("english", "ISO 639-1")]
    [InlineData("xx", "ISO 639-1")]
    [InlineData("EN", "lowercase: en")]
    public void Language_that_is_not_an_ISO_639_1_code_is_CUS110(string language, string fix)
    {
        // Arrange
        var text = PolicyText.Replace("languages: [en]", $"languages: [{language}]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, language);

        // Assert
        Assert.Contains($"'{language}' is not an ISO 639-1 language code", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(fix, diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_an_unknown_language_is_CUS110()
    {
        // Arrange
        var text = PolicyText.Replace("name: Providing the service", "name: {en: Service, xx: Service}");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, "xx");

        // Assert
        Assert.Contains("ISO 639-1", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P9999Y")]
    [InlineData("P9999M")]
    [InlineData("P99999D")]
    public void Duration_longer_than_the_limit_is_CUS105(string duration)
    {
        // Arrange
        var text = PolicyText.Replace("keep: P1M", $"keep: {duration}");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidDuration, duration);

        // Assert
        Assert.Contains($"longer than {PolicyLoader.MaxDurationYears} years", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"P{PolicyLoader.MaxDurationYears}Y", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_of_the_limit_is_read()
    {
        // Arrange
        var text = PolicyText.Replace("keep: P1M", $"keep: P{PolicyLoader.MaxDurationYears}Y");

        // Act
        var document = PolicyText.Document(text);

        // Assert
        Assert.Equal(PolicyLoader.MaxDurationYears, document.Retention.Rules[0].Keep.Years);
    }

    [Theory]
    [InlineData("99999999999999999999", "from 1 to 21")]
    [InlineData("-5", "from 1 to 21")]
    [InlineData("twelve", "from 1 to 21")]
    public void Number_out_of_range_or_not_a_number_is_CUS110_with_a_fix(string value, string range)
    {
        // Arrange
        var text = PolicyText.With($"children:\n  minimum_age: {value}\n  guardian_consent: true\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, value);

        // Assert
        Assert.Contains(range, diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_key_with_no_value_is_CUS102_at_the_key()
    {
        // Arrange
        var text = PolicyText.Replace("name: Example ApS", "name:");

        // Act
        var diagnostic = Expect(text, PolicyCodes.MissingKey, "name:\n");

        // Assert
        Assert.Contains("'name' in 'controller' has no value", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("after 'name:'", diagnostic.Fix, StringComparison.Ordinal);
    }
}
