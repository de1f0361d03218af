using System.Globalization;
using System.Security.Cryptography;
using Custodian.Storage;

namespace Custodian.Audit;

/// <summary>
/// The state machine behind <see cref="AuditVerifier"/>. Order checks (gaps, reordering) run as
/// entries arrive; hash links are buffered as (stored previous hash ‖ body) in one arena and checked
/// in parallel per chunk, then checkpoints in the chunk are checked in order, so the earliest
/// problem is the one reported.
/// </summary>
internal sealed class AuditChainWalker : IAuditChainVisitor
{
    private const int ChunkEntries = 16_384;
    private const int HashLength = AuditChain.HashLength;

    private readonly AuditCheckpointSigner _signer;
    private readonly IReadOnlyList<AuditCheckpoint> _checkpoints;
    private readonly int[] _offsets = new int[ChunkEntries];
    private readonly int[] _lengths = new int[ChunkEntries];
    private readonly byte[] _storedHashes = new byte[ChunkEntries * HashLength];
    private readonly byte[] _previousHash = new byte[HashLength];
    private byte[] _arena = new byte[ChunkEntries * 192];
    private int _arenaUsed;
    private int _count;
    private long _chunkStart = 1;
    private long _expected = 1;
    private long _verified;
    private long _checkpointsVerified;
    private int _nextCheckpoint;
    private AuditVerificationResult? _broken;

    public AuditChainWalker(AuditCheckpointSigner signer, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        _signer = signer;
        _checkpoints = checkpoints;
    }

    public bool VisitEntry(long sequence, ReadOnlySpan<byte> body, ReadOnlySpan<byte> hash)
    {
        if (sequence != _expected || hash.Length != HashLength || !TryReadSequence(body, out var bodySequence) || bodySequence != sequence)
        {
            return Flush() && BreakOnOrder(sequence, body, hash);
        }

        var needed = HashLength + body.Length;
        if (_arenaUsed + needed > _arena.Length)
        {
            if (!Flush())
            {
                return false;
            }

            if (needed > _arena.Length)
            {
                _arena = new byte[needed * 2];
            }
        }

        var link = _arena.AsSpan(_arenaUsed, needed);
        _previousHash.CopyTo(link);
        body.CopyTo(link[HashLength..]);
        hash.CopyTo(_storedHashes.AsSpan(_count * HashLength, HashLength));
        hash.CopyTo(_previousHash);
        _offsets[_count] = _arenaUsed;
        _lengths[_count] = needed;
        _arenaUsed += needed;
        _count++;
        _expected++;
        return _count < ChunkEntries || Flush();
    }

    public AuditVerificationResult Finish()
    {
        if (_broken is null && Flush() && _nextCheckpoint < _checkpoints.Count)
        {
            var missing = _checkpoints[_nextCheckpoint];
            Break(AuditBreakKind.CheckpointMissingEntry, missing.Sequence, $"checkpoint names entry {missing.Sequence} but the log ends at {_expected - 1}");
        }

        return _broken ?? new AuditVerificationResult(
            AuditBreakKind.None,
            null,
            _verified,
            _checkpointsVerified,
            string.Create(CultureInfo.InvariantCulture, $"{_verified} entries and {_checkpointsVerified} checkpoints verified"));
    }

    private static bool TryReadSequence(ReadOnlySpan<byte> body, out long sequence)
    {
        try
        {
            sequence = AuditEntryEncoding.ReadSequence(body);
            return true;
        }
        catch (FormatException)
        {
            sequence = 0;
            return false;
        }
    }

    private bool BreakOnOrder(long sequence, ReadOnlySpan<byte> body, ReadOnlySpan<byte> hash)
    {
        if (sequence < _expected)
        {
            return Break(AuditBreakKind.Reordered, sequence, $"entry {sequence} appears after entry {_expected - 1}");
        }

        if (sequence > _expected)
        {
            return Break(AuditBreakKind.Gap, _expected, $"entry {_expected} is missing; the next stored entry is {sequence}");
        }

        if (hash.Length != HashLength)
        {
            return Break(AuditBreakKind.HashMismatch, sequence, "the stored hash has the wrong length");
        }

        return TryReadSequence(body, out var bodySequence)
            ? Break(AuditBreakKind.Reordered, sequence, $"the entry stored at {sequence} names sequence {bodySequence}")
            : Break(AuditBreakKind.MalformedEntry, sequence, "the entry body cannot be decoded");
    }

    // Checks the buffered links and the checkpoints inside them; false once a break is found.
    private bool Flush()
    {
        if (_broken is not null)
        {
            return false;
        }

        var firstBad = FirstBadLink();
        var chunkEnd = _chunkStart + _count;
        while (_nextCheckpoint < _checkpoints.Count && _checkpoints[_nextCheckpoint].Sequence < chunkEnd)
        {
            var checkpoint = _checkpoints[_nextCheckpoint];
            var index = checkpoint.Sequence - _chunkStart;
            if (index < 0)
            {
                return Break(AuditBreakKind.CheckpointMissingEntry, checkpoint.Sequence, "checkpoint names an entry that does not exist");
            }

            if (firstBad >= 0 && index >= firstBad)
            {
                break;
            }

            if (!_signer.Verify(checkpoint))
            {
                return Break(AuditBreakKind.BadCheckpointSignature, checkpoint.Sequence, "the checkpoint signature does not verify under the audit key", index);
            }

            if (!CryptographicOperations.FixedTimeEquals(checkpoint.EntryHash, _storedHashes.AsSpan((int)index * HashLength, HashLength)))
            {
                return Break(AuditBreakKind.CheckpointMismatch, checkpoint.Sequence, "the checkpoint hash differs from the entry hash", index);
            }

            _checkpointsVerified++;
            _nextCheckpoint++;
        }

        if (firstBad >= 0)
        {
            return Break(AuditBreakKind.HashMismatch, _chunkStart + firstBad, "the stored hash does not match SHA-256(previous hash ‖ entry)", firstBad);
        }

        _verified += _count;
        _chunkStart = chunkEnd;
        _count = 0;
        _arenaUsed = 0;
        return true;
    }

    private int FirstBadLink()
    {
        if (_count == 0)
        {
            return -1;
        }

        var partitions = Math.Clamp(Math.Min(Environment.ProcessorCount, _count / 1024), 1, 8);
        var firstBad = int.MaxValue;
        Parallel.For(0, partitions, partition =>
        {
            var from = (int)((long)_count * partition / partitions);
            var to = (int)((long)_count * (partition + 1) / partitions);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Span<byte> computed = stackalloc byte[HashLength];
            for (var i = from; i < to && i < Volatile.Read(ref firstBad); i++)
            {
                sha.AppendData(_arena, _offsets[i], _lengths[i]);
                sha.GetHashAndReset(computed);
                if (!computed.SequenceEqual(_storedHashes.AsSpan(i * HashLength, HashLength)))
                {
                    InterlockedMin(ref firstBad, i);
                    return;
                }
            }
        });
        return firstBad == int.MaxValue ? -1 : firstBad;
    }

    private static void InterlockedMin(ref int target, int value)
    {
        int current;
        while (value < (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private bool Break(AuditBreakKind kind, long at, string what, long verifiedInChunk = 0)
    {
        _broken = new AuditVerificationResult(
            kind,
            at,
            _verified + verifiedInChunk,
            _checkpointsVerified,
            string.Create(CultureInfo.InvariantCulture, $"audit chain broken at {at}: {what}"));
        return false;
    }
}
