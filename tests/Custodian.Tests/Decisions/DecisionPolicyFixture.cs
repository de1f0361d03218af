using Custodian.Decisions;
using Custodian.Policy;

namespace Custodian.Tests.Decisions;

/// <summary>A small policy exercising every rule of the decision rule, compiled once.</summary>
internal static class DecisionPolicyFixture
{
    public const string Yaml = """
        custodian: 1
        policy: {id: fixture, version: "1", effective: 2024-01-01, languages: [en], jurisdiction: DK}
        controller: {name: Fixture ApS}
        authority: {name: Datatilsynet}
        categories:
          user.health_and_medical.weight: {name: Weight}
          user.authorization.password: {name: Password}
        purposes:
          essential.service:
            name: Service
            basis: contract
            contract: subscription
            after_contract: P2M
            categories: [user.name, user.contact, user.location]
          essential.service.authentication:
            name: Sign in
            basis: contract
            contract: subscription
            categories: [user.authorization.password]
          marketing.communications.email:
            name: Newsletter
            basis: consent
            categories: [user.contact.email]
          marketing.communications.post:
            name: Post
            basis: legitimate_interest
            existing_customers_only: true
            categories: [user.contact.address]
          analytics.reporting:
            name: Statistics
            basis: legitimate_interest
            categories: [user.device]
          essential.service.health:
            name: Health readings
            basis: consent
            explicit: true
            special_condition: explicit_consent
            categories: [user.health_and_medical]
          finance.bookkeeping:
            name: Bookkeeping
            basis: legal_obligation
            allowed_under_restriction: true
            categories: [user.name, user.payment]
        recipients:
          health_platform:
            name: Health Platform
            role: partner
            country: DK
            purposes: [essential.service.health]
            categories: [user.health_and_medical.weight]
            authorisation: required
          us_host_without_mechanism:
            name: Host
            role: processor
            country: US
            purposes: [essential.service]
            categories: [user.name]
        permissions:
          location: {name: Location, gates: [user.location.precise]}
        retention:
          rules:
            - {id: all, purposes: [essential.service, essential.service.authentication, marketing.communications.email, marketing.communications.post, analytics.reporting, essential.service.health, finance.bookkeeping], keep: P1Y, from: collected}
        rights: {offered: [access, objection], response_time: P30D}
        children: {minimum_age: 13, guardian_consent: true}
        automated_decisions: {used: false}
        changes: {notice_period: P30D}
        """;

    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static CompiledPolicy Compiled { get; } = Compile();

    public static DecisionEngine Engine { get; } = new(Compiled);

    public static CategoryId Category(string key) => Compiled.TryGetCategory(key, out var id) ? id : throw new ArgumentException(key);

    public static PurposeId Purpose(string key) => Compiled.TryGetPurpose(key, out var id) ? id : throw new ArgumentException(key);

    public static RecipientId Recipient(string key) => Compiled.TryGetRecipient(key, out var id) ? id : throw new ArgumentException(key);

    public static SubjectFacts Customer() => new()
    {
        SubjectId = "s1",
        Relationships = [new RelationshipFact("subscription", "opened", T0.AddDays(-30))],
    };

    private static CompiledPolicy Compile()
    {
        var load = PolicyLoader.Load(Yaml, "fixture.yaml");
        if (load.Document is null) throw new InvalidOperationException(string.Join("\n", load.Diagnostics));
        return PolicyCompiler.Compile(load.Document, Yaml);
    }
}
