using System.Buffers;
using System.Security.Cryptography;
using Custodian.Crypto;
using Custodian.Requests;
using Custodian.Storage;

namespace Custodian.Vault;

/// <summary>
/// Opens the events a store streams for a rights answer and hands each to the export's visitor, reusing one
/// buffer for every value and wiping it after each. A reading under a key not opened yet stops the page there
/// (<see cref="TakeMissingOwner"/>) so the vault can open that key and resume; readings whose key was destroyed are
/// skipped.
/// </summary>
internal sealed class EventOpener : ISealedEventVisitor, IDisposable
{
    private readonly DecryptedEventVisitor _visit;
    private readonly Dictionary<string, RecordSealer?> _sealers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private string? _missingOwner;

    public EventOpener(DecryptedEventVisitor visit) => _visit = visit;

    /// <summary>How many events were opened and visited.</summary>
    public long Count { get; private set; }

    /// <summary>The categories of the events visited.</summary>
    public IEnumerable<string> Categories => _categories;

    public bool VisitEvent(in SealedEventRow row)
    {
        if (!_sealers.TryGetValue(row.KeyOwnerId, out var sealer))
        {
            _missingOwner = row.KeyOwnerId;
            return false;
        }

        if (sealer is null) return true;
        var length = SealedEnvelope.Parse(row.Sealed).Ciphertext.Length;
        if (length > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        var written = sealer.Open(row.Sealed, row.KeyOwnerId, row.CategoryKey, row.Utf8EventId, _buffer);
        try
        {
            _visit(new DecryptedEvent { Utf8EventId = row.Utf8EventId, CategoryKey = row.CategoryKey, At = row.At, DeviceId = row.DeviceId, Utf8Value = _buffer.AsSpan(0, written) });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, written));
        }

        _categories.Add(row.CategoryKey);
        Count++;
        return true;
    }

    /// <summary>The key owner the last page stopped at, once; null when the page ran to its end.</summary>
    public string? TakeMissingOwner()
    {
        var owner = _missingOwner;
        _missingOwner = null;
        return owner;
    }

    /// <summary>Adds the sealer for <paramref name="owner"/>; null when their key was destroyed (their readings are skipped).</summary>
    public void AddSealer(string owner, RecordSealer? sealer) => _sealers[owner] = sealer;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        foreach (var sealer in _sealers.Values) sealer?.Dispose();
    }
}
