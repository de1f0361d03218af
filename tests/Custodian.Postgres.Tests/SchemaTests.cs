using System.Globalization;
using Custodian.Audit;
using Custodian.Storage;
using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

/// <summary>Migrations, schema isolation and tamper evidence on a real PostgreSQL schema.</summary>
public sealed class SchemaTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly SchemaFixture _schema = new("schema");
    private readonly SchemaFixture _other = new("other");

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await _schema.DisposeAsync();
        await _other.DisposeAsync();
    }

    [PostgresFact]
    public async Task Reopening_a_schema_applies_each_migration_once_and_keeps_the_data()
    {
        var subject = TestData.Subject();
        await using (var store = await _schema.OpenAsync())
        {
            await using var transaction = await store.BeginAsync(Ct);
            await transaction.CreateSubjectAsync(subject, Ct);
            await transaction.CommitAsync(Ct);
        }

        await using var reopened = await _schema.OpenAsync();

        Assert.NotNull(await reopened.GetSubjectAsync(subject.SubjectId, Ct));
        Assert.Equal((long)PostgresSchema.Migrations.Count, await _schema.SqlAsync("SELECT COUNT(*) FROM schema_version"));
    }

    [PostgresFact]
    public async Task A_schema_newer_than_this_build_is_refused()
    {
        await (await _schema.OpenAsync()).DisposeAsync();
        await _schema.SqlAsync(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_version (version, applied_at) VALUES ({PostgresSchema.LatestVersion + 1}, 0)"));

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => _schema.OpenAsync());

        Assert.Equal(VaultStoreException.SchemaTooNew, ex.Code);
    }

    [PostgresFact]
    public async Task A_schema_name_that_would_need_quoting_is_refused_with_the_rule()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _schema.OpenAsync(schema: "Vault; DROP TABLE x"));

        Assert.Contains("lower-case letters, digits or underscores", ex.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Two_schemas_in_one_database_are_separate_vaults()
    {
        await using var one = await _schema.OpenAsync();
        await using var two = await _other.OpenAsync();
        var subject = TestData.Subject();
        await using (var transaction = await one.BeginAsync(Ct))
        {
            await transaction.CreateSubjectAsync(subject, Ct);
            await transaction.AppendAuditAsync(TestData.Audit("subject.create", subject.SubjectId), Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.Null(await two.GetSubjectAsync(subject.SubjectId, Ct));
        Assert.Equal(0, (await two.GetAuditHeadAsync(Ct)).Sequence);
        Assert.Equal(1, (await one.GetAuditHeadAsync(Ct)).Sequence);
    }

    [PostgresFact]
    public async Task An_audit_entry_edited_in_the_database_breaks_the_chain_at_that_entry()
    {
        await using var store = await _schema.OpenAsync(checkpointInterval: 10);
        await using (var transaction = await store.BeginAsync(Ct))
        {
            for (var i = 0; i < 5; i++)
            {
                await transaction.AppendAuditAsync(TestData.Audit("record.read", "sub_" + i), Ct);
            }

            await transaction.CommitAsync(Ct);
        }

        await _schema.SqlAsync("UPDATE audit_entries SET body = set_byte(body, length(body) - 1, get_byte(body, length(body) - 1) # 1) WHERE seq = 3");
        var verdict = await new AuditVerifier(TestData.Signer).VerifyAsync(store, Ct);

        Assert.False(verdict.IsValid);
        Assert.Equal(3L, verdict.BrokenAt);
    }

    [PostgresFact]
    public async Task The_consent_ledger_refuses_edits_made_directly_in_the_database()
    {
        await using var store = await _schema.OpenAsync();
        var subject = TestData.Subject();
        await using (var transaction = await store.BeginAsync(Ct))
        {
            await transaction.CreateSubjectAsync(subject, Ct);
            await transaction.AppendConsentAsync(TestData.Consent(subject.SubjectId, "analytics.reporting", true, TestData.T0), Ct);
            await transaction.CommitAsync(Ct);
        }

        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _schema.SqlAsync("UPDATE consents SET given = false"));

        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }
}
