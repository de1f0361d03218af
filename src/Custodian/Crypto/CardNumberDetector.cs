namespace Custodian.Crypto;

/// <summary>
/// Recognises payment card numbers (13–19 digits, optionally grouped by spaces or dashes, passing
/// the Luhn check) so the vault can refuse card data in categories not flagged for it.
/// </summary>
public static class CardNumberDetector
{
    /// <summary>True when <paramref name="text"/> is, as a whole, a Luhn-valid card number.</summary>
    public static bool IsCardNumber(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]))
        {
            return false;
        }

        Span<byte> digits = stackalloc byte[19];
        var count = 0;
        var previousWasSeparator = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = (byte)(c - '0');
                previousWasSeparator = false;
            }
            else if ((c == ' ' || c == '-') && !previousWasSeparator)
            {
                previousWasSeparator = true;
            }
            else
            {
                return false;
            }
        }

        return count >= 13 && PassesLuhn(digits[..count]);
    }

    private static bool PassesLuhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i];
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
