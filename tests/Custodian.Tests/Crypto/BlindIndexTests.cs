using Custodian.Crypto;

namespace Custodian.Tests.Crypto;

public sealed class BlindIndexTests
{
    private readonly BlindIndex _index = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Theory]
    [InlineData("  Ada@Example.ORG ", "ada@example.org")]
    [InlineData("Jos\u0065\u0301@example.org", "jos\u00e9@example.org")]
    public void NormaliseEmail_trims_lowercases_and_composes(string raw, string expected)
    {
        Assert.Equal(expected, BlindIndex.NormaliseEmail(raw));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("@example.org")]
    [InlineData("ada@")]
    [InlineData("ada lovelace@example.org")]
    public void NormaliseEmail_rejects_non_addresses(string raw)
    {
        Assert.Throws<LookupKeyFormatException>(() => BlindIndex.NormaliseEmail(raw));
    }

    [Theory]
    [InlineData("0045 12 34 56 78", null, "+4512345678")]
    [InlineData("+45 12345678", null, "+4512345678")]
    [InlineData("+45-12-34-56-78", null, "+4512345678")]
    [InlineData("(+44) 20 7946 0958", null, "+442079460958")]
    [InlineData("12 34 56 78", "45", "+4512345678")]
    [InlineData("020 7946 0958", "44", "+442079460958")]
    public void NormalisePhone_produces_E164(string raw, string? defaultCode, string expected)
    {
        Assert.Equal(expected, BlindIndex.NormalisePhone(raw, defaultCode));
    }

    [Theory]
    [InlineData("12345678", null)]
    [InlineData("+45 1234", null)]
    [InlineData("+1234567890123456", null)]
    [InlineData("+45 1234 5678 x9", null)]
    [InlineData("call me", null)]
    [InlineData("12345678", "0")]
    [InlineData("+0 12345678", null)]
    public void NormalisePhone_rejects_invalid_numbers_without_echoing_them(string raw, string? defaultCode)
    {
        var ex = Assert.Throws<LookupKeyFormatException>(() => BlindIndex.NormalisePhone(raw, defaultCode));

        Assert.DoesNotContain(raw, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormaliseUserName_applies_NFKC_and_lowercase()
    {
        Assert.Equal("ada1", BlindIndex.NormaliseUserName("  \uFF21da\u2460 "));
    }

    [Fact]
    public void Equal_lookups_written_differently_give_the_same_index()
    {
        Assert.Equal(_index.Compute(LookupKind.Phone, "0045 12 34 56 78"), _index.Compute(LookupKind.Phone, "+45 12345678"));
        Assert.Equal(_index.Compute(LookupKind.Email, "ADA@example.org"), _index.Compute(LookupKind.Email, "ada@example.org "));
    }

    [Fact]
    public void The_same_text_under_different_kinds_never_collides()
    {
        Assert.NotEqual(_index.Compute(LookupKind.Email, "ada@example.org"), _index.Compute(LookupKind.UserName, "ada@example.org"));
    }

    [Fact]
    public void A_different_key_gives_a_different_index()
    {
        var other = new BlindIndex(new byte[32]);

        Assert.NotEqual(_index.Compute(LookupKind.Email, "ada@example.org"), other.Compute(LookupKind.Email, "ada@example.org"));
        Assert.Equal(BlindIndex.Length, other.Compute(LookupKind.Email, "ada@example.org").Length);
    }
}
