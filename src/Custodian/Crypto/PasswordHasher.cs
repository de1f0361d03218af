using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Custodian.Crypto;

/// <summary>
/// Hashes passwords with PBKDF2-SHA256 and a random 16-byte salt into the self-describing string
/// <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;b64 salt&gt;$&lt;b64 hash&gt;</c>. The iteration count is read
/// back from the string, so stored hashes keep verifying when the count is raised, and
/// <see cref="NeedsRehash"/> says when to re-hash on the next successful login.
/// </summary>
public static class PasswordHasher
{
    /// <summary>The iteration count for new hashes (OWASP 2023 guidance for PBKDF2-HMAC-SHA256).</summary>
    public const int Iterations = 600_000;

    /// <summary>The scheme prefix.</summary>
    public const string Scheme = "pbkdf2-sha256";

    private const int SaltLength = 16;
    private const int HashLength = 32;

    // Guards against a stored string that asks for absurd work.
    private const int MaxIterations = 10_000_000;

    /// <summary>Hashes <paramref name="password"/> with a fresh salt.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> salt = stackalloc byte[SaltLength];
        RandomNumberGenerator.Fill(salt);
        Span<byte> hash = stackalloc byte[HashLength];
        Rfc2898DeriveBytes.Pbkdf2(password, salt, hash, Iterations, HashAlgorithmName.SHA256);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="encoded"/>; compares in constant time.</summary>
    /// <exception cref="FormatException">The encoded string is not a hash this class made.</exception>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        var (iterations, salt, expected) = Parse(encoded);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The iteration count a stored hash was made with.</summary>
    /// <exception cref="FormatException">The encoded string is not a hash this class made.</exception>
    public static int ReadIterations(string encoded) => Parse(encoded).Iterations;

    /// <summary>True when a stored hash uses fewer iterations than <see cref="Iterations"/>.</summary>
    /// <exception cref="FormatException">The encoded string is not a hash this class made.</exception>
    public static bool NeedsRehash(string encoded) => ReadIterations(encoded) < Iterations;

    private static (int Iterations, byte[] Salt, byte[] Hash) Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            throw new FormatException($"A password hash must have the form {Scheme}$iterations$salt$hash.");
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1 || iterations > MaxIterations)
        {
            throw new FormatException("The password hash iteration count is not valid.");
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var hash = Convert.FromBase64String(parts[3]);
            if (salt.Length < 8 || hash.Length < 16)
            {
                throw new FormatException("The password hash salt or hash is too short.");
            }

            return (iterations, salt, hash);
        }
        catch (FormatException ex) when (ex.Message.StartsWith("The input", StringComparison.Ordinal))
        {
            throw new FormatException("The password hash salt or hash is not valid base64.", ex);
        }
    }
}
