using System.Security.Cryptography;
using System.Text.Json;
using Custodian.Storage;

namespace Custodian.Retention;

/// <summary>
/// The management private key that opens archives (IS7). It belongs off the server: the service never loads it; only
/// <c>custodian archive open</c> does, on a machine management controls.
/// </summary>
public sealed class ArchivePrivateKey : IDisposable
{
    private readonly RSA _rsa;

    private ArchivePrivateKey(RSA rsa)
    {
        _rsa = rsa;
        Fingerprint = SHA256.HashData(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>SHA-256 of the matching public key; equals <see cref="StoredArchive.KeyFingerprint"/> of archives it opens.</summary>
    public byte[] Fingerprint { get; }

    /// <summary>Creates a new 3072-bit RSA key pair.</summary>
    public static ArchivePrivateKey Generate() => new(RSA.Create(3072));

    /// <summary>Reads a PEM <c>PRIVATE KEY</c> (PKCS#8 RSA).</summary>
    /// <exception cref="ArgumentException">The text is not an RSA private key.</exception>
    public static ArchivePrivateKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            rsa.ExportParameters(includePrivateParameters: true);
            return new ArchivePrivateKey(rsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException("The file is not a PEM 'PRIVATE KEY' for RSA; use the archive-private.pem written by 'custodian keys archive-keypair'.", nameof(pem), e);
        }
    }

    /// <summary>The public half as PEM, for <c>archive-public.pem</c>.</summary>
    public string ExportPublicPem() => _rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>The private key as PKCS#8 PEM.</summary>
    public string ExportPrivatePem() => _rsa.ExportPkcs8PrivateKeyPem();

    /// <summary>The public half as a key the service can seal with.</summary>
    public ArchivePublicKey PublicKey() => ArchivePublicKey.FromPem(ExportPublicPem());

    /// <summary>Opens every item of an archive sealed to this key.</summary>
    /// <exception cref="CryptographicException">The archive was sealed to another key, or an item was altered.</exception>
    public IReadOnlyList<ArchivedValue> Open(StoredArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (!CryptographicOperations.FixedTimeEquals(archive.KeyFingerprint, Fingerprint))
            throw new CryptographicException($"Archive {archive.ArchiveId} was sealed to another management key (fingerprint {Convert.ToHexString(archive.KeyFingerprint, 0, 8)}…, this key {Convert.ToHexString(Fingerprint, 0, 8)}…).");
        var key = _rsa.Decrypt(archive.WrappedKey, RSAEncryptionPadding.OaepSHA256);
        try
        {
            using var aes = new AesGcm(key, ArchiveFormat.TagLength);
            var values = new List<ArchivedValue>(archive.Items.Count);
            foreach (var item in archive.Items)
            {
                var sealedValue = item.Sealed.AsSpan();
                var length = sealedValue.Length - ArchiveFormat.NonceLength - ArchiveFormat.TagLength;
                if (length < 0) throw new CryptographicException($"Archive {archive.ArchiveId} item {item.RecordId} is truncated.");
                var plain = new byte[length];
                aes.Decrypt(sealedValue[..ArchiveFormat.NonceLength], sealedValue.Slice(ArchiveFormat.NonceLength, length), sealedValue[^ArchiveFormat.TagLength..], plain, ArchiveFormat.AssociatedData(archive.ArchiveId, item.RecordId));
                values.Add(JsonSerializer.Deserialize<ArchivedValue>(plain, ArchiveFormat.Json)
                    ?? throw new CryptographicException($"Archive {archive.ArchiveId} item {item.RecordId} is empty."));
                CryptographicOperations.ZeroMemory(plain);
            }

            return values;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();

    /// <inheritdoc />
    public override string ToString() => "ArchivePrivateKey " + Convert.ToHexString(Fingerprint, 0, 8);
}
