using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Custodian.Server.Ui.Sessions;

/// <summary>Opens what <see cref="KeyRingXmlEncryptor"/> sealed. Data protection creates it by name, with the service provider.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    /// <inheritdoc />
    /// <exception cref="CryptographicException">The element is not one this server sealed, was altered, or was sealed under another master key.</exception>
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        if (encryptedElement.Name != KeyRingXmlEncryptor.SealedName) throw new CryptographicException("The session key element is not sealed by Custodian.");
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The sealed session key is malformed.", e);
        }

        const int Overhead = 1 + KeyRingXmlEncryptor.NonceLength + KeyRingXmlEncryptor.TagLength;
        if (sealedBytes.Length < Overhead || sealedBytes[0] != KeyRingXmlEncryptor.Version) throw new CryptographicException("The sealed session key is malformed.");
        var length = sealedBytes.Length - Overhead;
        var plaintext = new byte[length];
        try
        {
            var runtime = services.GetRequiredService<CustodianRuntime>();
            using var aes = new AesGcm(runtime.KeyRing.UiKeyRingKey, KeyRingXmlEncryptor.TagLength);
            aes.Decrypt(
                sealedBytes.AsSpan(1, KeyRingXmlEncryptor.NonceLength),
                sealedBytes.AsSpan(1 + KeyRingXmlEncryptor.NonceLength, length),
                sealedBytes.AsSpan(1 + KeyRingXmlEncryptor.NonceLength + length),
                plaintext,
                KeyRingXmlEncryptor.AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
