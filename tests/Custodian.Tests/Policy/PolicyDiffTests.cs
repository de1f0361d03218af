using Custodian.Policy;

namespace Custodian.Tests.Policy;

public sealed class PolicyDiffTests
{
    private const string Base = """
        custodian: 1
        policy: {id: shop, version: "1", effective: 2024-01-01, languages: [en], jurisdiction: DK}
        controller: {name: Shop ApS, email: privacy@shop.example, country: DK}
        authority: {name: Datatilsynet, country: DK}
        purposes:
          essential.service:
            name: {en: "Orders"}
            description: {en: "To deliver your orders."}
            basis: contract
            contract: order
            categories: [user.name, user.contact.address]
          marketing.communications.email:
            name: {en: "Newsletter"}
            description: {en: "To send the newsletter."}
            basis: consent
            categories: [user.contact.email]
        recipients:
          courier: {name: Courier, role: processor, country: DK, purposes: [essential.service], categories: [user.name, user.contact.address]}
        retention:
          rules:
            - {id: orders, purposes: [essential.service], keep: P1Y, from: relationship_ended, kind: order}
        rights: {offered: [access, erasure, withdraw_consent, complaint], response_time: P1M}
        automated_decisions: {used: false}
        changes: {notice_period: P30D}
        """;

    private static PolicyDocument Load(string text = Base) =>
        PolicyLoader.Load(text, "policy.yaml").Document ?? throw new InvalidOperationException("fixture does not load");

    private static PolicyChange Single(PolicyDocument after)
    {
        var changes = PolicyDiff.Compare(Load(), after).Changes;
        return Assert.Single(changes);
    }

    private static PolicyDocument WithPurpose(Func<PurposeDefinition, PurposeDefinition> change)
    {
        var document = Load();
        return document with { Purposes = document.Purposes.SetItem(0, change(document.Purposes[0])) };
    }

    private static PolicyDocument WithRecipient(Func<RecipientDefinition, RecipientDefinition> change)
    {
        var document = Load();
        return document with { Recipients = document.Recipients.SetItem(0, change(document.Recipients[0])) };
    }

    private static PolicyDocument WithRule(Func<RetentionRule, RetentionRule> change)
    {
        var document = Load();
        return document with { Retention = document.Retention with { Rules = document.Retention.Rules.SetItem(0, change(document.Retention.Rules[0])) } };
    }

    private static LocalizedText English(string text) => new([new("en", text)]);

    [Fact]
    public void Identical_policies_have_no_changes() => Assert.Empty(PolicyDiff.Compare(Load(), Load()).Changes);

    [Fact]
    public void New_purpose_is_material()
    {
        var document = Load();
        var added = document with { Purposes = document.Purposes.Add(document.Purposes[1] with { Key = "marketing.communications.sms" }) };

        var change = Single(added);

        Assert.Equal((PolicyChangeKind.PurposeAdded, true), (change.Kind, change.Material));
        Assert.Equal(["marketing.communications.sms"], change.Keys.ToArray());
    }

    [Fact]
    public void New_category_for_a_purpose_is_material()
    {
        var change = Single(WithPurpose(p => p with { Categories = p.Categories.Add("user.contact.phone_number") }));

        Assert.Equal((PolicyChangeKind.CategoryAdded, true), (change.Kind, change.Material));
        Assert.Equal(["essential.service", "user.contact.phone_number"], change.Keys.ToArray());
    }

    [Fact]
    public void New_recipient_is_material()
    {
        var document = Load();
        var added = document with { Recipients = document.Recipients.Add(document.Recipients[0] with { Key = "printer", Name = "Printer" }) };

        var change = Single(added);

        Assert.Equal((PolicyChangeKind.RecipientAdded, true), (change.Kind, change.Material));
    }

    [Fact]
    public void Recipient_moving_outside_the_eea_is_a_material_new_transfer()
    {
        var change = Single(WithRecipient(r => r with { Country = "US", Mechanism = TransferMechanism.StandardContractualClauses }));

        Assert.Equal((PolicyChangeKind.TransferAdded, true), (change.Kind, change.Material));
    }

    [Fact]
    public void Loosened_transfer_rule_is_a_material_new_transfer()
    {
        var change = Assert.Single(PolicyDiff.Compare(Load() with { TransferRule = TransferRule.EuOnly }, Load()).Changes);

        Assert.Equal((PolicyChangeKind.TransferAdded, true), (change.Kind, change.Material));
    }

    [Fact]
    public void Longer_retention_for_the_same_rule_is_material()
    {
        var change = Single(WithRule(r => r with { Keep = IsoPeriod.Parse("P18M") }));

        Assert.Equal((PolicyChangeKind.RetentionLonger, true), (change.Kind, change.Material));
    }

    [Fact]
    public void Longer_retention_for_the_same_scope_under_a_new_id_is_material()
    {
        var change = Single(WithRule(r => r with { Id = "order-data", Keep = IsoPeriod.Parse("P2Y") }));

        Assert.Equal((PolicyChangeKind.RetentionLonger, true), (change.Kind, change.Material));
    }

    [Fact]
    public void Changed_legal_basis_is_material()
    {
        var change = Single(WithPurpose(p => p with { Basis = LegalBasis.LegitimateInterest }));

        Assert.Equal((PolicyChangeKind.LegalBasisChanged, true), (change.Kind, change.Material));
    }

    [Fact]
    public void Changed_description_is_a_material_change_of_meaning()
    {
        var change = Single(WithPurpose(p => p with { Description = English("To deliver your orders and to profile you.") }));

        Assert.Equal((PolicyChangeKind.PurposeMeaningChanged, true), (change.Kind, change.Material));
    }

    [Fact]
    public void Renamed_purpose_is_minor_wording()
    {
        var change = Single(WithPurpose(p => p with { Name = English("Your orders") }));

        Assert.Equal((PolicyChangeKind.WordingChanged, false), (change.Kind, change.Material));
    }

    [Fact]
    public void Removed_purpose_is_minor()
    {
        var document = Load();

        var change = Single(document with { Purposes = document.Purposes.RemoveAt(1) });

        Assert.Equal((PolicyChangeKind.PurposeRemoved, false), (change.Kind, change.Material));
    }

    [Fact]
    public void Removed_category_is_minor()
    {
        var change = Single(WithPurpose(p => p with { Categories = p.Categories.Remove("user.contact.address") }));

        Assert.Equal((PolicyChangeKind.CategoryRemoved, false), (change.Kind, change.Material));
    }

    [Fact]
    public void Removed_recipient_is_minor()
    {
        var document = Load();

        var change = Single(document with { Recipients = [] });

        Assert.Equal((PolicyChangeKind.RecipientRemoved, false), (change.Kind, change.Material));
    }

    [Fact]
    public void Shorter_retention_is_minor()
    {
        var change = Single(WithRule(r => r with { Keep = IsoPeriod.Parse("P6M") }));

        Assert.Equal((PolicyChangeKind.RetentionShorter, false), (change.Kind, change.Material));
    }

    [Fact]
    public void Contact_detail_change_is_minor()
    {
        var document = Load();

        var change = Single(document with { Controller = document.Controller with { Email = "dpo@shop.example" } });

        Assert.Equal((PolicyChangeKind.ContactChanged, false), (change.Kind, change.Material));
    }

    [Fact]
    public void Version_and_effective_date_changes_are_minor()
    {
        var changes = PolicyDiff.Compare(Load(), Load() with { Version = "2", Effective = new DateOnly(2024, 6, 1) }).Changes;

        Assert.Equal([PolicyChangeKind.VersionChanged, PolicyChangeKind.EffectiveDateChanged], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.False(c.Material));
    }

    [Fact]
    public void Material_changes_come_first_and_lines_say_so()
    {
        var result = PolicyDiff.Compare(Load(), WithPurpose(p => p with { Basis = LegalBasis.LegitimateInterest }) with { Version = "2" });

        Assert.True(result.HasMaterialChange);
        Assert.Equal(
            ["material: purpose 'essential.service' changed its legal basis from contract to legitimate_interest", "minor: version changed from 1 to 2"],
            result.ToLines());
    }
}
