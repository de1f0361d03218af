using System.Collections.Immutable;
using Custodian.Policy;

namespace Custodian.Tests.Policy;

/// <summary>
/// A minimal valid policy as text, and ways to break it in one place: append a top-level fragment,
/// or replace one exact piece of text. Diagnose runs the loader and, when it read a document, the checker.
/// </summary>
internal static class PolicyText
{
    public const string FileName = "test-policy.yaml";

    public const string Minimal = """
        custodian: 1
        policy:
          id: minimal
          version: "1"
          effective: 2025-01-01
          languages: [en]
          jurisdiction: DK
        controller:
          name: Example ApS
        authority:
          name: Datatilsynet
        purposes:
          essential.service:
            name: Providing the service
            basis: contract
            contract: account
            categories: [user.name, user.contact.email]
        retention:
          rules:
            - id: account
              purposes: [essential.service]
              keep: P1M
              from: relationship_ended
              kind: account
        rights:
          offered: [access, erasure, objection]
          response_time: P1M
        automated_decisions:
          used: false
        changes:
          notice_period: P30D

        """;

    /// <summary>The minimal policy with <paramref name="fragment"/> appended at the top level.</summary>
    public static string With(string fragment) => Minimal + fragment;

    /// <summary>The minimal policy with one exact piece of text replaced; fails loudly if the piece is not there.</summary>
    public static string Replace(string oldText, string newText) => Replace(Minimal, oldText, newText);

    /// <summary><paramref name="text"/> with one exact piece replaced; fails loudly if the piece is not there.</summary>
    public static string Replace(string text, string oldText, string newText)
    {
        if (!text.Contains(oldText, StringComparison.Ordinal))
            throw new ArgumentException($"the policy text does not contain '{oldText}'", nameof(oldText));
        return text.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>Loader diagnostics, then checker diagnostics when the loader produced a document.</summary>
    public static ImmutableArray<PolicyDiagnostic> Diagnose(string text)
    {
        var load = PolicyLoader.Load(text, FileName);
        return load.Document is null ? load.Diagnostics : load.Diagnostics.AddRange(PolicyChecker.Check(load.Document));
    }

    /// <summary>Loads a text that must be free of errors.</summary>
    public static PolicyDocument Document(string text)
    {
        var load = PolicyLoader.Load(text, FileName);
        Assert.True(load.Document is not null, string.Join(Environment.NewLine, load.Diagnostics));
        return load.Document!;
    }

    /// <summary>The one-based line and column where the <paramref name="occurrence"/>-th <paramref name="snippet"/> starts.</summary>
    public static (int Line, int Column) Locate(string text, string snippet, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(snippet, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new ArgumentException($"'{snippet}' occurs fewer than {occurrence} times", nameof(snippet));
        }

        var before = text.AsSpan(0, index);
        var lineStart = before.LastIndexOf('\n') + 1;
        return (1 + before.Count('\n'), index - lineStart + 1);
    }

    /// <summary>The single diagnostic with <paramref name="code"/>; fails, listing all, when there is not exactly one.</summary>
    public static PolicyDiagnostic Single(ImmutableArray<PolicyDiagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}");
        return matching[0];
    }

    /// <summary>
    /// The single error with <paramref name="code"/> among <paramref name="diagnostics"/> of <paramref name="text"/>,
    /// asserted to be in <paramref name="file"/> at the <paramref name="occurrence"/>-th <paramref name="snippet"/> and, when
    /// <paramref name="withFix"/>, to carry a fix.
    /// </summary>
    public static PolicyDiagnostic ExpectError(ImmutableArray<PolicyDiagnostic> diagnostics, string text, string file, string code, string snippet, int occurrence = 1, bool withFix = false)
    {
        var diagnostic = Single(diagnostics, code);
        var (line, column) = Locate(text, snippet, occurrence);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(file, diagnostic.Location.File);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
        if (withFix) Assert.False(string.IsNullOrWhiteSpace(diagnostic.Fix), $"no fix in: {diagnostic}");
        return diagnostic;
    }

    /// <summary>What <paramref name="load"/> makes of <paramref name="bytes"/> written to a temporary file (deleted after).</summary>
    public static T LoadTempFile<T>(byte[] bytes, Func<string, T> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var path = Path.Combine(Path.GetTempPath(), $"custodian-load-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, bytes);
        try
        {
            return load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
