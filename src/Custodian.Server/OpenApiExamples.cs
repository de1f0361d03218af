using System.Text.Json.Nodes;
using Custodian.Server.Contracts;
using Custodian.Server.Endpoints;
using Custodian.Statistics;

namespace Custodian.Server;

/// <summary>A realistic example body for every request type, shown in the OpenAPI document so a reader can send one at once.</summary>
internal static class OpenApiExamples
{
    private static readonly Dictionary<Type, string> Bodies = new()
    {
        [typeof(CreateSubjectRequest)] = """{"email": "karen.holm@example.dk", "phone": "+4520304050", "birthDate": "1941-03-14"}""",
        [typeof(SignUpRequest)] = """{"email": "karen.holm@example.dk", "birthDate": "1941-03-14", "consents": [{"purpose": "marketing.communications.email", "method": "web-form", "evidence": "signup-form-7"}], "purpose": "essential.service", "values": [{"category": "user.name", "value": "Karen Holm"}, {"category": "user.contact.email", "value": "karen.holm@example.dk"}]}""",
        [typeof(LookupSubjectRequest)] = """{"email": "karen.holm@example.dk"}""",
        [typeof(MergeRequest)] = """{"mergedId": "sub_2q0hVb3x8mKzLr4T"}""",
        [typeof(CollectRequest)] = """{"purpose": "essential.service", "values": [{"category": "user.contact.email", "value": "karen.holm@example.dk"}, {"category": "user.name", "value": "Karen Holm", "source": "provided"}]}""",
        [typeof(EventBatchRequest)] = """{"purpose": "essential.service", "readings": [{"category": "user.behavior.consumption", "at": "2024-11-21T08:00:00Z", "value": "alarm-unit check ok; battery 90%", "device": "SAFE-4100"}]}""",
        [typeof(DecisionsRequest)] = """{"questions": [{"category": "user.contact.email", "purpose": "marketing.communications.email"}, {"category": "user.name", "purpose": "essential.service.care.disclosure", "recipient": "family_member"}]}""",
        [typeof(SecretRequest)] = """{"value": "correct horse battery staple"}""",
        [typeof(ConsentRequest)] = """{"purpose": "marketing.communications.email", "given": true, "explicit": false, "method": "web-form", "evidence": "signup-2024"}""",
        [typeof(ObjectionRequest)] = """{"purpose": "marketing.communications.post"}""",
        [typeof(RestrictionRequest)] = """{"restricted": true}""",
        [typeof(RelationshipRequest)] = """{"kind": "subscription", "event": "opened"}""",
        [typeof(HoldRequest)] = """{"reason": "dispute:1234", "until": "2026-12-31T00:00:00Z"}""",
        [typeof(AuthorisationRequest)] = """{"given": true}""",
        [typeof(GuardianConsentRequest)] = """{"given": true, "guardian": "guardian:4711"}""",
        [typeof(DeviceRequest)] = """{"type": "smart_scale", "name": "Bathroom scale", "firmware": "2.4.1", "macAddress": "A4:C1:38:0B:2F:19", "wifiNetworks": ["HomeNet-5G"]}""",
        [typeof(TryNowRequest)] = """{"readings": [{"category": "user.device.smart_device.online_status", "at": "2024-06-10T12:00:00Z", "value": "online"}]}""",
        [typeof(StatisticsRequest)] = """{"purpose": "essential.service", "categories": ["user.behavior.consumption"], "dimensions": ["month"], "minimumGroup": 10, "epsilon": 1.0}""",
        [typeof(BreachRequest)] = """{"occurredFrom": "2025-03-01T00:00:00Z", "description": "A laptop with a care report export was stolen.", "consequences": "Health details could become known.", "categories": ["user.health_and_medical"], "systems": ["care-reports"]}""",
        [typeof(BreachActionRequest)] = """{"text": "Remote wipe of the laptop confirmed."}""",
        [typeof(BreachReportRequest)] = """{"authorityReference": "DT-2025-0412"}""",
        [typeof(BreachNotifyRequest)] = """{"confirm": true}""",
        [typeof(SubmitRequestBody)] = """{"kind": "access", "email": "karen.holm@example.dk", "language": "da"}""",
        [typeof(VerifyRequestBody)] = """{"code": "482913"}""",
        [typeof(CompleteRequestBody)] = """{"category": "user.contact.address", "value": "Vestergade 3, 5000 Odense C"}""",
        [typeof(ExtendRequestBody)] = """{"reason": "The request covers ten years of readings; we need more time to collect them.", "by": "P1M"}""",
        [typeof(DenyRequestBody)] = """{"reasonCode": "manifestly_unfounded", "reason": "The same request was answered last week."}""",
    };

    /// <summary>The request types that have an example (all of them; a test checks the document).</summary>
    public static IEnumerable<Type> Types => Bodies.Keys;

    /// <summary>The example for a request type, or null.</summary>
    public static JsonNode? For(Type type) => Bodies.TryGetValue(type, out var json) ? JsonNode.Parse(json) : null;
}
