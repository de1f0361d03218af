using System.Buffers;
using System.Security.Cryptography;
using Custodian.Crypto;
using Custodian.Requests;
using Custodian.Storage;

namespace Custodian.Vault;

/// <summary>
/// Opens the events a store streams for a rights answer, a page at a time: the page's ids and sealed values are copied
/// into one buffer as the store hands them out, opened on two threads (each with its own sealer, as a sealer is not
/// thread-safe) into a second buffer, handed to the export's visitor in order, and wiped. A reading under a key not
/// opened yet stops the page there (<see cref="TakeMissingOwner"/>) so the vault can open that key and resume;
/// readings whose key was destroyed are skipped.
/// </summary>
internal sealed class EventOpener : ISealedEventVisitor, IDisposable
{
    // Below this many readings a page is opened on the calling thread alone.
    private const int ParallelFrom = 512;

    private readonly Dictionary<string, (RecordSealer First, RecordSealer Second)?> _sealers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);
    private readonly List<Row> _rows = [];
    private byte[] _sealed = ArrayPool<byte>.Shared.Rent(1 << 16);
    private byte[] _plain = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _sealedUsed;
    private string? _missingOwner;

    /// <summary>How many events were opened and visited.</summary>
    public long Count { get; private set; }

    /// <summary>The categories of the events visited.</summary>
    public IEnumerable<string> Categories => _categories;

    public bool VisitEvent(in SealedEventRow row)
    {
        if (!_sealers.TryGetValue(row.KeyOwnerId, out var sealers))
        {
            _missingOwner = row.KeyOwnerId;
            return false;
        }

        if (sealers is null) return true;
        var needed = _sealedUsed + row.Utf8EventId.Length + row.Sealed.Length;
        if (needed > _sealed.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _sealed.Length * 2));
            _sealed.AsSpan(0, _sealedUsed).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_sealed);
            _sealed = larger;
        }

        var idAt = _sealedUsed;
        row.Utf8EventId.CopyTo(_sealed.AsSpan(idAt));
        row.Sealed.CopyTo(_sealed.AsSpan(idAt + row.Utf8EventId.Length));
        _sealedUsed = needed;
        _rows.Add(new Row(idAt, row.Utf8EventId.Length, row.Sealed.Length, row.KeyOwnerId, row.CategoryKey, row.At, row.DeviceId));
        return true;
    }

    /// <summary>Opens the page collected since the last call and hands each reading to <paramref name="visit"/> in order.</summary>
    public void OpenPage(DecryptedEventVisitor visit)
    {
        var plainLength = 0;
        var offsets = new int[_rows.Count];
        for (var i = 0; i < _rows.Count; i++)
        {
            offsets[i] = plainLength;
            plainLength += SealedEnvelope.Parse(Sealed(_rows[i])).Ciphertext.Length;
        }

        if (plainLength > _plain.Length)
        {
            ArrayPool<byte>.Shared.Return(_plain, clearArray: true);
            _plain = ArrayPool<byte>.Shared.Rent(plainLength);
        }

        var lengths = new int[_rows.Count];
        try
        {
            if (_rows.Count < ParallelFrom)
            {
                Open(0, _rows.Count, second: false, offsets, lengths);
            }
            else
            {
                var half = _rows.Count / 2;
                var count = _rows.Count;
                var other = Task.Run(() => Open(half, count, second: true, offsets, lengths));
                try
                {
                    Open(0, half, second: false, offsets, lengths);
                }
                finally
                {
                    // Never leave (and wipe or return the buffers) while the other half is still being opened; a
                    // failure there (a value that does not open) surfaces here.
                    ((IAsyncResult)other).AsyncWaitHandle.WaitOne();
                }

                other.GetAwaiter().GetResult();
            }

            for (var i = 0; i < _rows.Count; i++)
            {
                var row = _rows[i];
                visit(new DecryptedEvent
                {
                    Utf8EventId = _sealed.AsSpan(row.IdAt, row.IdLength),
                    CategoryKey = row.CategoryKey,
                    At = row.At,
                    DeviceId = row.DeviceId,
                    Utf8Value = _plain.AsSpan(offsets[i], lengths[i]),
                });
                _categories.Add(row.CategoryKey);
                Count++;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(_plain.AsSpan(0, plainLength));
            _rows.Clear();
            _sealedUsed = 0;
        }
    }

    /// <summary>The key owner the last page stopped at, once; null when the page ran to its end.</summary>
    public string? TakeMissingOwner()
    {
        var owner = _missingOwner;
        _missingOwner = null;
        return owner;
    }

    /// <summary>Adds the sealers for <paramref name="owner"/> (two, one per thread); null when their key was destroyed (their readings are skipped).</summary>
    public void AddSealers(string owner, (RecordSealer First, RecordSealer Second)? sealers) => _sealers[owner] = sealers;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_plain, clearArray: true);
        ArrayPool<byte>.Shared.Return(_sealed);
        foreach (var sealers in _sealers.Values)
        {
            sealers?.First.Dispose();
            sealers?.Second.Dispose();
        }
    }

    private void Open(int from, int to, bool second, int[] offsets, int[] lengths)
    {
        for (var i = from; i < to; i++)
        {
            var row = _rows[i];
            var pair = _sealers[row.KeyOwnerId]!.Value;
            var sealer = second ? pair.Second : pair.First;
            lengths[i] = sealer.Open(Sealed(row), row.KeyOwnerId, row.CategoryKey, _sealed.AsSpan(row.IdAt, row.IdLength), _plain.AsSpan(offsets[i]));
        }
    }

    private ReadOnlySpan<byte> Sealed(Row row) => _sealed.AsSpan(row.IdAt + row.IdLength, row.SealedLength);

    private readonly record struct Row(int IdAt, int IdLength, int SealedLength, string KeyOwnerId, string CategoryKey, DateTimeOffset At, string? DeviceId);
}
