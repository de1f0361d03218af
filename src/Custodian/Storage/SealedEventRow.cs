namespace Custodian.Storage;

/// <summary>
/// One stored event as a store's buffers hold it while streaming (see <see cref="ISealedEventVisitor"/>): the id and
/// the sealed value as spans, valid only during the visit, so a person's million readings are read without allocating
/// per reading. Keys and device ids repeat from row to row and come as shared strings.
/// </summary>
public readonly ref struct SealedEventRow
{
    /// <summary>The event id as UTF-8 (bound into the sealed value).</summary>
    public required ReadOnlySpan<byte> Utf8EventId { get; init; }

    /// <summary>The subject whose key sealed the value.</summary>
    public required string KeyOwnerId { get; init; }

    /// <summary>The data category key.</summary>
    public required string CategoryKey { get; init; }

    /// <summary>When it was observed.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The device id, or null.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The sealed value.</summary>
    public required ReadOnlySpan<byte> Sealed { get; init; }
}
