using System.Globalization;

namespace Custodian.Retention;

/// <summary>
/// The coarse class an anonymised value is counted under (IS9): a number becomes the band of its leading digit
/// (<c>73.4</c> → <c>70-80</c>, <c>1234</c> → <c>1000-2000</c>, below 1 → <c>0-1</c>), a yes/no value stays as
/// <c>true</c>/<c>false</c>, anything else is just <c>text</c>. No class can single a person out.
/// </summary>
public static class AnonymousValueClass
{
    /// <summary>The class of <paramref name="value"/>.</summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            var magnitude = Math.Abs(number);
            if (magnitude < 1) return number < 0 ? "-1-0" : "0-1";
            var step = Math.Pow(10, Math.Floor(Math.Log10(magnitude)));
            var lower = Math.Floor(magnitude / step) * step;
            var band = string.Create(CultureInfo.InvariantCulture, $"{lower:0}-{lower + step:0}");
            return number < 0 ? "-(" + band + ")" : band;
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" => "true",
            "FALSE" or "NO" or "OFF" => "false",
            _ => "text",
        };
    }
}
