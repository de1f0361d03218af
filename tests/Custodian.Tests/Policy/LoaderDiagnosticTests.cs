using Custodian.Policy;

namespace Custodian.Tests.Policy;

/// <summary>One broken policy per thing the loader cannot read: the code, the severity, where it points and what it advises.</summary>
public sealed class LoaderDiagnosticTests
{
    private static PolicyDiagnostic Expect(string text, string code, string snippet, int occurrence = 1, bool withFix = false) =>
        PolicyText.ExpectError(PolicyText.Diagnose(text), text, PolicyText.FileName, code, snippet, occurrence, withFix);

    [Fact]
    public void Invalid_yaml_is_CUS100_at_the_offending_character()
    {
        // Arrange: a value with an unquoted ': ' inside it
        var text = PolicyText.Replace("  name: Example ApS", "  name: Example: ApS");

        // Act
        var diagnostic = Expect(text, PolicyCodes.YamlSyntax, ": ApS");

        // Assert
        Assert.Contains("not valid YAML", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("quoted", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_names_the_nearest_valid_key()
    {
        // Arrange
        var text = PolicyText.With("purpse:\n  analytics: {}\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UnknownKey, "purpse:");

        // Assert
        Assert.Contains("'purpse'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'purposes'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_with_nothing_close_lists_the_keys_of_its_mapping()
    {
        // Arrange
        var text = PolicyText.Replace("  notice_period: P30D", "  notice_period: P30D\n  xyzzy: true");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UnknownKey, "xyzzy");

        // Assert
        Assert.Contains("notice_period, channels", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_key_is_CUS102_at_the_mapping_that_needs_it()
    {
        // Arrange: rights without response_time
        var text = PolicyText.Replace("  response_time: P1M\n", "");

        // Act
        var diagnostic = Expect(text, PolicyCodes.MissingKey, "offered: [access");

        // Assert
        Assert.Contains("'response_time'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("add 'response_time:'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_languages_is_CUS102_with_an_example()
    {
        // Arrange
        var text = PolicyText.Replace("  languages: [en]\n", "");

        // Act
        var diagnostic = Expect(text, PolicyCodes.MissingKey, "id: minimal");

        // Assert
        Assert.Contains("[da, en]", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_CUS102_at_line_one()
    {
        // Act
        var diagnostic = PolicyText.Single(PolicyText.Diagnose("# nothing yet\n"), PolicyCodes.MissingKey);

        // Assert
        Assert.Equal((1, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("empty", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_where_a_mapping_belongs_is_CUS103()
    {
        // Arrange
        var text = PolicyText.Replace("authority:\n  name: Datatilsynet", "authority: [Datatilsynet]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "[Datatilsynet]");

        // Assert
        Assert.Contains("must be a mapping", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("not a list", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_rules_as_a_mapping_is_CUS103_telling_to_start_each_rule_with_a_dash()
    {
        // Arrange
        var text = PolicyText.Replace("    - id: account\n      purposes", "    id: account\n    purposes")
            .Replace("      keep: P1M\n      from: relationship_ended\n      kind: account", "    keep: P1M\n    from: relationship_ended\n    kind: account", StringComparison.Ordinal);

        // Act
        var diagnostic = Expect(text, PolicyCodes.WrongShape, "id: account");

        // Assert
        Assert.Contains("'- id:'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_legal_basis_is_CUS104_suggesting_the_right_word()
    {
        // Arrange
        var text = PolicyText.Replace("basis: contract", "basis: contrakt");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidChoice, "contrakt");

        // Assert
        Assert.Contains("'contrakt'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'contract'? allowed: consent, contract, legal_obligation, legitimate_interest, public_task, vital_interest", diagnostic.Fix);
    }

    [Fact]
    public void A_word_nothing_is_near_is_CUS104_listing_every_allowed_word_where_it_is_written()
    {
        // Arrange
        var text = PolicyText.Replace("from: relationship_ended", "from: whenever");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidChoice, "whenever", withFix: true);

        // Assert
        Assert.Contains("'whenever' is not a valid 'from'", diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith("use one of: ", diagnostic.Fix, StringComparison.Ordinal);
        foreach (var word in PolicyVocabulary.RetentionAnchors.Keys) Assert.Contains(word, diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Sale_other_than_never_or_allowed_is_CUS104()
    {
        // Arrange
        var text = PolicyText.With("sale: sometimes\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidChoice, "sometimes");

        // Assert
        Assert.Contains("sale: never", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_in_words_is_CUS105_with_ISO_examples()
    {
        // Arrange
        var text = PolicyText.Replace("keep: P1M", "keep: 1 month");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidDuration, "1 month");

        // Assert
        Assert.Contains("ISO 8601", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("P2M", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_effective_date_is_CUS106()
    {
        // Arrange
        var text = PolicyText.Replace("effective: 2025-01-01", "effective: 2025-13-01");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidDate, "2025-13-01");

        // Assert
        Assert.Contains("YYYY-MM-DD", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Fiscal_year_end_that_is_not_a_month_and_day_is_CUS106()
    {
        // Arrange
        var text = PolicyText.Replace("retention:\n", "retention:\n  fiscal_year_end: \"06-31\"\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidDate, "\"06-31\"");

        // Assert
        Assert.Contains("MM-DD", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_written_twice_is_CUS107_at_the_second_one()
    {
        // Arrange
        var text = PolicyText.Replace("  name: Example ApS", "  name: Example ApS\n  name: Example A/S");

        // Act
        var diagnostic = Expect(text, PolicyCodes.Duplicate, "name: Example A/S");

        // Assert
        Assert.Contains("twice", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("remove or merge", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Category_key_with_capitals_is_CUS108()
    {
        // Arrange
        var text = PolicyText.With("categories:\n  user.contact.Pet_Name:\n    name: Pet name\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidKeySyntax, "user.contact.Pet_Name");

        // Assert
        Assert.Contains("user.contact.email", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_id_with_a_space_is_CUS108()
    {
        // Arrange
        var text = PolicyText.Replace("id: minimal", "id: my policy");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidKeySyntax, "my policy");

        // Assert
        Assert.Contains("policy id", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_format_version_is_CUS109()
    {
        // Arrange
        var text = PolicyText.Replace("custodian: 1", "custodian: 2");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UnsupportedFormat, "2");

        // Assert
        Assert.Contains("custodian: 1", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_that_is_not_true_or_false_is_CUS110()
    {
        // Arrange
        var text = PolicyText.Replace("used: false", "used: maybe");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, "maybe");

        // Assert
        Assert.Contains("true or false", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_name_instead_of_code_is_CUS110()
    {
        // Arrange
        var text = PolicyText.Replace("jurisdiction: DK", "jurisdiction: Denmark");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, "Denmark");

        // Assert
        Assert.Contains("DK", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimum_age_out_of_range_is_CUS110()
    {
        // Arrange
        var text = PolicyText.With("children:\n  minimum_age: 0\n  guardian_consent: true\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, "0\n");

        // Assert
        Assert.Contains("from 1 to 21", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unquoted_comma_inside_translated_text_is_CUS110_advising_quotes()
    {
        // Arrange
        var text = PolicyText.Replace("name: Providing the service", "name: {en: Hello, dear world}");

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, "dear world");

        // Assert
        Assert.Contains("quote", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_CUS111_and_unreadable()
    {
        // Arrange
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-policy.yaml");

        // Act
        var result = PolicyLoader.LoadFile(path);

        // Assert
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(result.Unreadable);
        Assert.Null(result.Document);
        Assert.Equal(PolicyCodes.Unreadable, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Location.File);
        Assert.Contains("path", diagnostic.Fix, StringComparison.Ordinal);
    }
}
