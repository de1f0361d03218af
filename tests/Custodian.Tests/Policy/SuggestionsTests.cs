using Custodian.Policy;

namespace Custodian.Tests.Policy;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("basis", "basis", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("purpse", "purposes", 2)]
    [InlineData("ab", "ba", 1)]
    [InlineData("contrcat", "contract", 1)]
    [InlineData("ca", "abc", 3)]
    public void Distance_TwoWords_IsOptimalStringAlignmentDistance(string a, string b, int expected)
    {
        // Act
        var distance = Suggestions.Distance(a, b);

        // Assert
        Assert.Equal(expected, distance);
    }

    [Fact]
    public void Distance_IsSymmetric()
    {
        // Act
        var forward = Suggestions.Distance("retention", "retnetion");
        var backward = Suggestions.Distance("retnetion", "retention");

        // Assert
        Assert.Equal(forward, backward);
        Assert.Equal(1, forward);
    }

    [Fact]
    public void Nearest_OrdersByDistanceAndIgnoresFarWords()
    {
        // Act
        var nearest = Suggestions.Nearest("purpose", ["purposes", "recipients", "purpose_x", "rights"]);

        // Assert
        Assert.Equal(["purposes", "purpose_x"], nearest);
    }

    [Fact]
    public void Nearest_SuggestsTheFullKeyForItsLastPart()
    {
        // Act
        var nearest = Suggestions.Nearest("email", ["user.contact.email", "user.name"]);

        // Assert
        Assert.Equal(["user.contact.email"], nearest);
    }

    [Fact]
    public void DidYouMean_NothingClose_ListsWhatIsAllowed()
    {
        // Act
        var text = Suggestions.DidYouMean("zzzzzzzz", ["consent", "contract"]);

        // Assert
        Assert.Equal("use one of: consent, contract", text);
    }

    [Fact]
    public void NearestAndAllowed_NamesTheNearestAndEveryAllowedWord()
    {
        // Act
        var near = Suggestions.NearestAndAllowed("contrakt", ["consent", "contract", "legal_obligation"]);
        var far = Suggestions.NearestAndAllowed("zzzzzzzz", ["consent", "contract"]);

        // Assert
        Assert.Equal("did you mean 'contract'? allowed: consent, contract, legal_obligation", near);
        Assert.Equal("use one of: consent, contract", far);
    }
}
