using Custodian.Audit;

namespace Custodian.Tests.Audit;

public sealed class AuditCheckpointSignerTests
{
    private readonly AuditCheckpointSigner _signer = new(new byte[32]);

    [Fact]
    public void A_signed_checkpoint_verifies_and_any_change_breaks_it()
    {
        var checkpoint = _signer.Sign(1000, new byte[32], DateTimeOffset.UnixEpoch);

        Assert.True(_signer.Verify(checkpoint));
        Assert.False(_signer.Verify(checkpoint with { Sequence = 999 }));
        Assert.False(_signer.Verify(checkpoint with { At = DateTimeOffset.UnixEpoch.AddTicks(1) }));
        Assert.False(_signer.Verify(checkpoint with { EntryHash = Enumerable.Repeat((byte)1, 32).ToArray() }));
        Assert.False(new AuditCheckpointSigner(Enumerable.Repeat((byte)7, 32).ToArray()).Verify(checkpoint));
    }

    [Fact]
    public void Chain_hashes_depend_on_the_previous_hash()
    {
        var first = AuditChain.Link(AuditChainHead.Empty, new AuditEntry(DateTimeOffset.UnixEpoch, "system", "key.create"));
        var second = AuditChain.Link(new AuditChainHead(first.Entry.Sequence, first.Hash), new AuditEntry(DateTimeOffset.UnixEpoch, "system", "key.create"));

        Assert.Equal(1, first.Entry.Sequence);
        Assert.Equal(2, second.Entry.Sequence);
        Assert.NotEqual(first.Hash, second.Hash);
    }
}
