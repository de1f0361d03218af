using Custodian.Policy;

namespace Custodian.Tests.Policy;

public sealed class MinimalPolicyTests
{
    [Fact]
    public void Minimal_valid_policy_has_no_diagnostics()
    {
        // Act
        var diagnostics = PolicyText.Diagnose(PolicyText.Minimal);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Minimal_policy_takes_the_documented_defaults()
    {
        // Act
        var document = PolicyText.Document(PolicyText.Minimal);

        // Assert
        Assert.Equal(TransferRule.MechanismRequired, document.TransferRule);
        Assert.False(document.SaleNever);
        Assert.Equal((12, 31), (document.Retention.FiscalYearEndMonth, document.Retention.FiscalYearEndDay));
        Assert.Equal(RetentionAction.Delete, document.Retention.Rules[0].Action);
        Assert.True(document.Rights.VerifyIdentity);
        Assert.Equal(10, document.StatisticsMinimumGroup);
        Assert.Null(document.Children.MinimumAge);
        Assert.True(document.Purposes[0].OptOut);
    }

    [Fact]
    public void Cekura_example_passes_the_checker_without_errors()
    {
        // Arrange
        var path = Path.Combine(RepositoryRoot.Find(), "examples", "cekura", "policy.yaml");

        // Act
        var load = PolicyLoader.LoadFile(path);
        var diagnostics = load.Document is null ? load.Diagnostics : load.Diagnostics.AddRange(PolicyChecker.Check(load.Document));

        // Assert
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
