using Custodian.Policy;
using Custodian.Statement;

namespace Custodian.Tests.Statement;

public sealed class DurationPhrasingTests
{
    [Theory]
    [InlineData("P2M", "2 months", "2 måneder")]
    [InlineData("P1M", "1 month", "1 måned")]
    [InlineData("P30D", "30 days", "30 dage")]
    [InlineData("P1Y", "1 year", "1 år")]
    [InlineData("P5Y", "5 years", "5 år")]
    [InlineData("P10Y", "10 years", "10 år")]
    [InlineData("P1Y6M", "1 year and 6 months", "1 år og 6 måneder")]
    [InlineData("P2W", "2 weeks", "2 uger")]
    [InlineData("P1W", "1 week", "1 uge")]
    [InlineData("P1D", "1 day", "1 dag")]
    [InlineData("P1Y2M3D", "1 year, 2 months and 3 days", "1 år, 2 måneder og 3 dage")]
    public void Duration_is_phrased_with_numerals_and_singular_or_plural(string iso, string english, string danish)
    {
        var period = IsoPeriod.Parse(iso);

        Assert.Equal(english, StatementText.En.Duration(period));
        Assert.Equal(danish, StatementText.Da.Duration(period));
    }

    [Theory]
    [InlineData("P1M", "one month", "en måned")]
    [InlineData("P1Y", "one year", "et år")]
    [InlineData("P30D", "30 days", "30 dage")]
    [InlineData("P2M", "2 months", "2 måneder")]
    public void Duration_in_words_spells_out_a_lone_one(string iso, string english, string danish)
    {
        var period = IsoPeriod.Parse(iso);

        Assert.Equal(english, StatementText.En.DurationInWords(period));
        Assert.Equal(danish, StatementText.Da.DurationInWords(period));
    }

    [Theory]
    [InlineData("P1M", "We answer within one month of receiving your request.", "Vi svarer inden for en måned, efter vi har modtaget din anmodning.")]
    [InlineData("P30D", "We answer within 30 days of receiving your request.", "Vi svarer inden for 30 dage, efter vi har modtaget din anmodning.")]
    public void Response_time_reads_naturally(string iso, string english, string danish)
    {
        Assert.Equal(english, StatementText.En.ResponseTime(IsoPeriod.Parse(iso)));
        Assert.Equal(danish, StatementText.Da.ResponseTime(IsoPeriod.Parse(iso)));
    }

    [Fact]
    public void Retention_after_a_subscription_ends()
    {
        var rule = Rule("P2M", RetentionAnchor.RelationshipEnded, "subscription");

        Assert.Equal("up to 2 months after your subscription ends", StatementText.En.RetentionPeriod(rule));
        Assert.Equal("op til 2 måneder efter dit abonnement er ophørt", StatementText.Da.RetentionPeriod(rule));
    }

    [Fact]
    public void Retention_under_a_legal_duty_counts_from_the_end_of_the_financial_year()
    {
        var rule = Rule("P5Y", RetentionAnchor.FiscalYearEnd, "payment_settled") with { LegalDuty = true };

        Assert.Equal("5 years from the end of the financial year in which the payment was settled", StatementText.En.RetentionPeriod(rule));
        Assert.Equal("5 år fra udløbet af det regnskabsår, hvor betalingen blev gennemført", StatementText.Da.RetentionPeriod(rule));
    }

    [Fact]
    public void Retention_after_a_contest_ends()
    {
        var rule = Rule("P1Y", RetentionAnchor.ContestEnded, null);

        Assert.Equal("up to 1 year after the contest ends", StatementText.En.RetentionPeriod(rule));
        Assert.Equal("op til 1 år efter konkurrencens udløb", StatementText.Da.RetentionPeriod(rule));
    }

    [Fact]
    public void Retention_of_a_year_and_a_half_after_consent()
    {
        var rule = Rule("P1Y6M", RetentionAnchor.ConsentGiven, null);

        Assert.Equal("up to 1 year and 6 months after you gave your consent", StatementText.En.RetentionPeriod(rule));
        Assert.Equal("op til 1 år og 6 måneder efter du gav dit samtykke", StatementText.Da.RetentionPeriod(rule));
    }

    [Theory]
    [InlineData("Marketing by email", "marketing by email")]
    [InlineData("E-mailadresse", "e-mailadresse")]
    [InlineData("CPR-nummer", "CPR-nummer")]
    [InlineData("IP address", "IP address")]
    public void Names_inside_a_sentence_lose_their_capital_unless_an_acronym(string name, string expected) =>
        Assert.Equal(expected, StatementText.InSentence(name));

    private static RetentionRule Rule(string keep, RetentionAnchor from, string? kind) => new()
    {
        Id = "rule",
        Keep = IsoPeriod.Parse(keep),
        From = from,
        AnchorKind = kind,
        Location = SourceLocation.None,
    };
}
