using Custodian.Policy;
using Custodian.Retention;
using Custodian.Storage;

namespace Custodian.Tests.Retention;

public sealed class RetentionPlannerTests
{
    private const string Subject = "sub_1";

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static RetentionRule Rule(string id, string keep, RetentionAnchor from, string? kind = null, RetentionAction action = RetentionAction.Delete, bool legalDuty = false, string[]? purposes = null, string[]? categories = null) => new()
    {
        Id = id,
        Keep = IsoPeriod.Parse(keep),
        From = from,
        AnchorKind = kind,
        Action = action,
        LegalDuty = legalDuty,
        Purposes = [.. purposes ?? ["essential.service"]],
        Categories = [.. categories ?? []],
        Location = new SourceLocation("policy.yaml", 1, 1),
    };

    private static RetentionPlanner Planner(params RetentionRule[] rules) => Planner(12, 31, rules);

    private static RetentionPlanner Planner(int fiscalMonth, int fiscalDay, params RetentionRule[] rules) => new(new RetentionDefinition(fiscalMonth, fiscalDay, [.. rules]));

    private static RetentionRecord Record(DateTimeOffset collected, string purpose = "essential.service", string category = "user.contact.email", SealingKeyKind kind = SealingKeyKind.Subject) =>
        new("rec_1", Subject, category, purpose, collected, null, kind);

    private static SubjectAnchors Anchors(DateTimeOffset at, RetentionRecord record, RelationshipEvent[]? relationships = null, RetentionConsent[]? consents = null, LegalHold[]? holds = null, DateTimeOffset? lastEvent = null) =>
        new(new RetentionSubject { SubjectId = Subject, Records = [record], Relationships = relationships ?? [], Consents = consents ?? [], LegalHolds = holds ?? [], LastEventAt = lastEvent }, at);

    private static RelationshipEvent Event(string kind, string name, DateTimeOffset at) => new(Subject, kind, name, at);

    [Fact]
    public void Two_months_after_a_relationship_that_ended_on_31_December_is_28_February()
    {
        var planner = Planner(Rule("customer", "P2M", RetentionAnchor.RelationshipEnded, "subscription"));
        var record = Record(Day(2024, 3, 1));
        RelationshipEvent[] events = [Event("subscription", "opened", Day(2024, 3, 1)), Event("subscription", "ended", Day(2024, 12, 31))];

        var dayBefore = planner.Decide(record, Anchors(Day(2025, 2, 27), record, events));
        var onTheDay = planner.Decide(record, Anchors(Day(2025, 2, 28), record, events));

        Assert.Equal(RetentionOutcome.Keep, dayBefore.Outcome);
        Assert.Equal(Day(2025, 2, 28), dayBefore.ExpiresAt);
        Assert.Equal(RetentionOutcome.Delete, onTheDay.Outcome);
    }

    [Fact]
    public void A_live_relationship_keeps_the_record_with_no_expiry()
    {
        var planner = Planner(Rule("customer", "P2M", RetentionAnchor.RelationshipEnded, "subscription"));
        var record = Record(Day(2024, 3, 1));

        var verdict = planner.Decide(record, Anchors(Day(2040, 1, 1), record, [Event("subscription", "opened", Day(2024, 3, 1))]));

        Assert.Equal(RetentionOutcome.Keep, verdict.Outcome);
        Assert.Null(verdict.ExpiresAt);
    }

    [Fact]
    public void Overlapping_relationships_of_one_kind_end_when_the_last_one_ends()
    {
        var planner = Planner(Rule("orders", "P1M", RetentionAnchor.RelationshipEnded, "order"));
        var record = Record(Day(2024, 1, 1));
        RelationshipEvent[] events =
        [
            Event("order", "opened", Day(2024, 1, 1)), Event("order", "opened", Day(2024, 2, 1)),
            Event("order", "ended", Day(2024, 3, 1)), Event("order", "ended", Day(2024, 5, 15)),
        ];

        var whileOneIsOpen = planner.Expiry(record, Anchors(Day(2024, 4, 1), record, events));
        var afterBoth = planner.Expiry(record, Anchors(Day(2024, 6, 1), record, events));

        Assert.Null(whileOneIsOpen);
        Assert.Equal(Day(2024, 6, 15), afterBoth);
    }

    [Theory]
    [InlineData(12, 31, "2024-03-05", "2030-01-01")]
    [InlineData(6, 30, "2024-03-05", "2029-07-01")]
    [InlineData(6, 30, "2024-06-30", "2029-07-01")]
    [InlineData(6, 30, "2024-07-01", "2030-07-01")]
    public void Bookkeeping_counts_five_years_from_the_end_of_the_financial_year(int month, int day, string settled, string expected)
    {
        var planner = Planner(month, day, Rule("bookkeeping", "P5Y", RetentionAnchor.FiscalYearEnd, "payment_settled", legalDuty: true, purposes: ["finance.bookkeeping"]));
        var record = Record(Day(2024, 3, 1), purpose: "finance.bookkeeping");
        var at = DateTimeOffset.Parse(settled, System.Globalization.CultureInfo.InvariantCulture);

        var expiry = planner.Expiry(record, Anchors(Day(2024, 12, 1), record, [Event("order", "payment_settled", at)]));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), expiry);
    }

    [Fact]
    public void A_financial_year_ending_on_29_February_ends_on_28_February_in_other_years()
    {
        var end = RetentionPlanner.FiscalYearEndAfter(Day(2025, 1, 10), 2, 29);

        Assert.Equal(Day(2025, 3, 1), end);
    }

    [Fact]
    public void Consent_given_on_a_leap_day_lasts_until_28_February_two_years_later()
    {
        var planner = Planner(Rule("marketing", "P2Y", RetentionAnchor.ConsentGiven, purposes: ["marketing.email"]));
        var record = Record(Day(2024, 2, 29), purpose: "marketing.email");

        var expiry = planner.Expiry(record, Anchors(Day(2024, 3, 1), record, consents: [new RetentionConsent("marketing.email", true, Day(2024, 2, 29))]));

        Assert.Equal(Day(2026, 2, 28), expiry);
    }

    [Fact]
    public void A_renewed_consent_counts_from_the_renewal()
    {
        var planner = Planner(Rule("marketing", "P2Y", RetentionAnchor.ConsentGiven, purposes: ["marketing.email"]));
        var record = Record(Day(2024, 1, 10), purpose: "marketing.email");
        RetentionConsent[] consents = [new("marketing.email", true, Day(2024, 1, 10)), new("marketing.email", false, Day(2024, 6, 1)), new("marketing.email", true, Day(2025, 1, 10))];

        var expiry = planner.Expiry(record, Anchors(Day(2025, 2, 1), record, consents: consents));

        Assert.Equal(Day(2027, 1, 10), expiry);
    }

    [Fact]
    public void Several_rules_keep_a_record_until_the_latest_of_them()
    {
        var planner = Planner(
            Rule("short", "P1M", RetentionAnchor.Collected),
            Rule("long", "P1Y", RetentionAnchor.Collected, action: RetentionAction.Anonymise, purposes: [], categories: ["user.contact"]));
        var record = Record(Day(2024, 1, 31));

        var beforeTheLongOne = planner.Decide(record, Anchors(Day(2024, 3, 1), record));
        var after = planner.Decide(record, Anchors(Day(2025, 1, 31), record));

        Assert.Equal(RetentionOutcome.Keep, beforeTheLongOne.Outcome);
        Assert.Equal(RetentionOutcome.Anonymise, after.Outcome);
        Assert.Equal("long", planner.Rules[after.RuleIndex].Id);
    }

    [Fact]
    public void A_rule_whose_anchor_has_not_happened_keeps_the_record_even_when_another_has_expired()
    {
        var planner = Planner(Rule("short", "P1M", RetentionAnchor.Collected), Rule("account", "P0D", RetentionAnchor.RelationshipEnded, "account"));
        var record = Record(Day(2024, 1, 1));

        var verdict = planner.Decide(record, Anchors(Day(2025, 1, 1), record, [Event("account", "opened", Day(2024, 1, 1))]));

        Assert.Equal(RetentionOutcome.Keep, verdict.Outcome);
        Assert.Null(verdict.ExpiresAt);
    }

    [Fact]
    public void When_only_a_legal_duty_still_needs_the_data_the_live_copy_moves_to_the_hold_key()
    {
        var planner = Planner(
            Rule("account", "P30D", RetentionAnchor.RelationshipEnded, "account"),
            Rule("tax", "P10Y", RetentionAnchor.Collected, legalDuty: true, purposes: [], categories: ["user.contact"]));
        var record = Record(Day(2024, 1, 1));
        RelationshipEvent[] events = [Event("account", "opened", Day(2024, 1, 1)), Event("account", "ended", Day(2024, 6, 1))];

        var live = planner.Decide(record, Anchors(Day(2024, 7, 1), record, events));
        var heldCopy = planner.Decide(record with { KeyKind = SealingKeyKind.Hold }, Anchors(Day(2034, 1, 1), record, events));

        Assert.Equal(RetentionOutcome.MoveToHold, live.Outcome);
        Assert.Equal(Day(2034, 1, 1), live.ExpiresAt);
        Assert.Equal(RetentionOutcome.Delete, heldCopy.Outcome);
    }

    [Fact]
    public void A_legal_hold_blocks_deletion_only_while_it_lasts()
    {
        var planner = Planner(Rule("short", "P1M", RetentionAnchor.Collected));
        var record = Record(Day(2024, 1, 1));
        LegalHold[] holds = [new("hld_1", Subject, "dispute", Day(2024, 1, 20), LiftedAt: Day(2024, 5, 1))];

        var during = planner.Decide(record, Anchors(Day(2024, 3, 1), record, holds: holds));
        var after = planner.Decide(record, Anchors(Day(2024, 5, 1), record, holds: holds));

        Assert.Equal(RetentionOutcome.HeldByLegalHold, during.Outcome);
        Assert.Equal(RetentionOutcome.Delete, after.Outcome);
    }

    [Fact]
    public void A_contest_entry_counts_from_the_first_contest_end_after_it_was_made()
    {
        var planner = Planner(Rule("contest", "P1Y", RetentionAnchor.ContestEnded));
        var record = Record(Day(2024, 5, 1));
        RelationshipEvent[] events = [Event("contest", "ended", Day(2024, 3, 31)), Event("contest", "ended", Day(2024, 6, 30)), Event("contest", "ended", Day(2024, 12, 31))];

        var expiry = planner.Expiry(record, Anchors(Day(2025, 1, 1), record, events));

        Assert.Equal(Day(2025, 6, 30), expiry);
    }

    [Fact]
    public void Last_activity_counts_relationship_events_records_and_device_events()
    {
        var planner = Planner(Rule("dialogue", "P2M", RetentionAnchor.LastActivity));
        var record = Record(Day(2024, 1, 1));

        var expiry = planner.Expiry(record, Anchors(Day(2024, 9, 1), record, [Event("support", "activity", Day(2024, 3, 1))], lastEvent: Day(2024, 4, 30)));

        Assert.Equal(Day(2024, 6, 30), expiry);
    }

    [Fact]
    public void Facts_after_the_evaluated_instant_are_ignored()
    {
        var planner = Planner(Rule("customer", "P2M", RetentionAnchor.RelationshipEnded, "subscription"));
        var record = Record(Day(2024, 1, 1));
        RelationshipEvent[] events = [Event("subscription", "opened", Day(2024, 1, 1)), Event("subscription", "ended", Day(2024, 6, 1))];

        var before = planner.Expiry(record, Anchors(Day(2024, 5, 1), record, events));

        Assert.Null(before);
    }

    [Fact]
    public void A_record_no_rule_covers_is_kept_and_reported()
    {
        var planner = Planner(Rule("other", "P1M", RetentionAnchor.Collected, purposes: ["analytics.reporting"]));
        var record = Record(Day(2024, 1, 1));

        var verdict = planner.Decide(record, Anchors(Day(2030, 1, 1), record));

        Assert.Equal(RetentionOutcome.NoRule, verdict.Outcome);
    }

    [Theory]
    [InlineData("73.4", "70-80")]
    [InlineData("1234", "1000-2000")]
    [InlineData("0.5", "0-1")]
    [InlineData("yes", "true")]
    [InlineData("Anna Holm", "text")]
    public void Anonymised_values_are_counted_by_a_coarse_class(string value, string expected) =>
        Assert.Equal(expected, AnonymousValueClass.Of(value));

}
