using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Storage;

namespace Custodian.Storage.Conformance;

/// <summary>Builders for conformance tests: fixed times, fresh ids, a fixed key ring.</summary>
public static class TestData
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static KeyRing Keys { get; } = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static AuditCheckpointSigner Signer { get; } = new(Keys.AuditKey);

    public static string NewId(string prefix) => prefix + "_" + Guid.CreateVersion7().ToString("N");

    public static StoredSubject Subject(string? id = null) => new(id ?? NewId("sub"), T0, [1, 2, 3]);

    public static StoredRecord Record(string subjectId, string category = "user.contact.email", DateTimeOffset? expiresAt = null, SealingKeyKind keyKind = SealingKeyKind.Subject) =>
        new(NewId("rec"), subjectId, category, RecordSource.Provided, "essential.service", T0, expiresAt, keyKind, [9, 9, 9]);

    public static StoredEvent Event(string subjectId, int minute, string category = "user.device.reading", string? deviceId = "dev-1") =>
        new(NewId("evt"), subjectId, category, T0.AddMinutes(minute), deviceId, [(byte)minute]);

    public static ConsentEntry Consent(string subjectId, string key, bool given, DateTimeOffset at, ConsentKind kind = ConsentKind.Purpose) =>
        new(NewId("cns"), subjectId, key, kind, given, true, "2025-01", "web-form", "form-7", at) { Controller = "acme", LegalBasis = "consent" };

    public static AuditEntry Audit(string action, string? subjectId = null, DateTimeOffset? at = null) =>
        new(at ?? T0, "key-1", action) { SubjectId = subjectId, Categories = ["user.contact.email"], Purpose = "essential.service", Count = 1 };
}
