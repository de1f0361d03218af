using Custodian.Decisions;
using static Custodian.Tests.Decisions.DecisionPolicyFixture;

namespace Custodian.Tests.Decisions;

public class DecisionEngineTests
{
    private static Decision Decide(SubjectFacts facts, string category, string purpose, string? recipient = null, DateTimeOffset? at = null, DecisionUse use = DecisionUse.Read, RecordStatus record = RecordStatus.NotApplicable)
    {
        var snapshot = SubjectSnapshot.Build(Compiled, facts, at ?? T0);
        return Engine.Decide(snapshot, Category(category), Purpose(purpose), recipient is null ? null : Recipient(recipient), use, record);
    }

    [Fact]
    public void Live_contract_allows_a_listed_category()
    {
        var decision = Decide(Customer(), "user.contact.email", "essential.service");

        Assert.True(decision.Allowed);
        Assert.Equal("purposes.essential.service", decision.Clause.Describe(Compiled));
    }

    [Fact]
    public void A_category_the_purpose_does_not_list_is_denied()
    {
        var decision = Decide(Customer(), "user.payment", "essential.service");

        Assert.Equal(DecisionReason.CategoryNotInPurpose, decision.Reasons);
    }

    [Fact]
    public void Contract_purpose_without_a_relationship_is_denied_as_no_contract()
    {
        var decision = Decide(new SubjectFacts { SubjectId = "s" }, "user.name", "essential.service");

        Assert.Equal(DecisionReason.NoContract, decision.Reasons);
    }

    [Fact]
    public void After_contract_window_holds_two_months_after_the_end_and_not_a_day_more()
    {
        var facts = Customer() with { Relationships = [new("subscription", "opened", T0.AddYears(-1)), new("subscription", "ended", T0)] };

        Assert.True(Decide(facts, "user.name", "essential.service", at: T0.AddMonths(2).AddSeconds(-1)).Allowed);
        Assert.Equal(DecisionReason.ContractEnded, Decide(facts, "user.name", "essential.service", at: T0.AddMonths(2)).Reasons);
    }

    [Fact]
    public void Relationship_facts_listed_out_of_time_order_decide_as_in_order()
    {
        var facts = Customer() with { Relationships = [new("subscription", "ended", T0), new("subscription", "opened", T0.AddYears(-1))] };

        Assert.True(Decide(facts, "user.name", "essential.service", at: T0.AddMonths(2).AddSeconds(-1)).Allowed);
        Assert.Equal(DecisionReason.ContractEnded, Decide(facts, "user.name", "essential.service", at: T0.AddMonths(2)).Reasons);
    }

    [Fact]
    public void Consent_never_given_and_consent_withdrawn_give_different_reasons()
    {
        var given = Customer() with { Consents = [new("marketing.communications.email", false, true, false, T0.AddDays(-2))] };
        var withdrawn = given with { Consents = [.. given.Consents, new("marketing.communications.email", false, false, false, T0.AddDays(-1))] };

        Assert.Equal(DecisionReason.ConsentMissing, Decide(Customer(), "user.contact.email", "marketing.communications.email").Reasons);
        Assert.True(Decide(given, "user.contact.email", "marketing.communications.email").Allowed);
        Assert.Equal(DecisionReason.ConsentWithdrawn, Decide(withdrawn, "user.contact.email", "marketing.communications.email").Reasons);
    }

    [Fact]
    public void Withdrawal_does_not_reach_back_decisions_before_it_stay_allowed()
    {
        var facts = Customer() with
        {
            Consents = [new("marketing.communications.email", false, true, false, T0), new("marketing.communications.email", false, false, false, T0.AddDays(10))],
        };

        Assert.True(Decide(facts, "user.contact.email", "marketing.communications.email", at: T0.AddDays(5)).Allowed);
        Assert.False(Decide(facts, "user.contact.email", "marketing.communications.email", at: T0.AddDays(10)).Allowed);
    }

    [Fact]
    public void Special_category_needs_explicit_consent()
    {
        var plain = Customer() with { Consents = [new("essential.service.health", false, true, Explicit: false, T0.AddDays(-1))] };
        var @explicit = Customer() with { Consents = [new("essential.service.health", false, true, Explicit: true, T0.AddDays(-1))] };

        Assert.Equal(DecisionReason.ExplicitConsentMissing, Decide(plain, "user.health_and_medical.weight", "essential.service.health").Reasons);
        Assert.True(Decide(@explicit, "user.health_and_medical.weight", "essential.service.health").Allowed);
    }

    [Fact]
    public void Objection_stops_a_legitimate_interest_purpose_from_that_moment()
    {
        var facts = Customer() with { Objections = [new ObjectionFact("analytics.reporting", T0, null)] };

        Assert.True(Decide(facts, "user.device.ip_address", "analytics.reporting", at: T0.AddSeconds(-1)).Allowed);
        var decision = Decide(facts, "user.device.ip_address", "analytics.reporting");
        Assert.Equal(DecisionReason.Objected, decision.Reasons);
        Assert.Equal("purposes.analytics.reporting", decision.Clause.Describe(Compiled));
    }

    [Fact]
    public void Existing_customers_only_marketing_is_denied_to_someone_without_a_relationship()
    {
        Assert.True(Decide(Customer(), "user.contact.address", "marketing.communications.post").Allowed);
        Assert.Equal(DecisionReason.NotExistingCustomer, Decide(new SubjectFacts { SubjectId = "p" }, "user.contact.address", "marketing.communications.post").Reasons);
    }

    [Fact]
    public void Restriction_denies_everything_but_purposes_allowed_under_restriction()
    {
        var facts = Customer() with { Restrictions = [new ToggleFact(true, T0.AddDays(-1))] };

        Assert.Equal(DecisionReason.Restricted, Decide(facts, "user.name", "essential.service").Reasons);
        Assert.True(Decide(facts, "user.name", "finance.bookkeeping").Allowed);
    }

    [Fact]
    public void Record_state_is_rule_four()
    {
        Assert.Equal(DecisionReason.RecordMissing, Decide(Customer(), "user.name", "essential.service", record: RecordStatus.Missing).Reasons);
        Assert.Equal(DecisionReason.RecordExpired, Decide(Customer(), "user.name", "essential.service", record: RecordStatus.Expired).Reasons);
        Assert.Equal(DecisionReason.KeptForLegalDutyOnly, Decide(Customer(), "user.name", "essential.service", record: RecordStatus.HeldForLegalDuty).Reasons);
        Assert.True(Decide(Customer(), "user.name", "finance.bookkeeping", record: RecordStatus.HeldForLegalDuty).Allowed);
    }

    [Fact]
    public void Erased_person_is_denied_except_data_held_for_a_legal_duty()
    {
        var erased = Customer() with { Erased = true };

        Assert.Equal(DecisionReason.SubjectErased, Decide(erased, "user.name", "essential.service", record: RecordStatus.Present).Reasons);
        Assert.True(Decide(erased, "user.name", "finance.bookkeeping", record: RecordStatus.HeldForLegalDuty).Allowed);
    }

    [Fact]
    public void A_permission_that_is_off_gates_its_category_and_is_named_as_the_clause()
    {
        var on = Customer() with { Consents = [new("location", true, true, false, T0.AddDays(-2))] };
        var off = on with { Consents = [.. on.Consents, new("location", true, false, false, T0.AddDays(-1))] };

        var denied = Decide(off, "user.location.precise", "essential.service");
        Assert.Equal(DecisionReason.PermissionOff, denied.Reasons);
        Assert.Equal("permissions.location", denied.Clause.Describe(Compiled));
        Assert.True(Decide(on, "user.location.precise", "essential.service").Allowed);
        Assert.True(Decide(off, "user.location.imprecise", "essential.service").Allowed);
    }

    [Fact]
    public void A_child_under_the_minimum_age_needs_a_guardian()
    {
        var child = Customer() with { BirthDate = new DateOnly(2015, 6, 1) };
        var withGuardian = child with { GuardianConsents = [new ToggleFact(true, T0.AddDays(-1))] };
        var adult = Customer() with { BirthDate = new DateOnly(2011, 12, 31) };

        Assert.Equal(DecisionReason.GuardianConsentMissing, Decide(child, "user.name", "essential.service").Reasons);
        Assert.Equal("children", Decide(child, "user.name", "essential.service").Clause.Describe(Compiled));
        Assert.True(Decide(withGuardian, "user.name", "essential.service").Allowed);
        Assert.True(Decide(adult, "user.name", "essential.service").Allowed);
    }

    [Fact]
    public void A_recipient_needing_authorisation_gets_data_only_while_authorised()
    {
        var consented = Customer() with { Consents = [new("essential.service.health", false, true, true, T0.AddDays(-5))] };
        var linked = consented with { Authorisations = [new AuthorisationFact("health_platform", true, T0.AddDays(-4))] };
        var unlinked = linked with { Authorisations = [.. linked.Authorisations, new AuthorisationFact("health_platform", false, T0.AddDays(-1))] };

        Assert.Equal(DecisionReason.AuthorisationMissing, Decide(consented, "user.health_and_medical.weight", "essential.service.health", "health_platform").Reasons);
        Assert.True(Decide(linked, "user.health_and_medical.weight", "essential.service.health", "health_platform").Allowed);
        Assert.Equal(DecisionReason.AuthorisationMissing, Decide(unlinked, "user.health_and_medical.weight", "essential.service.health", "health_platform").Reasons);
    }

    [Fact]
    public void A_recipient_gets_only_its_declared_categories_and_purposes()
    {
        var linked = Customer() with
        {
            Consents = [new("essential.service.health", false, true, true, T0.AddDays(-5))],
            Authorisations = [new AuthorisationFact("health_platform", true, T0.AddDays(-4))],
        };

        var otherCategory = Decide(linked, "user.health_and_medical", "essential.service.health", "health_platform");
        var otherPurpose = Decide(linked, "user.name", "essential.service", "health_platform");

        Assert.Equal(DecisionReason.RecipientNotForCategory, otherCategory.Reasons);
        Assert.Equal("recipients.health_platform", otherCategory.Clause.Describe(Compiled));
        Assert.True(otherPurpose.Reasons.HasFlag(DecisionReason.RecipientNotForPurpose));
    }

    [Fact]
    public void A_transfer_outside_the_eea_without_a_mechanism_is_denied()
    {
        Assert.Equal(DecisionReason.TransferForbidden, Decide(Customer(), "user.name", "essential.service", "us_host_without_mechanism").Reasons);
    }

    [Fact]
    public void A_password_can_be_collected_but_never_read()
    {
        Assert.True(Decide(Customer(), "user.authorization.password", "essential.service.authentication", use: DecisionUse.Collect).Allowed);
        Assert.Equal(DecisionReason.SecretNeverDisclosed, Decide(Customer(), "user.authorization.password", "essential.service.authentication").Reasons);
    }

    [Fact]
    public void A_password_check_is_decided_like_a_read_but_the_secret_never_leaves()
    {
        var restricted = Customer() with { Restrictions = [new ToggleFact(true, T0.AddDays(-1))] };

        Assert.True(Decide(Customer(), "user.authorization.password", "essential.service.authentication", use: DecisionUse.Verify).Allowed);
        Assert.Equal(DecisionReason.Restricted, Decide(restricted, "user.authorization.password", "essential.service.authentication", use: DecisionUse.Verify).Reasons);
        Assert.Equal(DecisionReason.CategoryNotInPurpose, Decide(Customer(), "user.authorization.password", "essential.service", use: DecisionUse.Verify).Reasons & DecisionReason.CategoryNotInPurpose);
    }

    [Fact]
    public void Every_failing_rule_is_reported_at_once()
    {
        var facts = new SubjectFacts { SubjectId = "x", Restrictions = [new ToggleFact(true, T0.AddDays(-1))] };

        var decision = Decide(facts, "user.payment", "essential.service");

        Assert.Equal(["category_not_in_purpose", "no_contract", "restricted"], DecisionReasons.Codes(decision.Reasons));
        Assert.Equal(DecisionReason.CategoryNotInPurpose, decision.FirstReason);
    }

    [Fact]
    public void Consent_given_before_a_material_change_no_longer_counts_after_it()
    {
        var facts = Customer() with { Consents = [new("marketing.communications.email", false, true, false, T0.AddDays(-10))] };
        var since = new Dictionary<string, DateTimeOffset> { ["marketing.communications.email"] = T0 };

        var before = Engine.Decide(SubjectSnapshot.Build(Compiled, facts, T0.AddDays(-1), since), Category("user.contact.email"), Purpose("marketing.communications.email"));
        var after = Engine.Decide(SubjectSnapshot.Build(Compiled, facts, T0.AddDays(1), since), Category("user.contact.email"), Purpose("marketing.communications.email"));

        Assert.True(before.Allowed);
        Assert.Equal(DecisionReason.ConsentOutdated, after.Reasons);
    }

    [Fact]
    public void Every_reason_has_a_distinct_stable_code()
    {
        var codes = DecisionReasons.All.Select(DecisionReasons.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(DecisionReasons.All, r => Assert.True(DecisionReasons.TryParse(DecisionReasons.Code(r), out var back) && back == r));
    }
}
