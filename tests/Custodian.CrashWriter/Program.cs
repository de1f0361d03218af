using System.Globalization;
using System.Text;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Sqlite;
using Custodian.Storage;

// Usage: Custodian.CrashWriter <data directory> <events per batch>
// Needs CUSTODIAN_MASTER_KEY. Each batch writes one subject, one record, N events and one audit
// entry in a single unit of work, then prints "committed <batch>". Runs until killed.
var dataDirectory = args[0];
var eventsPerBatch = int.Parse(args[1], CultureInfo.InvariantCulture);
using var masterKey = new MasterKeyProvider().Load(dataDirectory);
using var keys = new KeyRing(masterKey);
await using var store = await SqliteVaultStore.OpenAsync(
    new SqliteVaultStoreOptions { DataDirectory = dataDirectory, CheckpointSigner = new AuditCheckpointSigner(keys.AuditKey), CheckpointInterval = 7 },
    CancellationToken.None);

var payload = Encoding.UTF8.GetBytes("reading:21.5C");
var sealedValue = new byte[SealedEnvelope.SealedLength(payload.Length)];
for (var batch = 1; ; batch++)
{
    var subjectId = string.Create(CultureInfo.InvariantCulture, $"sub_batch_{batch}");
    using var key = keys.CreateSubjectKey(subjectId);
    using var sealer = key.CreateSealer();
    var events = new List<StoredEvent>(eventsPerBatch);
    for (var i = 0; i < eventsPerBatch; i++)
    {
        var eventId = string.Create(CultureInfo.InvariantCulture, $"evt_{batch}_{i}");
        var length = sealer.Seal(payload, new SealBinding(subjectId, "user.device.reading", eventId), sealedValue);
        events.Add(new StoredEvent(eventId, subjectId, "user.device.reading", DateTimeOffset.UtcNow, "dev-1", sealedValue[..length]));
    }

    await using (var transaction = await store.BeginAsync(CancellationToken.None))
    {
        var at = DateTimeOffset.UtcNow;
        await transaction.CreateSubjectAsync(new StoredSubject(subjectId, at), CancellationToken.None);
        await transaction.StoreSubjectKeyAsync(new WrappedSubjectKey(subjectId, key.KeyId, key.Wrapped, at), CancellationToken.None);
        await transaction.AppendEventsAsync(events, CancellationToken.None);
        await transaction.AppendAuditAsync(new AuditEntry(at, AuditEntry.SystemActor, "event.write") { SubjectId = subjectId, Count = eventsPerBatch }, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {batch}"));
}
