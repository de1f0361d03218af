using System.Globalization;
using System.Security.Cryptography;
using Custodian.Storage;

namespace Custodian.Audit;

/// <summary>
/// Re-computes the whole audit chain from a store and reports the first broken link: an edited,
/// dropped or reordered entry, a forged checkpoint, or a checkpoint past the end of a truncated log.
/// Streams entries through spans and one reused hash object, so it allocates nothing per entry.
/// </summary>
public sealed class AuditVerifier
{
    private readonly AuditCheckpointSigner _signer;

    /// <summary>Creates a verifier that checks checkpoints with <paramref name="signer"/>.</summary>
    public AuditVerifier(AuditCheckpointSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
    }

    /// <summary>Verifies every entry and checkpoint the store holds.</summary>
    public async Task<AuditVerificationResult> VerifyAsync(IAuditChainSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var checkpoints = await source.ReadAuditCheckpointsAsync(cancellationToken);
        using var walker = new ChainWalker(_signer, checkpoints);
        await source.ReadAuditChainAsync(1, walker, cancellationToken);
        return walker.Finish();
    }

    private sealed class ChainWalker : IAuditChainVisitor, IDisposable
    {
        private readonly AuditCheckpointSigner _signer;
        private readonly IReadOnlyList<AuditCheckpoint> _checkpoints;
        private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _previous = new byte[AuditChain.HashLength];
        private readonly byte[] _computed = new byte[AuditChain.HashLength];
        private int _nextCheckpoint;
        private long _expected = 1;
        private long _checkpointsVerified;
        private AuditVerificationResult? _broken;

        public ChainWalker(AuditCheckpointSigner signer, IReadOnlyList<AuditCheckpoint> checkpoints)
        {
            _signer = signer;
            _checkpoints = checkpoints;
        }

        public bool VisitEntry(long sequence, ReadOnlySpan<byte> body, ReadOnlySpan<byte> hash)
        {
            // A checkpoint that falls in a gap or before the stream started points at no entry.
            while (_nextCheckpoint < _checkpoints.Count && _checkpoints[_nextCheckpoint].Sequence < _expected)
            {
                return Break(AuditBreakKind.CheckpointMissingEntry, _checkpoints[_nextCheckpoint].Sequence, "checkpoint names an entry that does not exist");
            }

            if (sequence < _expected)
            {
                return Break(AuditBreakKind.Reordered, sequence, $"entry {sequence} appears after entry {_expected - 1}");
            }

            if (sequence > _expected)
            {
                return Break(AuditBreakKind.Gap, _expected, $"entry {_expected} is missing; the next stored entry is {sequence}");
            }

            long bodySequence;
            try
            {
                bodySequence = AuditEntryEncoding.ReadSequence(body);
            }
            catch (FormatException)
            {
                return Break(AuditBreakKind.MalformedEntry, sequence, "the entry body cannot be decoded");
            }

            if (bodySequence != sequence)
            {
                return Break(AuditBreakKind.Reordered, sequence, $"the entry stored at {sequence} names sequence {bodySequence}");
            }

            _sha.AppendData(_previous);
            _sha.AppendData(body);
            _sha.GetHashAndReset(_computed);
            if (!hash.SequenceEqual(_computed))
            {
                return Break(AuditBreakKind.HashMismatch, sequence, "the stored hash does not match SHA-256(previous hash ‖ entry)");
            }

            if (_nextCheckpoint < _checkpoints.Count && _checkpoints[_nextCheckpoint].Sequence == sequence)
            {
                var checkpoint = _checkpoints[_nextCheckpoint++];
                if (!_signer.Verify(checkpoint))
                {
                    return Break(AuditBreakKind.BadCheckpointSignature, sequence, "the checkpoint signature does not verify under the audit key");
                }

                if (!CryptographicOperations.FixedTimeEquals(checkpoint.EntryHash, _computed))
                {
                    return Break(AuditBreakKind.CheckpointMismatch, sequence, "the checkpoint hash differs from the entry hash");
                }

                _checkpointsVerified++;
            }

            _computed.CopyTo(_previous, 0);
            _expected++;
            return true;
        }

        public AuditVerificationResult Finish()
        {
            if (_broken is not null)
            {
                return _broken;
            }

            if (_nextCheckpoint < _checkpoints.Count)
            {
                var missing = _checkpoints[_nextCheckpoint];
                Break(AuditBreakKind.CheckpointMissingEntry, missing.Sequence, $"checkpoint names entry {missing.Sequence} but the log ends at {_expected - 1}");
                return _broken!;
            }

            return new AuditVerificationResult(AuditBreakKind.None, null, _expected - 1, _checkpointsVerified, string.Create(CultureInfo.InvariantCulture, $"{_expected - 1} entries and {_checkpointsVerified} checkpoints verified"));
        }

        public void Dispose() => _sha.Dispose();

        private bool Break(AuditBreakKind kind, long at, string what)
        {
            _broken = new AuditVerificationResult(kind, at, _expected - 1, _checkpointsVerified, string.Create(CultureInfo.InvariantCulture, $"audit chain broken at {at}: {what}"));
            return false;
        }
    }
}
