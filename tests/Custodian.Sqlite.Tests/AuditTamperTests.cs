using Custodian.Audit;
using Custodian.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite.Tests;

/// <summary>Edits, deletes and reorders audit rows in the file with raw SQL and expects the verifier to name the first broken link.</summary>
public sealed class AuditTamperTests : IDisposable
{
    private const int Entries = 30;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_untouched_log_verifies()
    {
        await WriteLogAsync();

        var result = await VerifyAsync();

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(Entries, result.EntriesVerified);
        Assert.Equal(3, result.CheckpointsVerified);
    }

    [Fact]
    public async Task An_edited_entry_is_reported_as_a_hash_mismatch_at_its_sequence()
    {
        await WriteLogAsync();
        var body = ReadBody(12);
        body[^9] ^= 0x01;

        Sql("UPDATE audit_entries SET body = $b WHERE seq = 12", ("$b", body));
        var result = await VerifyAsync();

        Assert.Equal(AuditBreakKind.HashMismatch, result.Kind);
        Assert.Equal(12, result.BrokenAt);
        Assert.Equal(11, result.EntriesVerified);
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_as_a_gap()
    {
        await WriteLogAsync();

        Sql("DELETE FROM audit_entries WHERE seq = 15");
        var result = await VerifyAsync();

        Assert.Equal(AuditBreakKind.Gap, result.Kind);
        Assert.Equal(15, result.BrokenAt);
    }

    [Fact]
    public async Task Swapped_entries_are_reported_as_reordered_at_the_first_position()
    {
        await WriteLogAsync();

        Sql("UPDATE audit_entries SET seq = -8 WHERE seq = 8; UPDATE audit_entries SET seq = 8 WHERE seq = 7; UPDATE audit_entries SET seq = 7 WHERE seq = -8");
        var result = await VerifyAsync();

        Assert.Equal(AuditBreakKind.Reordered, result.Kind);
        Assert.Equal(7, result.BrokenAt);
    }

    [Fact]
    public async Task A_truncated_log_is_caught_by_the_checkpoint_past_its_end()
    {
        await WriteLogAsync();

        Sql("DELETE FROM audit_entries WHERE seq >= 25");
        var result = await VerifyAsync();

        Assert.Equal(AuditBreakKind.CheckpointMissingEntry, result.Kind);
        Assert.Equal(30, result.BrokenAt);
    }

    [Fact]
    public async Task A_forged_checkpoint_signature_is_reported()
    {
        await WriteLogAsync();

        Sql("UPDATE audit_checkpoints SET signature = zeroblob(32) WHERE seq = 20");
        var result = await VerifyAsync();

        Assert.Equal(AuditBreakKind.BadCheckpointSignature, result.Kind);
        Assert.Equal(20, result.BrokenAt);
    }

    [Fact]
    public async Task A_rewritten_chain_with_recomputed_hashes_is_caught_by_the_next_checkpoint()
    {
        await WriteLogAsync();
        var previous = ReadHash(14);
        for (var seq = 15; seq <= Entries; seq++)
        {
            var entry = AuditEntryEncoding.Decode(ReadBody(seq));
            var forged = AuditEntryEncoding.Encode(entry with { SubjectId = "sub_forged" });
            var hash = new byte[AuditChain.HashLength];
            AuditChain.ComputeHash(previous, forged, hash);
            Sql("UPDATE audit_entries SET body = $b, hash = $h WHERE seq = $s", ("$b", forged), ("$h", hash), ("$s", seq));
            previous = hash;
        }

        var result = await VerifyAsync();

        Assert.Equal(AuditBreakKind.CheckpointMismatch, result.Kind);
        Assert.Equal(20, result.BrokenAt);
    }

    private async Task WriteLogAsync()
    {
        await using var store = await OpenAsync();
        for (var batch = 0; batch < 3; batch++)
        {
            await using var transaction = await store.BeginAsync(CancellationToken.None);
            for (var i = 1; i <= Entries / 3; i++)
            {
                await transaction.AppendAuditAsync(TestData.Audit("record.write", "sub_" + (batch * 10 + i)), CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    private async Task<AuditVerificationResult> VerifyAsync()
    {
        await using var store = await OpenAsync();
        return await new AuditVerifier(TestData.Signer).VerifyAsync(store, CancellationToken.None);
    }

    private Task<SqliteVaultStore> OpenAsync() =>
        SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = _directory.Path, CheckpointSigner = TestData.Signer, CheckpointInterval = 10 }, CancellationToken.None);

    private byte[] ReadBody(long seq) => (byte[])Scalar("SELECT body FROM audit_entries WHERE seq = $s", seq);

    private byte[] ReadHash(long seq) => (byte[])Scalar("SELECT hash FROM audit_entries WHERE seq = $s", seq);

    private object Scalar(string sql, long seq)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", seq);
        return command.ExecuteScalar()!;
    }

    private void Sql(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory.Path, SqliteVaultStoreOptions.DatabaseFileName), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
