using Custodian.Policy;

namespace Custodian.Tests.Policy;

/// <summary>One policy per checker rule that breaks exactly that promise: the code, the severity, where it points and what it advises.</summary>
public sealed class CheckerDiagnosticTests
{
    private const string PurposeHeader = "  essential.service:\n";

    private static PolicyDiagnostic Expect(string text, string code, DiagnosticSeverity severity, string snippet, int occurrence = 1)
    {
        var diagnostic = PolicyText.Single(PolicyText.Diagnose(text), code);
        var (line, column) = PolicyText.Locate(text, snippet, occurrence);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
        return diagnostic;
    }

    /// <summary>The minimal policy with another purpose added after the first.</summary>
    private static string WithPurpose(string purpose) => PolicyText.Replace("retention:\n", purpose + "retention:\n");

    [Fact]
    public void Purpose_using_a_misspelt_category_is_CUS201_at_the_list_item()
    {
        // Arrange
        var text = PolicyText.Replace("[user.name, user.contact.email]", "[user.name, user.contact.emial]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UndeclaredCategory, DiagnosticSeverity.Error, "user.contact.emial");

        // Assert
        Assert.Contains("'user.contact.email'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_category_not_below_a_known_key_is_CUS201()
    {
        // Arrange
        var text = PolicyText.With("categories:\n  user.pets.name:\n    name: Pet name\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UndeclaredCategory, DiagnosticSeverity.Error, "user.pets.name");

        // Assert
        Assert.Contains("not below a built-in or declared category", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("<your_key>", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_purpose_without_contract_kind_is_CUS202()
    {
        // Arrange
        var text = PolicyText.Replace("    contract: account\n", "");

        // Act
        var diagnostic = Expect(text, PolicyCodes.ContractWithoutKind, DiagnosticSeverity.Error, "essential.service:");

        // Assert
        Assert.Contains("contract: <kind>", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_data_on_plain_consent_is_CUS203()
    {
        // Arrange
        var text = WithPurpose("""
              personalize.content:
                name: Health tips
                basis: consent
                categories: [user.health_and_medical]

            """);
        text = PolicyText.Replace(text, "purposes: [essential.service]", "purposes: [essential.service, personalize.content]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.SpecialCategoryWithoutCondition, DiagnosticSeverity.Error, "personalize.content:");

        // Assert
        Assert.Contains("user.health_and_medical", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("explicit: true", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_consent_condition_on_a_non_consent_basis_is_still_CUS203()
    {
        // Arrange
        var text = PolicyText.Replace("[user.name, user.contact.email]", "[user.name, user.contact.email, user.health_and_medical]");
        text = PolicyText.Replace(text, "    contract: account\n", "    contract: account\n    special_condition: explicit_consent\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.SpecialCategoryWithoutCondition, DiagnosticSeverity.Error, "essential.service:");

        // Assert
        Assert.Contains("special_condition:", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipient_in_the_US_without_mechanism_is_CUS204_at_the_recipient()
    {
        // Arrange
        var text = PolicyText.With("recipients:\n  mailer:\n    name: Mailer Inc.\n    role: processor\n    country: US\n    purposes: [essential.service]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.TransferWithoutMechanism, DiagnosticSeverity.Error, "mailer:");

        // Assert
        Assert.Contains("outside the EU/EEA", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("mechanism: scc", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Adequacy_for_a_country_without_a_decision_is_CUS204_at_the_mechanism()
    {
        // Arrange
        var text = PolicyText.With("recipients:\n  mailer:\n    name: Mailer Inc.\n    role: processor\n    country: US\n    mechanism: adequacy\n    purposes: [essential.service]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.TransferWithoutMechanism, DiagnosticSeverity.Error, "adequacy");

        // Assert
        Assert.Contains("does not cover US", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipient_in_Norway_under_eu_only_is_CUS205()
    {
        // Arrange
        var text = PolicyText.With("transfers: eu_only\nrecipients:\n  hosting:\n    name: Nordic Hosting AS\n    role: processor\n    country: NO\n    purposes: [essential.service]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.TransferAgainstRule, DiagnosticSeverity.Error, "hosting:");

        // Assert
        Assert.Contains("eu_only", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("inside the EU", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipient_in_the_US_under_eea_only_is_CUS205_even_with_scc()
    {
        // Arrange
        var text = PolicyText.With("transfers: eea_only\nrecipients:\n  mailer:\n    name: Mailer Inc.\n    role: processor\n    country: US\n    mechanism: scc\n    purposes: [essential.service]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.TransferAgainstRule, DiagnosticSeverity.Error, "mailer:");

        // Assert
        Assert.Contains("eea_only", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Privacy_Shield_is_CUS206_naming_the_date_it_fell()
    {
        // Arrange
        var text = PolicyText.With("recipients:\n  mailer:\n    name: Mailer Inc.\n    role: processor\n    country: US\n    mechanism: privacy_shield\n    purposes: [essential.service]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.PrivacyShield, DiagnosticSeverity.Error, "privacy_shield");

        // Assert
        Assert.Contains("16 July 2020", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'dpf'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Category_no_retention_rule_covers_is_CUS207()
    {
        // Arrange
        var text = WithPurpose("""
              essential.service.security:
                name: Keeping accounts safe
                basis: legitimate_interest
                interest: Stopping account takeover
                categories: [user.device.ip_address]

            """);

        // Act
        var diagnostic = Expect(text, PolicyCodes.NoRetention, DiagnosticSeverity.Error, "essential.service.security:");

        // Assert
        Assert.Contains("'user.device.ip_address'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("purposes: [essential.service.security]", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Legitimate_interest_without_the_right_to_object_is_CUS208()
    {
        // Arrange
        var text = PolicyText.Replace("basis: contract\n    contract: account", "basis: legitimate_interest");
        text = PolicyText.Replace(text, "offered: [access, erasure, objection]", "offered: [access, erasure]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.NoObjectionRoute, DiagnosticSeverity.Error, "essential.service:");

        // Assert
        Assert.Contains("'objection'", diagnostic.Fix, StringComparison.Ordinal);
        Assert.Contains("Art. 21", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Marketing_email_on_legitimate_interest_in_Denmark_is_warning_CUS209()
    {
        // Arrange
        var text = WithPurpose("""
              marketing.communications.email:
                name: Newsletter
                basis: legitimate_interest
                categories: [user.contact.email]

            """);
        text = PolicyText.Replace(text, "purposes: [essential.service]", "purposes: [essential.service, marketing.communications.email]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.MarketingEmailNeedsConsent, DiagnosticSeverity.Warning, "marketing.communications.email:");

        // Assert
        Assert.Contains("existing_customers_only: true", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipient_naming_an_undeclared_purpose_is_CUS210()
    {
        // Arrange
        var text = PolicyText.With("recipients:\n  mailer:\n    name: Mailer ApS\n    role: processor\n    country: DK\n    purposes: [essential.servise]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UndeclaredReference, DiagnosticSeverity.Error, "mailer:");

        // Assert
        Assert.Contains("'essential.servise'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'essential.service'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Purpose_outside_the_data_use_taxonomy_is_CUS210()
    {
        // Arrange
        var text = PolicyText.Replace(PurposeHeader, "  shopping.basket:\n");
        text = PolicyText.Replace(text, "purposes: [essential.service]", "purposes: [shopping.basket]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UndeclaredReference, DiagnosticSeverity.Error, "shopping.basket:");

        // Assert
        Assert.Contains("not a fideslang data use", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_rule_naming_an_undeclared_purpose_is_CUS210_at_the_rule()
    {
        // Arrange
        var text = PolicyText.Replace("purposes: [essential.service]", "purposes: [essential.service, finance.bookkeeping]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.UndeclaredReference, DiagnosticSeverity.Error, "id: account");

        // Assert
        Assert.Contains("retention rule 'account'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipient_receiving_a_category_its_purposes_do_not_use_is_CUS211()
    {
        // Arrange
        var text = PolicyText.With("recipients:\n  mailer:\n    name: Mailer ApS\n    role: processor\n    country: DK\n    purposes: [essential.service]\n    categories: [user.contact]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.RecipientCategoryOutsidePurposes, DiagnosticSeverity.Error, "mailer:");

        // Assert
        Assert.Contains("'user.contact'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("narrower category", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Sale_purpose_under_sale_never_is_CUS212()
    {
        // Arrange
        var text = WithPurpose("""
              marketing.advertising.third_party:
                name: Ads by partners
                basis: consent
                categories: [user.contact.email]

            """);
        text = PolicyText.Replace(text, "purposes: [essential.service]", "purposes: [essential.service, marketing.advertising.third_party]") + "sale: never\n";

        // Act
        var diagnostic = Expect(text, PolicyCodes.SaleForbidden, DiagnosticSeverity.Error, "marketing.advertising.third_party:");

        // Assert
        Assert.Contains("sale: never", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_outside_authentication_is_CUS213()
    {
        // Arrange
        var text = PolicyText.Replace("[user.name, user.contact.email]", "[user.name, user.contact.email, user.authorization.password]");

        // Act
        var diagnostic = Expect(text, PolicyCodes.SecretDisclosed, DiagnosticSeverity.Error, "essential.service:");

        // Assert
        Assert.Contains("essential.service.authentication", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipient_receiving_credentials_is_CUS213()
    {
        // Arrange
        var text = WithPurpose("""
              essential.service.authentication:
                name: Signing in
                basis: contract
                contract: account
                categories: [user.authorization]

            """);
        text = PolicyText.Replace(text, "purposes: [essential.service]", "purposes: [essential.service, essential.service.authentication]")
            + "recipients:\n  identity:\n    name: Identity ApS\n    role: processor\n    country: DK\n    purposes: [essential.service.authentication]\n    categories: [user.authorization]\n";

        // Act
        var diagnostic = Expect(text, PolicyCodes.SecretDisclosed, DiagnosticSeverity.Error, "identity:");

        // Assert
        Assert.Contains("never disclosed", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_missing_in_a_published_language_is_warning_CUS214()
    {
        // Arrange
        var text = PolicyText.Replace("languages: [en]", "languages: [en, da]");
        text = PolicyText.Replace(text, "name: Providing the service", "name: {en: Providing the service}");

        // Act
        var diagnostic = Expect(text, PolicyCodes.MissingTranslation, DiagnosticSeverity.Warning, "essential.service:");

        // Assert
        Assert.Contains("'da'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("add 'da:", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_counts_as_the_first_language_of_the_policy()
    {
        // Arrange: a Danish-only policy whose purpose name is one plain string
        var text = PolicyText.Replace("languages: [en]", "languages: [da]");
        text = PolicyText.Replace(text, "name: Providing the service", "name: Levering af tjenesten");

        // Act
        var diagnostics = PolicyText.Diagnose(text);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Relationship_anchor_without_kind_is_CUS215()
    {
        // Arrange
        var text = PolicyText.Replace("      kind: account\n", "");

        // Act
        var diagnostic = Expect(text, PolicyCodes.AnchorWithoutKind, DiagnosticSeverity.Error, "id: account");

        // Assert
        Assert.Contains("kind: <relationship>", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Fiscal_year_anchor_without_event_is_CUS215()
    {
        // Arrange
        var text = PolicyText.Replace("      from: relationship_ended\n      kind: account\n", "      from: fiscal_year_end\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.AnchorWithoutKind, DiagnosticSeverity.Error, "id: account");

        // Assert
        Assert.Contains("payment_settled", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimum_age_without_guardian_setting_is_warning_CUS216()
    {
        // Arrange
        var text = PolicyText.With("children:\n  minimum_age: 13\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.ChildrenIncomplete, DiagnosticSeverity.Warning, "minimum_age");

        // Assert
        Assert.Contains("guardian_consent: true", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimum_age_with_guardian_consent_written_false_refuses_younger_people_without_warning()
    {
        // Arrange
        var text = PolicyText.With("children:\n  minimum_age: 16\n  guardian_consent: false\n");

        // Act
        var diagnostics = PolicyText.Diagnose(text);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Guardian_consent_without_minimum_age_is_warning_CUS216()
    {
        // Arrange
        var text = PolicyText.With("children:\n  guardian_consent: true\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.ChildrenIncomplete, DiagnosticSeverity.Warning, "guardian_consent");

        // Assert
        Assert.Contains("minimum_age:", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_category_not_listed_is_CUS217()
    {
        // Arrange
        var text = PolicyText.Replace("    categories: [user.name, user.contact.email]\n", "    categories: [user.name, user.contact.email]\n    required: [user.contact.phone_number]\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.RequiredNotListed, DiagnosticSeverity.Error, "essential.service:");

        // Assert
        Assert.Contains("add 'user.contact.phone_number'", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Consent_that_cannot_be_opted_out_of_is_CUS218()
    {
        // Arrange
        var text = PolicyText.Replace("basis: contract\n    contract: account", "basis: consent\n    opt_out: false");

        // Act
        var diagnostic = Expect(text, PolicyCodes.ConsentWithoutOptOut, DiagnosticSeverity.Error, "essential.service:");

        // Assert
        Assert.Contains("Art. 7(3)", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_rule_id_used_twice_is_CUS107_at_the_second_rule()
    {
        // Arrange
        var text = PolicyText.Replace("rights:\n", "    - id: account\n      purposes: [essential.service]\n      keep: P1Y\n      from: collected\nrights:\n");

        // Act
        var diagnostic = Expect(text, PolicyCodes.Duplicate, DiagnosticSeverity.Error, "id: account", occurrence: 2);

        // Assert
        Assert.Contains("own id", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_64_permissions_is_CUS110_at_the_65th()
    {
        // Arrange
        var permissions = string.Concat(Enumerable.Range(1, 65).Select(i => $"  p{i:D2}:\n    name: Permission {i}\n    gates: [user.location]\n"));
        var text = PolicyText.With("permissions:\n" + permissions);

        // Act
        var diagnostic = Expect(text, PolicyCodes.InvalidValue, DiagnosticSeverity.Error, "p65:");

        // Assert
        Assert.Contains("at most 64", diagnostic.Message, StringComparison.Ordinal);
    }
}
