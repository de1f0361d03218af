using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Custodian.Crypto;

/// <summary>
/// All keys Custodian uses, derived from or wrapped by the master key. HKDF-SHA256 with distinct
/// labels gives independent keys for blind indexes, audit checkpoints, data under a legal duty and the
/// privacy center's sign-in codes and session keys, so compromising one use never reveals another. Every
/// process holding the same master key derives the same keys, so servers sharing a store share them too. Per-subject data keys are random and stored only
/// wrapped, which makes erasing a subject (crypto-shredding) the deletion of one small row.
/// </summary>
public sealed class KeyRing : IDisposable
{
    /// <summary>The key id of the hold key, which seals data kept under a legal duty.</summary>
    public const uint HoldKeyId = 1;

    /// <summary>The key id of the key that seals the address a pending sign-in code was sent to.</summary>
    public const uint SignInAddressKeyId = 2;

    /// <summary>Subject key ids start here so they never collide with reserved ids.</summary>
    public const uint FirstSubjectKeyId = 0x100;

    private const byte WrapVersion = 1;
    private const int WrappedLength = 1 + 12 + 32 + 16;
    private static readonly byte[] IndexLabel = Encoding.ASCII.GetBytes("custodian.v1.blind-index");
    private static readonly byte[] AuditLabel = Encoding.ASCII.GetBytes("custodian.v1.audit-checkpoint");
    private static readonly byte[] HoldLabel = Encoding.ASCII.GetBytes("custodian.v1.hold");
    private static readonly byte[] SignInCodeLabel = Encoding.ASCII.GetBytes("custodian.v1.sign-in-code");
    private static readonly byte[] SignInAddressLabel = Encoding.ASCII.GetBytes("custodian.v1.sign-in-address");
    private static readonly byte[] UiKeyRingLabel = Encoding.ASCII.GetBytes("custodian.v1.ui-key-ring");
    private static readonly byte[] WrapLabel = Encoding.ASCII.GetBytes("custodian.v1.subject-key\0");

    private readonly byte[] _indexKey;
    private readonly byte[] _auditKey;
    private readonly byte[] _holdKey;
    private readonly byte[] _signInCodeKey;
    private readonly byte[] _signInAddressKey;
    private readonly byte[] _uiKeyRingKey;
    private readonly AesGcm _wrap;

    // AesGcm keeps one native cipher context; concurrent requests unwrapping keys must not share it at the same time.
    private readonly Lock _wrapGate = new();

    /// <summary>Derives the ring from a master key.</summary>
    public KeyRing(MasterKey masterKey)
        : this(BytesOf(masterKey))
    {
    }

    /// <summary>Derives the ring from 32 master key bytes.</summary>
    /// <exception cref="MasterKeyException">The key is not 32 bytes.</exception>
    public KeyRing(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != MasterKey.Length)
        {
            throw new MasterKeyException($"The master key must be exactly {MasterKey.Length} bytes.");
        }

        _indexKey = Derive(masterKey, IndexLabel);
        _auditKey = Derive(masterKey, AuditLabel);
        _holdKey = Derive(masterKey, HoldLabel);
        _signInCodeKey = Derive(masterKey, SignInCodeLabel);
        _signInAddressKey = Derive(masterKey, SignInAddressLabel);
        _uiKeyRingKey = Derive(masterKey, UiKeyRingLabel);
        _wrap = new AesGcm(masterKey, 16);
    }

    /// <summary>The key blind indexes are computed under.</summary>
    public ReadOnlySpan<byte> IndexKey => _indexKey;

    /// <summary>The key audit checkpoints are signed with.</summary>
    public ReadOnlySpan<byte> AuditKey => _auditKey;

    /// <summary>The key data kept under a legal duty is sealed with; it survives crypto-shredding of subjects.</summary>
    public ReadOnlySpan<byte> HoldKey => _holdKey;

    /// <summary>The HMAC key sign-in codes are kept under, so a code can be checked by any server and read by none.</summary>
    public ReadOnlySpan<byte> SignInCodeKey => _signInCodeKey;

    /// <summary>The AES-GCM key the server's session key ring (cookies, antiforgery and visitor tokens) is sealed with in the store.</summary>
    public ReadOnlySpan<byte> UiKeyRingKey => _uiKeyRingKey;

    /// <summary>A blind index under <see cref="IndexKey"/>.</summary>
    public BlindIndex CreateBlindIndex() => new(_indexKey);

    /// <summary>A sealer for data under a legal duty.</summary>
    public RecordSealer CreateHoldSealer() => new(HoldKeyId, _holdKey);

    /// <summary>A sealer for the address a pending sign-in code was sent to.</summary>
    public RecordSealer CreateSignInAddressSealer() => new(SignInAddressKeyId, _signInAddressKey);

    /// <summary>Creates a random data key for <paramref name="subjectId"/> and wraps it under the master key.</summary>
    public SubjectDataKey CreateSubjectKey(string subjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        Span<byte> idBytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(idBytes);
        var keyId = Math.Max(BinaryPrimitives.ReadUInt32BigEndian(idBytes), FirstSubjectKeyId);
        var key = RandomNumberGenerator.GetBytes(32);
        var wrapped = new byte[WrappedLength];
        wrapped[0] = WrapVersion;
        var nonce = wrapped.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        lock (_wrapGate) _wrap.Encrypt(nonce, key, wrapped.AsSpan(13, 32), wrapped.AsSpan(45, 16), WrapAssociatedData(subjectId, keyId));
        return new SubjectDataKey(keyId, key, wrapped);
    }

    /// <summary>Unwraps a subject's data key and returns a sealer for it.</summary>
    /// <exception cref="SealedValueException">The wrapped key is malformed, altered, or belongs to another subject.</exception>
    public RecordSealer OpenSubjectKey(string subjectId, uint keyId, ReadOnlySpan<byte> wrapped)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        if (wrapped.Length != WrappedLength || wrapped[0] != WrapVersion)
        {
            throw new SealedValueException(SealedValueException.MalformedCode, "The wrapped subject key is malformed.");
        }

        Span<byte> key = stackalloc byte[32];
        try
        {
            lock (_wrapGate) _wrap.Decrypt(wrapped.Slice(1, 12), wrapped.Slice(13, 32), wrapped.Slice(45, 16), key, WrapAssociatedData(subjectId, keyId));
            return new RecordSealer(keyId, key);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SealedValueException(SealedValueException.AuthenticationFailedCode, "The wrapped subject key does not belong to this subject or was altered.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Zeroes the derived keys.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_indexKey);
        CryptographicOperations.ZeroMemory(_auditKey);
        CryptographicOperations.ZeroMemory(_holdKey);
        CryptographicOperations.ZeroMemory(_signInCodeKey);
        CryptographicOperations.ZeroMemory(_signInAddressKey);
        CryptographicOperations.ZeroMemory(_uiKeyRingKey);
        _wrap.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => "KeyRing";

    private static ReadOnlySpan<byte> BytesOf(MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        return masterKey.Bytes;
    }

    private static byte[] Derive(ReadOnlySpan<byte> masterKey, byte[] label)
    {
        var output = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, output, ReadOnlySpan<byte>.Empty, label);
        return output;
    }

    // The associated data is the subject id (with the key id and a label), so a wrapped key copied to another subject fails.
    private static byte[] WrapAssociatedData(string subjectId, uint keyId)
    {
        var subject = Encoding.UTF8.GetBytes(subjectId);
        var aad = new byte[WrapLabel.Length + 4 + subject.Length];
        WrapLabel.CopyTo(aad, 0);
        BinaryPrimitives.WriteUInt32BigEndian(aad.AsSpan(WrapLabel.Length), keyId);
        subject.CopyTo(aad, WrapLabel.Length + 4);
        return aad;
    }
}
