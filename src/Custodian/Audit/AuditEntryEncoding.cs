using System.Buffers.Binary;
using System.Text;

namespace Custodian.Audit;

/// <summary>
/// The canonical byte form of an <see cref="AuditEntry"/>, which the hash chain covers. Fixed field
/// order, big-endian integers, length-prefixed ASCII tokens, details sorted by key: the same entry
/// always encodes to the same bytes on every store and platform. The stored body is authoritative;
/// stores decode it rather than trusting separate columns.
/// </summary>
public static class AuditEntryEncoding
{
    /// <summary>The encoding version (first byte).</summary>
    public const byte Version = 1;

    private const int SequenceOffset = 1;

    /// <summary>Encodes <paramref name="entry"/> into a new array.</summary>
    public static byte[] Encode(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var length = 1 + 8 + 8 + 8;
        length += Token(entry.Actor) + Token(entry.Action) + Token(entry.SubjectId) + Token(entry.Purpose) + Token(entry.Recipient);
        length += List(entry.Categories) + List(entry.ReasonCodes) + 1;
        foreach (var (key, value) in entry.Details)
        {
            length += Token(key) + Token(value);
        }

        var buffer = new byte[length];
        var span = buffer.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], entry.Sequence);
        BinaryPrimitives.WriteInt64BigEndian(span[9..], entry.At.UtcTicks);
        var offset = 17;
        offset += Write(span[offset..], entry.Actor);
        offset += Write(span[offset..], entry.Action);
        offset += Write(span[offset..], entry.SubjectId);
        offset += Write(span[offset..], entry.Purpose);
        offset += Write(span[offset..], entry.Recipient);
        offset += WriteList(span[offset..], entry.Categories);
        offset += WriteList(span[offset..], entry.ReasonCodes);
        BinaryPrimitives.WriteInt64BigEndian(span[offset..], entry.Count);
        offset += 8;
        span[offset++] = (byte)entry.Details.Count;
        foreach (var (key, value) in entry.Details)
        {
            offset += Write(span[offset..], key);
            offset += Write(span[offset..], value);
        }

        return buffer;
    }

    /// <summary>Reads the sequence number without decoding the rest.</summary>
    /// <exception cref="FormatException">The bytes are not an encoded entry.</exception>
    public static long ReadSequence(ReadOnlySpan<byte> body)
    {
        if (body.Length < 17 || body[0] != Version)
        {
            throw new FormatException("The audit entry body is malformed.");
        }

        return BinaryPrimitives.ReadInt64BigEndian(body[SequenceOffset..]);
    }

    /// <summary>Decodes an entry encoded by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The bytes are not an encoded entry.</exception>
    public static AuditEntry Decode(ReadOnlySpan<byte> body)
    {
        try
        {
            var sequence = ReadSequence(body);
            var at = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(body[9..]), TimeSpan.Zero);
            var offset = 17;
            var actor = Read(body, ref offset)!;
            var action = Read(body, ref offset)!;
            var subject = Read(body, ref offset);
            var purpose = Read(body, ref offset);
            var recipient = Read(body, ref offset);
            var categories = ReadList(body, ref offset);
            var reasons = ReadList(body, ref offset);
            var count = BinaryPrimitives.ReadInt64BigEndian(body[offset..]);
            offset += 8;
            var detailCount = body[offset++];
            var details = new Dictionary<string, string>(detailCount, StringComparer.Ordinal);
            for (var i = 0; i < detailCount; i++)
            {
                var key = Read(body, ref offset)!;
                details[key] = Read(body, ref offset)!;
            }

            if (offset != body.Length)
            {
                throw new FormatException("The audit entry body has trailing bytes.");
            }

            return new AuditEntry(at, actor, action)
            {
                Sequence = sequence,
                SubjectId = subject,
                Purpose = purpose,
                Recipient = recipient,
                Categories = categories,
                ReasonCodes = reasons,
                Count = count,
                Details = details,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException)
        {
            throw new FormatException("The audit entry body is malformed.", ex);
        }
    }

    private static int Token(string? value) => 1 + (value?.Length ?? 0);

    private static int List(IReadOnlyList<string> values)
    {
        var length = 1;
        foreach (var value in values)
        {
            length += Token(value);
        }

        return length;
    }

    // Tokens are ASCII and at most 128 long, so one length byte suffices; 0 means absent.
    private static int Write(Span<byte> destination, string? value)
    {
        if (value is null)
        {
            destination[0] = 0;
            return 1;
        }

        destination[0] = (byte)value.Length;
        return 1 + Encoding.ASCII.GetBytes(value, destination[1..]);
    }

    private static int WriteList(Span<byte> destination, IReadOnlyList<string> values)
    {
        destination[0] = (byte)values.Count;
        var offset = 1;
        foreach (var value in values)
        {
            offset += Write(destination[offset..], value);
        }

        return offset;
    }

    private static string? Read(ReadOnlySpan<byte> body, ref int offset)
    {
        var length = body[offset++];
        if (length == 0)
        {
            return null;
        }

        var value = Encoding.ASCII.GetString(body.Slice(offset, length));
        offset += length;
        return value;
    }

    private static string[] ReadList(ReadOnlySpan<byte> body, ref int offset)
    {
        var count = body[offset++];
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Read(body, ref offset) ?? throw new FormatException("An audit list item is empty.");
        }

        return values;
    }
}
