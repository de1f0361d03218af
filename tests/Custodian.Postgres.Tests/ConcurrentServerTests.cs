using Custodian.Audit;
using Custodian.Storage;
using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

/// <summary>Two stores on one schema stand for two servers sharing a database.</summary>
public sealed class ConcurrentServerTests : IAsyncLifetime, IAsyncDisposable
{
    private const int TransactionsPerServer = 40;
    private readonly SchemaFixture _schema = new("concurrent");

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    [PostgresFact]
    public async Task Two_servers_writing_one_subject_lose_no_update_and_keep_one_unforked_chain()
    {
        await using var first = await _schema.OpenAsync(checkpointInterval: 10);
        await using var second = await _schema.OpenAsync(checkpointInterval: 10);
        var subject = TestData.Subject();
        var record = TestData.Record(subject.SubjectId);
        await using (var setup = await first.BeginAsync(Ct))
        {
            await setup.CreateSubjectAsync(subject, Ct);
            await setup.WriteRecordsAsync([record], Ct);
            await setup.AppendAuditAsync(TestData.Audit("record.write", subject.SubjectId), Ct);
            await setup.CommitAsync(Ct);
        }

        var versions = await Task.WhenAll(
            Task.Run(() => RectifyRepeatedlyAsync(first, subject.SubjectId, record.RecordId)),
            Task.Run(() => RectifyRepeatedlyAsync(second, subject.SubjectId, record.RecordId)));

        const int Total = 2 * TransactionsPerServer;
        Assert.Equal(Enumerable.Range(2, Total), versions.SelectMany(v => v).Order());
        Assert.Equal(1 + Total, (await second.GetRecordAsync(record.RecordId, Ct))!.Version);
        Assert.Equal(Enumerable.Range(1, Total), (await first.GetRecordHistoryAsync(record.RecordId, Ct)).Select(v => v.Version));
        Assert.Equal(Total, (await first.LoadSubjectStateAsync(subject.SubjectId, Ct))!.Consents.Count);
        var entries = await first.ReadAuditAsync(1, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, 1 + Total).Select(i => (long)i), entries.Select(e => e.Sequence));
        var verdict = await new AuditVerifier(TestData.Signer).VerifyAsync(second, Ct);
        Assert.True(verdict.IsValid, verdict.Message);
        Assert.Equal(1 + Total, verdict.EntriesVerified);
        Assert.Equal((1 + Total) / 10, verdict.CheckpointsVerified);
    }

    [PostgresFact]
    public async Task Writes_held_back_by_one_server_land_whole_after_the_other_moved_the_chain_head()
    {
        await using var first = await _schema.OpenAsync();
        await using var second = await _schema.OpenAsync();
        await using (var warm = await first.BeginAsync(Ct))
        {
            await warm.AppendAuditAsync(TestData.Audit("record.read"), Ct);
            await warm.CommitAsync(Ct);
        }

        var subject = TestData.Subject();
        var record = TestData.Record(subject.SubjectId);
        await using (var held = await first.BeginAsync(Ct))
        {
            await held.CreateSubjectAsync(subject, Ct);
            await held.WriteRecordsAsync([record], Ct);
            await held.AppendAuditAsync(TestData.Audit("record.write", subject.SubjectId), Ct);

            // The other server commits in between: the head the held-back entry was linked to is gone.
            await using (var other = await second.BeginAsync(Ct))
            {
                await other.AppendAuditAsync(TestData.Audit("record.read"), Ct);
                await other.CommitAsync(Ct);
            }

            await held.CommitAsync(Ct);
        }

        Assert.NotNull(await second.GetSubjectAsync(subject.SubjectId, Ct));
        Assert.NotNull(await second.GetRecordAsync(record.RecordId, Ct));
        var entries = await second.ReadAuditAsync(1, 10, Ct);
        Assert.Equal(["record.read", "record.read", "record.write"], entries.Select(e => e.Action));
        var verdict = await new AuditVerifier(TestData.Signer).VerifyAsync(first, Ct);
        Assert.True(verdict.IsValid, verdict.Message);
    }

    [PostgresFact]
    public async Task Two_servers_appending_only_audit_entries_keep_one_unforked_chain_with_its_checkpoints()
    {
        await using var first = await _schema.OpenAsync(checkpointInterval: 10);
        await using var second = await _schema.OpenAsync(checkpointInterval: 10);

        // Each server links to the head it last committed; the other keeps moving it, so both fall back to the lock often.
        await Task.WhenAll(
            Task.Run(() => AuditRepeatedlyAsync(first, "first")),
            Task.Run(() => AuditRepeatedlyAsync(second, "second")));

        const int Total = 2 * TransactionsPerServer * 2;
        var entries = await first.ReadAuditAsync(1, 1000, Ct);
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(2 * TransactionsPerServer, entries.Count(e => e.Action == "record.read"));
        var verdict = await new AuditVerifier(TestData.Signer).VerifyAsync(second, Ct);
        Assert.True(verdict.IsValid, verdict.Message);
        Assert.Equal(Total, verdict.EntriesVerified);
        Assert.Equal(Total / 10, verdict.CheckpointsVerified);
    }

    [PostgresFact]
    public async Task Two_servers_sending_one_person_a_sign_in_code_at_once_leave_only_one_code_that_works()
    {
        await using var first = await _schema.OpenAsync();
        await using var second = await _schema.OpenAsync();
        var subject = TestData.Subject();
        await using (var setup = await first.BeginAsync(Ct))
        {
            await setup.CreateSubjectAsync(subject, Ct);
            await setup.CommitAsync(Ct);
        }

        // Each round both servers store a code for the person at the same moment, as the privacy center does (audit
        // entry, then the code, in one unit of work); whichever commits last must have removed the other's.
        for (var round = 0; round < 20; round++)
        {
            var ids = await Task.WhenAll(
                Task.Run(() => SendCodeAsync(first, subject.SubjectId)),
                Task.Run(() => SendCodeAsync(second, subject.SubjectId)));

            var live = new List<string>();
            foreach (var id in ids)
            {
                if (await first.GetSignInChallengeAsync(id, Ct) is not null) live.Add(id);
            }

            Assert.Single(live);
        }
    }

    private static async Task<string> SendCodeAsync(PostgresVaultStore store, string subjectId)
    {
        var challenge = new StoredSignInChallenge(TestData.NewId("chl"), subjectId, [.. Enumerable.Range(0, 32).Select(i => (byte)(i + 1))], [4, 5, 6], TestData.T0.AddMinutes(10), 0);
        await using var transaction = await store.BeginAsync(Ct);
        await transaction.AppendAuditAsync(TestData.Audit("signin.start", subjectId), Ct);
        await transaction.AddSignInChallengeAsync(challenge, Ct);
        await transaction.CommitAsync(Ct);
        return challenge.ChallengeId;
    }

    private static async Task AuditRepeatedlyAsync(PostgresVaultStore store, string server)
    {
        for (var i = 0; i < TransactionsPerServer; i++)
        {
            await using var transaction = await store.BeginAsync(Ct);
            await transaction.AppendAuditAsync(TestData.Audit("record.read", null, TestData.T0.AddMinutes(i)), Ct);
            await transaction.AppendAuditAsync(TestData.Audit("decision." + server, null, TestData.T0.AddMinutes(i)), Ct);
            await transaction.CommitAsync(Ct);
        }
    }

    private static async Task<List<int>> RectifyRepeatedlyAsync(PostgresVaultStore store, string subjectId, string recordId)
    {
        var versions = new List<int>();
        for (var i = 0; i < TransactionsPerServer; i++)
        {
            await using var transaction = await store.BeginAsync(Ct);
            var at = TestData.T0.AddMinutes(i);
            versions.Add(await transaction.RectifyRecordAsync(recordId, [(byte)i], RecordSource.Provided, "essential.service", at, null, Ct));
            await transaction.AppendConsentAsync(TestData.Consent(subjectId, "analytics.reporting", i % 2 == 0, at), Ct);
            await transaction.AppendAuditAsync(TestData.Audit("record.rectify", subjectId, at), Ct);
            await transaction.CommitAsync(Ct);
        }

        return versions;
    }
}
