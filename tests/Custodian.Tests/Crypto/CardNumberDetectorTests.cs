using Custodian.Crypto;

namespace Custodian.Tests.Crypto;

public sealed class CardNumberDetectorTests
{
    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("5555555555554444")]
    [InlineData("5555 5555 5555 4444")]
    [InlineData("378282246310005")]
    [InlineData("4222222222222")]
    public void Valid_test_card_numbers_are_detected(string text)
    {
        Assert.True(CardNumberDetector.IsCardNumber(text));
    }

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("1234567812345678")]
    [InlineData("411111111111")]
    [InlineData("4111 1111 1111 111a")]
    [InlineData("card 4111111111111111")]
    [InlineData("4111  1111 1111 1111")]
    [InlineData("4111/1111/1111/1111")]
    [InlineData("41111111111111111111")]
    [InlineData("")]
    public void Other_texts_are_not_card_numbers(string text)
    {
        Assert.False(CardNumberDetector.IsCardNumber(text));
    }
}
