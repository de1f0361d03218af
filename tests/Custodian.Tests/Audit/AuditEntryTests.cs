using Custodian.Audit;

namespace Custodian.Tests.Audit;

public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("+4512345678")]
    [InlineData("4512345678")]
    [InlineData("Ada Lovelace")]
    [InlineData("4111111111111111")]
    [InlineData("")]
    public void Personal_looking_values_are_refused_in_every_text_field(string value)
    {
        Assert.Throws<ArgumentException>(() => new AuditEntry(At, value, "record.read"));
        Assert.Throws<ArgumentException>(() => new AuditEntry(At, "system", "record.read") { SubjectId = value });
        Assert.Throws<ArgumentException>(() => new AuditEntry(At, "system", "record.read") { Categories = [value] });
        Assert.Throws<ArgumentException>(() => new AuditEntry(At, "system", "record.read") { Details = new Dictionary<string, string> { ["k"] = value } });
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(999999L, "999999")]
    [InlineData(1000000L, "1E6")]
    [InlineData(1234567L, "1.234567E6")]
    [InlineData(2147483647L, "2.147483647E9")]
    [InlineData(-1234567L, "-1.234567E6")]
    [InlineData(long.MaxValue, "9.223372036854775807E18")]
    public void A_count_of_any_size_is_a_token_that_reads_back_exactly(long value, string token)
    {
        Assert.Equal(token, AuditToken.Number(value));
        Assert.True(AuditToken.IsValid(AuditToken.Number(value)));
        Assert.Equal(value, (long)decimal.Parse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.333333, "3.33333E-1")]
    [InlineData(0.123456789, "1.23456789E-1")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(1e20, "1E20")]
    [InlineData(1234.5678, "1.2345678E3")]
    public void A_fraction_of_any_length_is_a_token_that_reads_back_exactly(double value, string token)
    {
        Assert.Equal(token, AuditToken.Number(value));
        Assert.True(AuditToken.IsValid(AuditToken.Number(value)));
        Assert.Equal(value, double.Parse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_refusal_message_does_not_repeat_the_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AuditEntry(At, "system", "record.read") { Purpose = "ada@example.org" });

        Assert.DoesNotContain("ada@", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_then_Decode_round_trips_every_field()
    {
        var entry = new AuditEntry(At, "key-3", "consent.change")
        {
            Sequence = 42,
            SubjectId = "sub_01HZX",
            Categories = ["user.contact.email"],
            Purpose = "marketing.communications.email",
            Recipient = "mail.provider",
            ReasonCodes = ["ok"],
            Count = 7,
            Details = new Dictionary<string, string> { ["z"] = "2", ["a"] = "v1" },
        };

        var body = AuditEntryEncoding.Encode(entry);
        var decoded = AuditEntryEncoding.Decode(body);

        Assert.Equal(42, AuditEntryEncoding.ReadSequence(body));
        Assert.Equal(body, AuditEntryEncoding.Encode(decoded));
        Assert.Equal(["a", "z"], decoded.Details.Keys);
        Assert.Equal("mail.provider", decoded.Recipient);
        Assert.Equal(At, decoded.At);
    }

    [Fact]
    public void Equal_entries_encode_to_equal_bytes_whatever_the_detail_order()
    {
        var a = new AuditEntry(At, "system", "decision") { Details = new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" } };
        var b = new AuditEntry(At.ToOffset(TimeSpan.FromHours(2)), "system", "decision") { Details = new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" } };

        Assert.Equal(AuditEntryEncoding.Encode(a), AuditEntryEncoding.Encode(b));
    }

    [Fact]
    public void Decode_of_garbage_throws_FormatException()
    {
        Assert.Throws<FormatException>(() => AuditEntryEncoding.Decode([1, 2, 3]));
        Assert.Throws<FormatException>(() => AuditEntryEncoding.Decode(new byte[40]));
    }
}
