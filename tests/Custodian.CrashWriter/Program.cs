using System.Globalization;
using System.Text;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Postgres;
using Custodian.Sqlite;
using Custodian.Storage;

// Usage: Custodian.CrashWriter <data directory> <events per batch> [<batches before hold>]
//        Custodian.CrashWriter --postgres <connection string> <schema> <events per batch> [<batches before hold>]
// Needs CUSTODIAN_MASTER_KEY (for SQLite a master.key in the data directory will do). Each batch writes one subject, its
// key, N events and one audit entry in a single unit of work, then prints "committed <batch>". Batch n is audit entry n:
// the writer carries on after the last batch the store holds, so a second run after a crash continues the same series.
// Runs until killed. With <batches before hold>, it commits that many batches, then sends the next one's subject, key
// and events without committing, prints "holding <batch>" and waits to be killed with that unit of work half done.
var postgres = args[0] == "--postgres";
var rest = postgres ? args[3..] : args[1..];
var eventsPerBatch = int.Parse(rest[0], CultureInfo.InvariantCulture);
var batchesBeforeHold = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : int.MaxValue;

using var masterKey = LoadMasterKey();
using var keys = new KeyRing(masterKey);
var signer = new AuditCheckpointSigner(keys.AuditKey);
await using IVaultStore store = postgres
    ? await PostgresVaultStore.OpenAsync(new PostgresVaultStoreOptions { ConnectionString = args[1], Schema = args[2], CheckpointSigner = signer, CheckpointInterval = 7 }, CancellationToken.None)
    : await SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = args[0], CheckpointSigner = signer, CheckpointInterval = 7 }, CancellationToken.None);

var payload = Encoding.UTF8.GetBytes("reading:21.5C");
var sealedValue = new byte[SealedEnvelope.SealedLength(payload.Length)];
var first = (await store.GetAuditHeadAsync(CancellationToken.None)).Sequence + 1;
for (var batch = first; ; batch++)
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
        if (batch - first == batchesBeforeHold)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"holding {batch}"));
            await Task.Delay(Timeout.Infinite);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {batch}"));
}

// A PostgreSQL store has no data directory to hold a key file: its key comes from the environment.
MasterKey LoadMasterKey() => postgres
    ? new MasterKey(
        Convert.FromBase64String(Environment.GetEnvironmentVariable(MasterKeyProvider.EnvironmentVariable)
            ?? throw new InvalidOperationException(MasterKeyProvider.EnvironmentVariable + " must be set for a PostgreSQL store.")),
        MasterKeySource.Environment)
    : new MasterKeyProvider().Load(args[0]);
