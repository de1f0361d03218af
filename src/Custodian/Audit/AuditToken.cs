using System.Diagnostics.CodeAnalysis;

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

    /// <summary>Like <see cref="Require"/>, allowing null.</summary>
    /// <exception cref="ArgumentException">The value is not null and not a token.</exception>
    public static string? RequireOptional(string? value, string parameterName) =>
        value is null ? null : Require(value, parameterName);
}
