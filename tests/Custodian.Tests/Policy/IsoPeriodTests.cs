using Custodian.Policy;

namespace Custodian.Tests.Policy;

public sealed class IsoPeriodTests
{
    [Theory]
    [InlineData("P30D", 0, 0, 0, 30)]
    [InlineData("P2M", 0, 2, 0, 0)]
    [InlineData("P5Y", 5, 0, 0, 0)]
    [InlineData("P1Y6M", 1, 6, 0, 0)]
    [InlineData("P2W", 0, 0, 2, 0)]
    [InlineData("P1Y2M3W4D", 1, 2, 3, 4)]
    [InlineData("P0D", 0, 0, 0, 0)]
    public void TryParse_ValidDuration_ReturnsItsParts(string text, int years, int months, int weeks, int days)
    {
        // Act
        var parsed = IsoPeriod.TryParse(text, out var period);

        // Assert
        Assert.True(parsed);
        Assert.Equal(new IsoPeriod(years, months, weeks, days), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("P")]
    [InlineData("30D")]
    [InlineData("p30d")]
    [InlineData("PT1H")]
    [InlineData("P1M1Y")]
    [InlineData("P-1D")]
    [InlineData("1 month")]
    [InlineData("P1.5Y")]
    public void TryParse_InvalidDuration_ReturnsFalse(string? text)
    {
        // Act
        var parsed = IsoPeriod.TryParse(text, out _);

        // Assert
        Assert.False(parsed);
    }

    [Fact]
    public void Parse_InvalidDuration_ThrowsFormatExceptionWithExamples()
    {
        // Act
        var exception = Assert.Throws<FormatException>(() => IsoPeriod.Parse("two months"));

        // Assert
        Assert.Contains("P2M", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-31", "P1M", "2024-02-29")]
    [InlineData("2023-01-31", "P1M", "2023-02-28")]
    [InlineData("2024-02-29", "P1Y", "2025-02-28")]
    [InlineData("2024-02-29", "P4Y", "2028-02-29")]
    [InlineData("2024-03-31", "P1M", "2024-04-30")]
    [InlineData("2023-12-15", "P30D", "2024-01-14")]
    [InlineData("2024-01-01", "P2W", "2024-01-15")]
    [InlineData("2023-01-31", "P1Y1M", "2024-02-29")]
    [InlineData("2024-02-29", "P1Y1M", "2025-03-29")]
    [InlineData("2024-12-31", "P2M", "2025-02-28")]
    public void AddTo_Date_CountsCalendarMonthsAndYears(string start, string period, string expected)
    {
        // Arrange
        var from = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var end = IsoPeriod.Parse(period).AddTo(from);

        // Assert
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), end);
    }

    [Fact]
    public void AddTo_Instant_KeepsTimeOfDayAndOffset()
    {
        // Arrange
        var start = new DateTimeOffset(2024, 1, 31, 13, 45, 0, TimeSpan.FromHours(1));

        // Act
        var end = IsoPeriod.Parse("P1M").AddTo(start);

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 13, 45, 0, TimeSpan.FromHours(1)), end);
    }

    [Theory]
    [InlineData("P1Y6M")]
    [InlineData("P30D")]
    [InlineData("P2W")]
    [InlineData("P0D")]
    public void ToString_ParsedDuration_RoundTrips(string text)
    {
        // Act
        var written = IsoPeriod.Parse(text).ToString();

        // Assert
        Assert.Equal(text, written);
    }
}
