using Custodian.Policy;

namespace Custodian.Tests.Policy;

public sealed class PolicyCompilerTests
{
    private static CompiledPolicy Compile(string text)
    {
        var document = PolicyText.Document(text);
        return PolicyCompiler.Compile(document, text);
    }

    private static int CategoryId(CompiledPolicy policy, string key)
    {
        Assert.True(policy.TryGetCategory(key, out var id), $"no category '{key}'");
        return id.Value;
    }

    [Fact]
    public void Purpose_listing_a_category_may_use_the_keys_below_it()
    {
        // Arrange
        var text = PolicyText.Replace("[user.name, user.contact.email]", "[user.contact]");

        // Act
        var policy = Compile(text);

        // Assert
        Assert.True(policy.TryGetPurpose("essential.service", out var purpose));
        var categories = policy.Purpose(purpose).Categories;
        Assert.True(categories.Contains(CategoryId(policy, "user.contact")));
        Assert.True(categories.Contains(CategoryId(policy, "user.contact.email")));
        Assert.True(categories.Contains(CategoryId(policy, "user.contact.address.street")));
        Assert.False(categories.Contains(CategoryId(policy, "user.name")));
    }

    [Fact]
    public void Purpose_listing_a_built_in_key_may_use_own_keys_declared_below_it()
    {
        // Arrange
        var text = PolicyText.With("categories:\n  user.contact.email.work:\n    name: Work email\n");

        // Act
        var policy = Compile(text);

        // Assert
        Assert.True(policy.TryGetPurpose("essential.service", out var purpose));
        Assert.True(policy.Purpose(purpose).Categories.Contains(CategoryId(policy, "user.contact.email.work")));
    }

    [Fact]
    public void Own_key_below_health_data_inherits_the_special_flag()
    {
        // Arrange
        var text = PolicyText.With("categories:\n  user.health_and_medical.weight:\n    name: Body weight\n");

        // Act
        var policy = Compile(text);

        // Assert
        var weight = policy.Categories[CategoryId(policy, "user.health_and_medical.weight")];
        Assert.True(weight.Sensitivity.HasFlag(CategorySensitivity.Special));
        Assert.True(weight.Declared);
        Assert.Equal(CategoryId(policy, "user.health_and_medical"), weight.Parent?.Value);
    }

    [Fact]
    public void Payment_card_flag_is_not_inherited_but_national_id_is()
    {
        // Arrange
        var text = PolicyText.With(
            "categories:\n  user.financial.credit_card.expiry:\n    name: Card expiry\n  user.government_id.national_identification_number.cpr:\n    name: CPR number\n");

        // Act
        var policy = Compile(text);

        // Assert
        Assert.True(policy.Categories[CategoryId(policy, "user.financial.credit_card")].Sensitivity.HasFlag(CategorySensitivity.PaymentCard));
        Assert.False(policy.Categories[CategoryId(policy, "user.financial.credit_card.expiry")].Sensitivity.HasFlag(CategorySensitivity.PaymentCard));
        Assert.True(policy.Categories[CategoryId(policy, "user.government_id.national_identification_number.cpr")].Sensitivity.HasFlag(CategorySensitivity.NationalId));
    }

    [Fact]
    public void Own_flag_marks_an_otherwise_ordinary_key()
    {
        // Arrange
        var text = PolicyText.With("categories:\n  user.demographic.family_relations:\n    name: Family relations\n    flags: [special]\n");

        // Act
        var policy = Compile(text);

        // Assert
        Assert.True(policy.Categories[CategoryId(policy, "user.demographic.family_relations")].Sensitivity.HasFlag(CategorySensitivity.Special));
        Assert.False(policy.Categories[CategoryId(policy, "user.demographic")].Sensitivity.HasFlag(CategorySensitivity.Special));
    }

    [Fact]
    public void Permission_gates_the_keys_below_its_gates()
    {
        // Arrange
        var text = PolicyText.With("""
            categories:
              user.location.precise.gps:
                name: GPS position
            permissions:
              camera:
                name: Camera
                gates: [user.content]
              location:
                name: Location
                gates: [user.location.precise]
                approximate:
                  category: user.location.imprecise
                  precision_km: 10

            """);

        // Act
        var policy = Compile(text);

        // Assert
        Assert.True(policy.TryGetPermission("location", out var location));
        var bit = 1UL << location.Value;
        Assert.Equal(bit, policy.Categories[CategoryId(policy, "user.location.precise")].GatingPermissions);
        Assert.Equal(bit, policy.Categories[CategoryId(policy, "user.location.precise.gps")].GatingPermissions);
        Assert.True(policy.TryGetPermission("location_approximate", out var approximate));
        Assert.Equal(approximate, policy.Permission(location).ApproximateVariant);
        Assert.Equal(1UL << approximate.Value, policy.Categories[CategoryId(policy, "user.location.imprecise")].GatingPermissions);
        Assert.Equal(0UL, policy.Categories[CategoryId(policy, "user.location")].GatingPermissions);
        Assert.Equal(0UL, policy.Categories[CategoryId(policy, "user.contact.email")].GatingPermissions);
        Assert.Equal(10, policy.Permission(location).Definition.ApproximatePrecisionKm);
    }

    [Fact]
    public void Transfer_verdicts_follow_country_mechanism_and_rule()
    {
        // Arrange
        var text = PolicyText.With("""
            recipients:
              hosting_de:
                name: Hosting GmbH
                role: processor
                country: DE
                purposes: [essential.service]
              mailer_us_scc:
                name: Mailer Inc.
                role: processor
                country: US
                mechanism: scc
                purposes: [essential.service]
              tracker_us_none:
                name: Tracker Inc.
                role: processor
                country: US
                purposes: [essential.service]
              support_gb:
                name: Support Ltd
                role: processor
                country: GB
                mechanism: adequacy
                purposes: [essential.service]
              backup_no:
                name: Backup AS
                role: processor
                country: NO
                purposes: [essential.service]

            """);

        // Act
        var policy = Compile(text);
        var euOnly = Compile(text + "transfers: eu_only\n");

        // Assert
        bool Allowed(CompiledPolicy p, string key) => p.TryGetRecipient(key, out var id) ? p.Recipient(id).TransferAllowed : throw new KeyNotFoundException(key);
        Assert.True(Allowed(policy, "hosting_de"));
        Assert.True(Allowed(policy, "mailer_us_scc"));
        Assert.False(Allowed(policy, "tracker_us_none"));
        Assert.True(Allowed(policy, "support_gb"));
        Assert.True(Allowed(policy, "backup_no"));
        Assert.True(Allowed(euOnly, "hosting_de"));
        Assert.False(Allowed(euOnly, "backup_no"));
        Assert.False(Allowed(euOnly, "mailer_us_scc"));
    }

    [Fact]
    public void Recipient_purposes_compile_to_purpose_ids()
    {
        // Arrange
        var text = PolicyText.With("recipients:\n  mailer:\n    name: Mailer ApS\n    role: processor\n    country: DK\n    purposes: [essential.service]\n    categories: [user.contact.email]\n");

        // Act
        var policy = Compile(text);

        // Assert
        Assert.True(policy.TryGetRecipient("mailer", out var mailer));
        Assert.True(policy.TryGetPurpose("essential.service", out var purpose));
        var recipient = policy.Recipient(mailer);
        Assert.Equal([purpose.Value], recipient.Purposes.Members());
        Assert.Equal([CategoryId(policy, "user.contact.email")], recipient.Categories.Members());
    }

    [Fact]
    public void Sale_purposes_are_recognised_by_their_ancestors()
    {
        // Act
        var below = PolicyCompiler.IsSale("marketing.advertising.third_party.targeted.partner_x");
        var notSale = PolicyCompiler.IsSale("marketing.advertising.first_party");

        // Assert
        Assert.True(below);
        Assert.False(notSale);
    }

    [Fact]
    public void Content_hash_identifies_the_text()
    {
        // Act
        var first = Compile(PolicyText.Minimal);
        var second = Compile(PolicyText.Minimal + "# a comment\n");

        // Assert
        Assert.Equal(64, first.ContentHash.Length);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
    }
}
