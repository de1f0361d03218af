namespace Custodian.Requests;

/// <summary>One event opened for a rights answer: metadata and the value, as spans over buffers reused for the next event.</summary>
public readonly ref struct DecryptedEvent
{
    /// <summary>The event id as UTF-8.</summary>
    public required ReadOnlySpan<byte> Utf8EventId { get; init; }

    /// <summary>The data category key.</summary>
    public required string CategoryKey { get; init; }

    /// <summary>When it was observed.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The device id, or null.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The decrypted value as UTF-8.</summary>
    public required ReadOnlySpan<byte> Utf8Value { get; init; }
}
