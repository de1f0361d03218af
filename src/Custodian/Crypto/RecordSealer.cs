using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Custodian.Crypto;

/// <summary>
/// Seals and opens values with AES-256-GCM under one data key, in a <see cref="SealedEnvelope"/>
/// whose associated data binds the envelope header and the <see cref="SealBinding"/>.
/// Keeps one <see cref="AesGcm"/> for its key so batches do not re-initialise the cipher; an
/// instance is not thread-safe: use one per unit of work. Nonces are random (96 bits), safe
/// for far more values than one key seals.
/// </summary>
public sealed class RecordSealer : IDisposable
{
    private const int StackAadLimit = 512;

    // Nonces are drawn from the system generator a block at a time (one call per 64 values in a batch rather than one
    // per value; the first block is small, for sealers that seal one value); each 12-byte slice is used once. Nonces
    // are public, so the block needs no wiping.
    private const int NonceBlock = SealedEnvelope.NonceLength * 64;
    private const int FirstNonceBlock = SealedEnvelope.NonceLength * 4;
    private readonly AesGcm _aes;
    private byte[]? _nonces;
    private int _nonceOffset;
    private int _nonceEnd;

    /// <summary>Creates a sealer for the 32-byte <paramref name="key"/> known as <paramref name="keyId"/>.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public RecordSealer(uint keyId, ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("A data key must be 32 bytes.", nameof(key));
        }

        KeyId = keyId;
        _aes = new AesGcm(key, SealedEnvelope.TagLength);
    }

    /// <summary>The key id written into every envelope this sealer makes.</summary>
    public uint KeyId { get; }

    /// <summary>Seals into a new array.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, in SealBinding binding)
    {
        var result = new byte[SealedEnvelope.SealedLength(plaintext.Length)];
        Seal(plaintext, binding, result);
        return result;
    }

    /// <summary>Seals a UTF-8 string into a new array.</summary>
    public byte[] Seal(string plaintext, in SealBinding binding)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var length = Encoding.UTF8.GetByteCount(plaintext);
        byte[]? rented = null;
        Span<byte> buffer = length <= 256 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            Encoding.UTF8.GetBytes(plaintext, buffer);
            return Seal(buffer, binding);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Seals into <paramref name="destination"/> and returns the bytes written, without allocating.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="SealedEnvelope.SealedLength"/>.</exception>
    public int Seal(ReadOnlySpan<byte> plaintext, in SealBinding binding, Span<byte> destination)
    {
        var length = SealedEnvelope.SealedLength(plaintext.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too short for the sealed value.", nameof(destination));
        }

        var output = destination[..length];
        SealedEnvelope.WriteHeader(output, KeyId);
        var nonce = output.Slice(SealedEnvelope.HeaderLength, SealedEnvelope.NonceLength);
        NextNonce(nonce);
        var ciphertext = output.Slice(SealedEnvelope.HeaderLength + SealedEnvelope.NonceLength, plaintext.Length);
        var tag = output[^SealedEnvelope.TagLength..];
        ArgumentNullException.ThrowIfNull(binding.SubjectId);
        ArgumentNullException.ThrowIfNull(binding.CategoryKey);
        ArgumentNullException.ThrowIfNull(binding.RecordId);
        var aadLength = AssociatedDataLength(binding.SubjectId, binding.CategoryKey, Encoding.UTF8.GetByteCount(binding.RecordId));
        byte[]? rented = null;
        Span<byte> aad = aadLength <= StackAadLimit ? stackalloc byte[aadLength] : (rented = ArrayPool<byte>.Shared.Rent(aadLength));
        try
        {
            aad = aad[..aadLength];
            var idAt = WriteAssociatedPrefix(output[..SealedEnvelope.HeaderLength], binding.SubjectId, binding.CategoryKey, aad);
            WriteField(aad[idAt..], binding.RecordId);
            _aes.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return length;
    }

    /// <summary>Opens into a new array.</summary>
    /// <exception cref="SealedValueException">Malformed, another key, or the binding or bytes do not match.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedValue, in SealBinding binding)
    {
        var envelope = SealedEnvelope.Parse(sealedValue);
        var result = new byte[envelope.Ciphertext.Length];
        Open(sealedValue, binding, result);
        return result;
    }

    /// <summary>Opens a value sealed from a UTF-8 string.</summary>
    /// <exception cref="SealedValueException">Malformed, another key, or the binding or bytes do not match.</exception>
    public string OpenString(ReadOnlySpan<byte> sealedValue, in SealBinding binding)
    {
        var length = SealedEnvelope.Parse(sealedValue).Ciphertext.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= 256 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            var written = Open(sealedValue, binding, buffer);
            return Encoding.UTF8.GetString(buffer[..written]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Opens into <paramref name="destination"/> and returns the plaintext length.</summary>
    /// <exception cref="SealedValueException">Malformed, another key, or the binding or bytes do not match.</exception>
    public int Open(ReadOnlySpan<byte> sealedValue, in SealBinding binding, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(binding.RecordId);
        var count = Encoding.UTF8.GetByteCount(binding.RecordId);
        byte[]? rented = null;
        Span<byte> id = count <= 256 ? stackalloc byte[count] : (rented = ArrayPool<byte>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            Encoding.UTF8.GetBytes(binding.RecordId, id);
            return Open(sealedValue, binding.SubjectId, binding.CategoryKey, id, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Opens into <paramref name="destination"/> a value bound to <paramref name="subjectId"/>, <paramref name="categoryKey"/>
    /// and the record or event id given as UTF-8 (as a store's buffer holds it); the same associated data as a
    /// <see cref="SealBinding"/> with that id, without making a string of it.
    /// </summary>
    /// <exception cref="SealedValueException">Malformed, another key, or the binding or bytes do not match.</exception>
    public int Open(ReadOnlySpan<byte> sealedValue, string subjectId, string categoryKey, ReadOnlySpan<byte> utf8RecordId, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        ArgumentNullException.ThrowIfNull(categoryKey);
        var envelope = SealedEnvelope.Parse(sealedValue);
        if (envelope.KeyId != KeyId)
        {
            throw new SealedValueException(SealedValueException.KeyMismatchCode, "The value was sealed under another key.");
        }

        var length = envelope.Ciphertext.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too short for the plaintext.", nameof(destination));
        }

        var aadLength = AssociatedDataLength(subjectId, categoryKey, utf8RecordId.Length);
        byte[]? rented = null;
        Span<byte> aad = aadLength <= StackAadLimit ? stackalloc byte[aadLength] : (rented = ArrayPool<byte>.Shared.Rent(aadLength));
        try
        {
            aad = aad[..aadLength];
            var idAt = WriteAssociatedPrefix(envelope.Header, subjectId, categoryKey, aad);
            BinaryPrimitives.WriteInt32BigEndian(aad[idAt..], utf8RecordId.Length);
            utf8RecordId.CopyTo(aad[(idAt + 4)..]);
            _aes.Decrypt(envelope.Nonce, envelope.Ciphertext, envelope.Tag, destination[..length], aad);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            CryptographicOperations.ZeroMemory(destination[..length]);
            throw new SealedValueException(
                SealedValueException.AuthenticationFailedCode,
                "The sealed value does not belong to this subject, category and record, or it was altered.",
                ex);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return length;
    }

    /// <summary>Releases the cipher.</summary>
    public void Dispose() => _aes.Dispose();

    private void NextNonce(Span<byte> nonce)
    {
        if (_nonceOffset == _nonceEnd)
        {
            _nonceEnd = _nonces is null ? FirstNonceBlock : NonceBlock;
            _nonces ??= new byte[NonceBlock];
            RandomNumberGenerator.Fill(_nonces.AsSpan(0, _nonceEnd));
            _nonceOffset = 0;
        }

        _nonces.AsSpan(_nonceOffset, SealedEnvelope.NonceLength).CopyTo(nonce);
        _nonceOffset += SealedEnvelope.NonceLength;
    }

    // The associated data: the envelope header, then subject, category and record id as length-prefixed fields, so
    // ("ab", "c") and ("a", "bc") never produce the same bytes.
    private static int AssociatedDataLength(string subjectId, string categoryKey, int recordIdLength) =>
        SealedEnvelope.HeaderLength + 12 + Encoding.UTF8.GetByteCount(subjectId) + Encoding.UTF8.GetByteCount(categoryKey) + recordIdLength;

    // Writes the header, subject and category fields; returns where the record id's field starts.
    private static int WriteAssociatedPrefix(ReadOnlySpan<byte> header, string subjectId, string categoryKey, Span<byte> aad)
    {
        header.CopyTo(aad);
        var offset = header.Length;
        offset += WriteField(aad[offset..], subjectId);
        return offset + WriteField(aad[offset..], categoryKey);
    }

    private static int WriteField(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteInt32BigEndian(destination, written);
        return written + 4;
    }
}
