using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Custodian.Audit;

/// <summary>
/// The only shape of text an audit entry accepts: an id, key or code of at most 128 characters
/// from <c>[A-Za-z0-9_.:/-]</c>, holding a letter unless it is at most 6 characters long.
/// That rules out e-mail addresses (<c>@</c>), names with spaces, phone numbers (<c>+</c> or long
/// digit runs), card and national id numbers, so personal values cannot reach the log by mistake.
/// Callers put policy keys, pseudonymous subject ids, API key ids and reason codes here.
/// </summary>
public static class AuditToken
{
    /// <summary>Longest accepted token.</summary>
    public const int MaxLength = 128;

    private const int MaxLetterFreeLength = 6;

    /// <summary>The rule in words, for messages that ask for a token (a code, not free text).</summary>
    public const string Rule = "letters, digits and _ . : / - only, 1 to 128 characters, with a letter unless at most 6 long";

    /// <summary>True when <paramref name="value"/> is an acceptable token.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var hasLetter = false;
        foreach (var c in value)
        {
            if (char.IsAsciiLetter(c))
            {
                hasLetter = true;
            }
            else if (!char.IsAsciiDigit(c) && c is not ('_' or '.' or ':' or '/' or '-'))
            {
                return false;
            }
        }

        return hasLetter || value.Length <= MaxLetterFreeLength;
    }

    /// <summary>Returns <paramref name="value"/> when it is a valid token.</summary>
    /// <exception cref="ArgumentException">The value is not a token; the message does not repeat it.</exception>
    public static string Require(string? value, string parameterName)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"Audit field '{parameterName}' accepts only ids, keys and codes ([A-Za-z0-9_.:/-], at most {MaxLength} characters, with a letter unless at most {MaxLetterFreeLength} long); personal values never go into the audit log.",
                parameterName);
        }

        return value;
    }

    /// <summary>
    /// A number the vault computed (a count, a parameter) as a token: its plain decimal form when that is a token (at most
    /// 6 characters), else the same number exactly in scientific notation (<c>1234567</c> as <c>1.234567E6</c>,
    /// <c>0.333333</c> as <c>3.33333E-1</c>), which carries a letter and reads back with any number parser.
    /// Only for figures the vault computed: personal numbers never go into the audit log.
    /// </summary>
    public static string Number(long value) => Number(value.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc cref="Number(long)"/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    public static string Number(double value) =>
        double.IsFinite(value) ? Number(value.ToString("R", CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(value), "An audit number must be finite.");

    private static string Number(string plain)
    {
        if (IsValid(plain)) return plain;
        if (plain.Contains('E', StringComparison.Ordinal)) return plain.Replace("E+", "E", StringComparison.Ordinal);
        var negative = plain.StartsWith('-');
        var unsigned = negative ? plain[1..] : plain;
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        if (point < 0) point = unsigned.Length;
        var digits = unsigned.Replace(".", "", StringComparison.Ordinal);
        var first = digits.AsSpan().IndexOfAnyExcept('0');
        if (first < 0) return "0";
        var significant = digits[first..].TrimEnd('0');
        var mantissa = significant.Length == 1 ? significant : significant[0] + "." + significant[1..];
        return (negative ? "-" : "") + mantissa + "E" + (point - first - 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Like <see cref="Require"/>, allowing null.</summary>
    /// <exception cref="ArgumentException">The value is not null and not a token.</exception>
    public static string? RequireOptional(string? value, string parameterName) =>
        value is null ? null : Require(value, parameterName);
}
