using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Custodian.Crypto;

/// <summary>
/// Keyed HMAC-SHA256 of a normalised lookup key, so subjects can be found by e-mail, phone or user
/// name while the store holds none of them. Normalisation makes equal keys written differently
/// (case, spacing, <c>00</c> versus <c>+</c>) match; the kind is hashed too, so an e-mail and a user
/// name with the same text never collide.
/// </summary>
public sealed class BlindIndex
{
    /// <summary>Length of an index value in bytes.</summary>
    public const int Length = 32;

    private readonly byte[] _key;

    /// <summary>Creates an index under a 32-byte key (normally <see cref="KeyRing.IndexKey"/>).</summary>
    public BlindIndex(ReadOnlySpan<byte> key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The index key must be at least 32 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Normalises and indexes a lookup key.</summary>
    /// <param name="kind">The kind of key.</param>
    /// <param name="value">The raw value as the person typed it.</param>
    /// <param name="defaultCountryCallingCode">For phones: the calling code (digits, e.g. <c>45</c>) for national numbers.</param>
    /// <exception cref="LookupKeyFormatException">The value cannot be normalised.</exception>
    public byte[] Compute(LookupKind kind, string value, string? defaultCountryCallingCode = null)
    {
        var normalised = Normalise(kind, value, defaultCountryCallingCode);
        var length = 1 + Encoding.UTF8.GetByteCount(normalised);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer[0] = (byte)kind;
            Encoding.UTF8.GetBytes(normalised, buffer.AsSpan(1));
            return HMACSHA256.HashData(_key, buffer.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The normal form of a lookup key of <paramref name="kind"/>.</summary>
    /// <exception cref="LookupKeyFormatException">The value cannot be normalised.</exception>
    public static string Normalise(LookupKind kind, string value, string? defaultCountryCallingCode = null) => kind switch
    {
        LookupKind.Email => NormaliseEmail(value),
        LookupKind.Phone => NormalisePhone(value, defaultCountryCallingCode),
        LookupKind.UserName => NormaliseUserName(value),
        LookupKind.MacAddress => NormaliseMacAddress(value),
        LookupKind.WifiNetwork => NormaliseUserName(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown lookup kind."),
    };

    /// <summary>Strips separators (':', '-', '.') from a MAC address and lower-cases it: twelve hex digits.</summary>
    /// <exception cref="LookupKeyFormatException">Not twelve hex digits.</exception>
    public static string NormaliseMacAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normal = new string(value.Trim().Where(c => c is not (':' or '-' or '.')).ToArray()).ToLowerInvariant();
        if (normal.Length != 12 || !normal.All(char.IsAsciiHexDigit))
            throw new LookupKeyFormatException("A MAC address needs twelve hexadecimal digits, optionally separated by ':', '-' or '.'.");
        return normal;
    }

    /// <summary>Trims, lower-cases (invariant) and NFC-normalises an e-mail address.</summary>
    /// <exception cref="LookupKeyFormatException">Empty, or not of the form <c>local@domain</c>.</exception>
    public static string NormaliseEmail(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normal = value.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var at = normal.LastIndexOf('@');
        if (at <= 0 || at == normal.Length - 1 || normal.Any(char.IsWhiteSpace))
        {
            throw new LookupKeyFormatException("An e-mail lookup key must have the form local@domain without spaces.");
        }

        return normal;
    }

    /// <summary>
    /// Normalises a phone number to E.164: strips spaces, dashes, dots and parentheses, turns a
    /// leading <c>00</c> into <c>+</c>, and for a national number (no <c>+</c>) prefixes
    /// <paramref name="defaultCountryCallingCode"/> after dropping one leading trunk <c>0</c>.
    /// </summary>
    /// <exception cref="LookupKeyFormatException">Other characters, no country code, or not 8–15 digits.</exception>
    public static string NormalisePhone(string value, string? defaultCountryCallingCode = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 4);
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '-' or '(' or ')' or '.' or '\u00a0')
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '+' && builder.Length == 0))
            {
                builder.Append(c);
                continue;
            }

            throw new LookupKeyFormatException("A phone lookup key may hold only digits, a leading '+', spaces, dashes, dots and parentheses.");
        }

        var digits = builder.ToString();
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = "+" + digits[2..];
        }
        else if (!digits.StartsWith('+'))
        {
            if (string.IsNullOrEmpty(defaultCountryCallingCode))
            {
                throw new LookupKeyFormatException("A phone lookup key needs a leading '+' or '00' and country calling code, or a default country calling code.");
            }

            var code = defaultCountryCallingCode.TrimStart('+');
            if (code.Length is < 1 or > 3 || !code.All(char.IsAsciiDigit) || code[0] == '0')
            {
                throw new LookupKeyFormatException("A default country calling code must be 1 to 3 digits not starting with 0.");
            }

            digits = "+" + code + (digits.StartsWith('0') ? digits[1..] : digits);
        }

        var count = digits.Length - 1;
        if (count is < 8 or > 15 || digits[1] == '0')
        {
            throw new LookupKeyFormatException("A phone lookup key must have 8 to 15 digits after '+' and a country calling code not starting with 0.");
        }

        return digits;
    }

    /// <summary>Trims, NFKC-normalises and lower-cases (invariant) a user name.</summary>
    /// <exception cref="LookupKeyFormatException">The name is empty.</exception>
    public static string NormaliseUserName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var normal = value.Trim().Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        if (normal.Length == 0)
        {
            throw new LookupKeyFormatException("A user name lookup key must not be empty.");
        }

        return normal;
    }
}
