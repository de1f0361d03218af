using System.Security.Cryptography;
using System.Text.Json;
using Custodian.Storage;

namespace Custodian.Retention;

/// <summary>
/// The management public key archives are sealed to (IS7). The running service holds only this half: it can write an
/// archive and cannot read one. Each archive gets a fresh AES-256-GCM key, wrapped with RSA-OAEP-SHA256.
/// </summary>
public sealed class ArchivePublicKey : IDisposable
{
    /// <summary>The scheme name written into every archive.</summary>
    public const string Algorithm = "RSA-OAEP-256+A256GCM";

    /// <summary>The file name looked for in the data directory when no path is given.</summary>
    public const string DefaultFileName = "archive-public.pem";

    private readonly RSA _rsa;

    private ArchivePublicKey(RSA rsa)
    {
        _rsa = rsa;
        Fingerprint = SHA256.HashData(rsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>SHA-256 of the key's SubjectPublicKeyInfo, stored with each archive to find the matching private key.</summary>
    public byte[] Fingerprint { get; }

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> (RSA, at least 2048 bits).</summary>
    /// <exception cref="ArgumentException">The text is not an RSA public key of at least 2048 bits.</exception>
    public static ArchivePublicKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException("The archive public key is not a PEM 'PUBLIC KEY' for RSA; create one with 'custodian keys archive-keypair --out DIR'.", nameof(pem), e);
        }

        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            throw new ArgumentException($"The archive public key has {rsa.KeySize} bits; use at least 2048 (the generated pair has 3072).", nameof(pem));
        }

        return new ArchivePublicKey(rsa);
    }

    /// <summary>
    /// The key at <paramref name="path"/> when given, else <c>archive-public.pem</c> in <paramref name="dataDirectory"/>
    /// when it exists, else null (archiving then waits until a key is configured).
    /// </summary>
    /// <exception cref="ArgumentException">A named file is missing or is not a valid key.</exception>
    public static ArchivePublicKey? Find(string dataDirectory, string? path)
    {
        if (!string.IsNullOrEmpty(path))
        {
            if (!File.Exists(path)) throw new ArgumentException($"The archive public key file '{path}' does not exist; create a pair with 'custodian keys archive-keypair --out DIR'.", nameof(path));
            return FromPem(File.ReadAllText(path));
        }

        var inData = Path.Combine(dataDirectory, DefaultFileName);
        return File.Exists(inData) ? FromPem(File.ReadAllText(inData)) : null;
    }

    /// <summary>Seals values into a new archive under a fresh key that only the private key can unwrap.</summary>
    public StoredArchive Seal(string archiveId, DateTimeOffset at, IReadOnlyList<ArchivedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var aes = new AesGcm(key, ArchiveFormat.TagLength);
            var items = new List<ArchivedItem>(values.Count);
            foreach (var value in values)
            {
                var plain = JsonSerializer.SerializeToUtf8Bytes(value, ArchiveFormat.Json);
                var sealedValue = new byte[ArchiveFormat.NonceLength + plain.Length + ArchiveFormat.TagLength];
                var nonce = sealedValue.AsSpan(0, ArchiveFormat.NonceLength);
                RandomNumberGenerator.Fill(nonce);
                aes.Encrypt(nonce, plain, sealedValue.AsSpan(ArchiveFormat.NonceLength, plain.Length), sealedValue.AsSpan(ArchiveFormat.NonceLength + plain.Length), ArchiveFormat.AssociatedData(archiveId, value.RecordId));
                CryptographicOperations.ZeroMemory(plain);
                items.Add(new ArchivedItem(value.RecordId, value.SubjectId, value.CategoryKey, value.PurposeKey, value.RuleId, value.CollectedAt, sealedValue));
            }

            return new StoredArchive(archiveId, at, Algorithm, Fingerprint, _rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA256), items);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();

    /// <inheritdoc />
    public override string ToString() => "ArchivePublicKey " + Convert.ToHexString(Fingerprint, 0, 8);

}
