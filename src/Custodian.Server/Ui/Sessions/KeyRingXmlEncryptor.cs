using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Custodian.Server.Ui.Sessions;

/// <summary>
/// Seals the secret part of each session key with AES-256-GCM under <see cref="Crypto.KeyRing.UiKeyRingKey"/>, a key
/// derived from the master key, so the key ring in the store is useless without the master key and every server holding
/// the master key opens it. The sealed form is <c>version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)</c>, base64, in one element.
/// </summary>
public sealed class KeyRingXmlEncryptor(CustodianRuntime runtime) : IXmlEncryptor
{
    /// <summary>The namespace of the sealed element.</summary>
    public static readonly XNamespace Namespace = "urn:custodian:ui-key-ring";

    /// <summary>The sealed element's name.</summary>
    public static readonly XName SealedName = Namespace + "sealed";

    internal const byte Version = 1;
    internal const int NonceLength = 12;
    internal const int TagLength = 16;
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("custodian.v1.ui-key-ring.element");

    /// <inheritdoc />
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[1 + NonceLength + plaintext.Length + TagLength];
        try
        {
            sealedBytes[0] = Version;
            var nonce = sealedBytes.AsSpan(1, NonceLength);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(runtime.KeyRing.UiKeyRingKey, TagLength);
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(1 + NonceLength, plaintext.Length), sealedBytes.AsSpan(1 + NonceLength + plaintext.Length), AssociatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        return new EncryptedXmlInfo(new XElement(SealedName, Convert.ToBase64String(sealedBytes)), typeof(KeyRingXmlDecryptor));
    }
}
