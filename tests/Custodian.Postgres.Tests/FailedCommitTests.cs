using Custodian.Audit;
using Custodian.Storage;
using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

/// <summary>A commit that throws ends its unit of work: trying it again must not move the audit chain past entries never written.</summary>
public sealed class FailedCommitTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly SchemaFixture _schema = new("failedcommit");

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    [PostgresTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_commit_that_threw_cannot_be_retried_and_the_chain_still_verifies(bool withStatement)
    {
        await using var store = await _schema.OpenAsync();
        await using (var first = await store.BeginAsync(CancellationToken.None))
        {
            await first.AppendAuditAsync(TestData.Audit("record.read"), CancellationToken.None);
            await first.CommitAsync(CancellationToken.None);
        }

        var before = await store.GetAuditHeadAsync(CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await using (var failing = await store.BeginAsync(CancellationToken.None))
        {
            if (withStatement) await failing.CreateSubjectAsync(TestData.Subject(), CancellationToken.None);
            await failing.AppendAuditAsync(TestData.Audit("record.read"), CancellationToken.None);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => failing.CommitAsync(cancelled.Token));
            await Assert.ThrowsAsync<InvalidOperationException>(() => failing.CommitAsync(CancellationToken.None));
        }

        await using (var next = await store.BeginAsync(CancellationToken.None))
        {
            await next.AppendAuditAsync(TestData.Audit("record.read"), CancellationToken.None);
            await next.CommitAsync(CancellationToken.None);
        }

        var verification = await new AuditVerifier(TestData.Signer).VerifyAsync(store, CancellationToken.None);
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(before.Sequence + 1, (await store.GetAuditHeadAsync(CancellationToken.None)).Sequence);
    }
}
