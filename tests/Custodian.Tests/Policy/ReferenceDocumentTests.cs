using System.Reflection;
using Custodian.Policy;

namespace Custodian.Tests.Policy;

/// <summary>Keeps docs/policy-reference.md honest: every complete example passes, every code is explained.</summary>
public sealed class ReferenceDocumentTests
{
    private static readonly string ReferencePath = Path.Combine(RepositoryRoot.Find(), "docs", "policy-reference.md");

    /// <summary>Every fenced block whose info string is <c>yaml policy</c>, with the line it starts on.</summary>
    public static TheoryData<int, string> PolicyExamples()
    {
        var data = new TheoryData<int, string>();
        var lines = File.ReadAllLines(ReferencePath);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```yaml policy") continue;
            var start = i + 1;
            var end = Array.FindIndex(lines, start, l => l.Trim() == "```");
            if (end < 0) throw new InvalidOperationException($"the block opened on line {start} of {ReferencePath} is never closed");
            data.Add(start, string.Join('\n', lines[start..end]) + "\n");
            i = end;
        }

        return data;
    }

    [Fact]
    public void Reference_has_a_minimal_and_a_full_policy_example()
    {
        // Act
        var examples = PolicyExamples();

        // Assert
        Assert.True(examples.Count >= 2, $"expected at least two ```yaml policy blocks in {ReferencePath}");
    }

    [Theory]
    [MemberData(nameof(PolicyExamples))]
    public void Complete_policy_example_passes_without_errors_or_warnings(int line, string text)
    {
        // Act
        var diagnostics = PolicyText.Diagnose(text);

        // Assert
        Assert.True(diagnostics.IsEmpty, $"the example on line {line} of docs/policy-reference.md:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}");
    }

    [Fact]
    public void Every_diagnostic_code_has_a_heading_in_the_reference()
    {
        // Arrange
        var codes = typeof(PolicyCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var headings = File.ReadAllLines(ReferencePath).Where(l => l.StartsWith("### CUS", StringComparison.Ordinal)).ToList();

        // Act
        var missing = codes.Where(code => !headings.Any(h => h.StartsWith($"### {code} ", StringComparison.Ordinal))).ToList();

        // Assert
        Assert.NotEmpty(codes);
        Assert.Empty(missing);
    }
}
