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

    /// <summary>
    /// True when <paramref name="text"/> holds a card number anywhere: "paid with 4111 1111 1111 1111, exp 12/27".
    /// Digit groups joined by single spaces or dashes are tried in every run of consecutive groups of 13–19 digits.
    /// </summary>
    public static bool ContainsCardNumber(ReadOnlySpan<char> text)
    {
        Span<int> groupStarts = stackalloc int[20];
        Span<int> groupLengths = stackalloc int[20];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            // Collect a run of digit groups separated by single spaces or dashes.
            var groups = 0;
            var j = i;
            while (j < text.Length && groups < groupStarts.Length)
            {
                var start = j;
                while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
                groupStarts[groups] = start;
                groupLengths[groups++] = j - start;
                if (j + 1 < text.Length && text[j] is ' ' or '-' && char.IsAsciiDigit(text[j + 1])) j++;
                else break;
            }

            for (var first = 0; first < groups; first++)
            {
                var digits = 0;
                for (var last = first; last < groups && digits < 19; last++)
                {
                    digits += groupLengths[last];
                    if (digits is >= 13 and <= 19)
                    {
                        var end = groupStarts[last] + groupLengths[last];
                        if (IsCardNumber(text[groupStarts[first]..end])) return true;
                    }
                }
            }

            i = j + 1;
        }

        return false;
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
