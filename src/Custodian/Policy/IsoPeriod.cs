using System.Globalization;
using System.Text.RegularExpressions;

namespace Custodian.Policy;

/// <summary>
/// An ISO 8601 duration (<c>P2M</c>, <c>P5Y</c>, <c>P30D</c>, <c>P1Y6M</c>) applied with calendar arithmetic:
/// one month after 31 January is the last day of February, as a privacy officer would count it.
/// </summary>
public readonly partial record struct IsoPeriod(int Years, int Months, int Weeks, int Days)
{
    /// <summary>Parses an ISO 8601 date duration; time parts are not used by retention or deadlines.</summary>
    public static bool TryParse(string? text, out IsoPeriod period)
    {
        period = default;
        if (string.IsNullOrEmpty(text)) return false;
        var match = Pattern().Match(text);
        if (!match.Success || text == "P") return false;
        static int Part(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        period = new IsoPeriod(Part(match.Groups["y"]), Part(match.Groups["m"]), Part(match.Groups["w"]), Part(match.Groups["d"]));
        return true;
    }

    /// <summary>Parses an ISO 8601 duration or throws <see cref="FormatException"/>.</summary>
    public static IsoPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not an ISO 8601 duration such as P30D, P2M or P5Y.");

    /// <summary>
    /// The instant this long after <paramref name="start"/>. Years and months are added as one count of months, so
    /// P1Y1M after 29 February 2024 is 29 March 2025 (not the 28th, as adding the year first would give).
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddMonths((Years * 12) + Months).AddDays((Weeks * 7) + Days);

    /// <summary>The date this long after <paramref name="start"/>, counted like <see cref="AddTo(DateTimeOffset)"/>.</summary>
    public DateOnly AddTo(DateOnly start) => start.AddMonths((Years * 12) + Months).AddDays((Weeks * 7) + Days);

    /// <summary>A rough length in days, only for ordering periods (longer retention is a material change).</summary>
    public double ApproximateDays => (Years * 365.2425) + (Months * 30.436875) + (Weeks * 7) + Days;

    /// <summary>Whether the period is zero.</summary>
    public bool IsZero => Years == 0 && Months == 0 && Weeks == 0 && Days == 0;

    /// <inheritdoc />
    public override string ToString()
    {
        if (IsZero) return "P0D";
        var text = "P";
        if (Years != 0) text += $"{Years}Y";
        if (Months != 0) text += $"{Months}M";
        if (Weeks != 0) text += $"{Weeks}W";
        if (Days != 0) text += $"{Days}D";
        return text;
    }

    [GeneratedRegex(@"^P(?:(?<y>\d{1,4})Y)?(?:(?<m>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
