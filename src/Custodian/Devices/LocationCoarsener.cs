using System.Globalization;

namespace Custodian.Devices;

/// <summary>
/// Coarsens a precise location ("55.6761,12.5683") to a grid of a given size, so a person who allows only approximate
/// location is never stored more precisely than they chose.
/// </summary>
public static class LocationCoarsener
{
    private const double KilometresPerDegree = 111.32;

    /// <summary>The location snapped to the centre of its grid cell, or null when the text is not "latitude,longitude".</summary>
    public static string? Coarsen(string value, double precisionKm)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180 || precisionKm <= 0)
        {
            return null;
        }

        var latitudeStep = precisionKm / KilometresPerDegree;
        var coarseLatitude = (Math.Floor(latitude / latitudeStep) + 0.5) * latitudeStep;
        var longitudeStep = precisionKm / (KilometresPerDegree * Math.Max(0.01, Math.Cos(coarseLatitude * Math.PI / 180)));
        var coarseLongitude = (Math.Floor(longitude / longitudeStep) + 0.5) * longitudeStep;
        var decimals = precisionKm >= 10 ? 1 : precisionKm >= 1 ? 2 : 3;
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(coarseLatitude, decimals)},{Math.Round(coarseLongitude, decimals)}");
    }
}
