using Custodian.Audit;

namespace Custodian.Storage.Conformance;

/// <summary>The audit chain: order, content, checkpoints and verification.</summary>
public abstract class AuditConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    protected override int CheckpointInterval => 10;

    [Fact]
    public async Task Appended_entries_read_back_in_order_with_every_field()
    {
        var entry = new AuditEntry(TestData.T0, "key-7", "decision")
        {
            SubjectId = "sub_1",
            Categories = ["user.contact.email", "user.location.precise"],
            Purpose = "marketing.communications.email",
            Recipient = "mail.provider",
            ReasonCodes = ["consent.missing"],
            Count = 3,
            Details = new Dictionary<string, string> { ["policy_version"] = "v2025-01", ["request"] = "req-9" },
        };

        await InTransactionAsync(async t =>
        {
            await t.AppendAuditAsync(entry, Ct);
            await t.AppendAuditAsync(TestData.Audit("record.read", "sub_2"), Ct);
        });
        await InTransactionAsync(t => t.AppendAuditAsync(TestData.Audit("record.write", "sub_3"), Ct));
        var read = await Store.ReadAuditAsync(1, 10, Ct);

        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Sequence));
        Assert.Equal(["decision", "record.read", "record.write"], read.Select(e => e.Action));
        Assert.Equal(AuditEntryEncoding.Encode(entry with { Sequence = 1 }), AuditEntryEncoding.Encode(read[0]));
        Assert.Equal(3, (await Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task Reading_from_a_sequence_returns_the_rest_up_to_the_limit()
    {
        await InTransactionAsync(async t =>
        {
            for (var i = 0; i < 5; i++)
            {
                await t.AppendAuditAsync(TestData.Audit("record.read"), Ct);
            }
        });

        var page = await Store.ReadAuditAsync(3, 2, Ct);

        Assert.Equal([3L, 4L], page.Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_latest_entries_are_the_head_of_the_log_oldest_first()
    {
        Assert.Empty(await Store.ReadLatestAuditAsync(10, Ct));
        await InTransactionAsync(async t =>
        {
            for (var i = 0; i < 5; i++)
            {
                await t.AppendAuditAsync(TestData.Audit("record.read", "sub_" + i), Ct);
            }
        });

        var latest = await Store.ReadLatestAuditAsync(3, Ct);
        var all = await Store.ReadLatestAuditAsync(100, Ct);

        Assert.Equal([3L, 4L, 5L], latest.Select(e => e.Sequence));
        Assert.Equal(["sub_2", "sub_3", "sub_4"], latest.Select(e => e.SubjectId));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], all.Select(e => e.Sequence));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadLatestAuditAsync(0, Ct));
    }

    [Fact]
    public async Task Checkpoints_are_written_every_interval_and_the_chain_verifies()
    {
        await InTransactionAsync(async t =>
        {
            for (var i = 0; i < 25; i++)
            {
                await t.AppendAuditAsync(TestData.Audit("record.write", "sub_" + i), Ct);
            }
        });

        var checkpoints = await Store.ReadAuditCheckpointsAsync(Ct);
        var result = await new AuditVerifier(TestData.Signer).VerifyAsync(Store, Ct);

        Assert.Equal([10L, 20L], checkpoints.Select(c => c.Sequence));
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(25, result.EntriesVerified);
        Assert.Equal(2, result.CheckpointsVerified);
    }

    [Fact]
    public async Task An_on_demand_checkpoint_covers_the_head_and_none_is_made_for_an_empty_log()
    {
        AuditCheckpoint? empty = null;
        AuditCheckpoint? made = null;

        await InTransactionAsync(async t => empty = await t.WriteAuditCheckpointAsync(TestData.T0, Ct));
        await InTransactionAsync(async t =>
        {
            await t.AppendAuditAsync(TestData.Audit("key.create"), Ct);
            made = await t.WriteAuditCheckpointAsync(TestData.T0, Ct);
        });

        Assert.Null(empty);
        Assert.Equal(1, made!.Sequence);
        Assert.Equal((await Store.GetAuditHeadAsync(Ct)).Hash, made.EntryHash);
        Assert.True(TestData.Signer.Verify(made));
    }

    [Fact]
    public async Task Rolled_back_entries_leave_no_gap_in_the_chain()
    {
        await InTransactionAsync(t => t.AppendAuditAsync(TestData.Audit("record.write"), Ct));
        await using (var transaction = await Store.BeginAsync(Ct))
        {
            await transaction.AppendAuditAsync(TestData.Audit("record.write"), Ct);
            await transaction.RollbackAsync(Ct);
        }

        await InTransactionAsync(t => t.AppendAuditAsync(TestData.Audit("record.read"), Ct));
        var result = await new AuditVerifier(TestData.Signer).VerifyAsync(Store, Ct);

        Assert.Equal([1L, 2L], (await Store.ReadAuditAsync(1, 10, Ct)).Select(e => e.Sequence));
        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public async Task An_empty_log_verifies()
    {
        var result = await new AuditVerifier(TestData.Signer).VerifyAsync(Store, Ct);

        Assert.True(result.IsValid);
        Assert.Equal(0, result.EntriesVerified);
    }
}
