using System.Buffers;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Custodian.Policy;

/// <summary>
/// The limits and the wording one kind of YAML file (a policy, a scenario) is read with by <see cref="GuardedYaml"/>.
/// </summary>
/// <param name="Kind">What the file holds, as messages name it: <c>policy</c>, <c>scenario</c>.</param>
/// <param name="MaxFileBytes">The largest file read, in bytes (or characters, for text).</param>
/// <param name="MaxDepth">The deepest nesting of mappings and lists read.</param>
/// <param name="MaxAliasValues">The most values that aliases in one file may stand for together.</param>
/// <param name="TooLargeFix">The fix for a file over <paramref name="MaxFileBytes"/>.</param>
/// <param name="TooDeepFix">The fix for nesting deeper than <paramref name="MaxDepth"/>.</param>
/// <param name="EmptyFix">The fix for a file with nothing in it.</param>
internal sealed record YamlFileRules(string Kind, int MaxFileBytes, int MaxDepth, int MaxAliasValues, string TooLargeFix, string TooDeepFix, string EmptyFix);

/// <summary>
/// Reads a YAML file the way a hostile or sloppy one should be read: the size is checked before anything is parsed,
/// the bytes must be UTF-8 (or UTF-16 with a byte order mark) without control characters, the parse goes through
/// <see cref="GuardedParser"/>, and a syntax error, tab, duplicate key, empty file or second document comes back as
/// a <see cref="PolicyDiagnostic"/> with file, line, column and a fix. Shared by the policy and the scenario loaders.
/// </summary>
internal static class GuardedYaml
{
    /// <summary>The characters YAML does not allow in a file: C0 controls but tab and line breaks, DEL, C1 controls but NEL, U+FFFE, U+FFFF.</summary>
    private static readonly SearchValues<char> ForbiddenCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007F',
        .. Enumerable.Range(0x80, 0x20).Where(c => c != 0x85).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    /// <summary>
    /// Reads a file's text, at most <see cref="YamlFileRules.MaxFileBytes"/> bytes of it; a file that is too large or
    /// not text gives a diagnostic instead. I/O errors are the caller's to report.
    /// </summary>
    public static (string? Text, PolicyDiagnostic? Problem) ReadFile(string path, YamlFileRules rules)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.CanSeek && stream.Length > rules.MaxFileBytes) return (null, TooLarge(path, stream.Length, rules));
        var bytes = ReadAtMost(stream, rules.MaxFileBytes + 1);
        if (bytes.Length > rules.MaxFileBytes) return (null, TooLarge(path, null, rules));
        var text = Decode(bytes, path, out var problem);
        return (text, problem);
    }

    /// <summary>
    /// Parses <paramref name="text"/> into its first document's root node. The diagnostics come first: when the root
    /// is null the file could not be read at all; a second document is reported and the first one still returned.
    /// </summary>
    public static (YamlNode? Root, IReadOnlyList<PolicyDiagnostic> Diagnostics) Parse(string text, string path, YamlFileRules rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        if (text.Length > rules.MaxFileBytes) return (null, [TooLarge(path, text.Length, rules)]);
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (ControlCharacter(text, path, rules) is { } control) return (null, [control]);

        var yaml = new YamlStream();
        var parser = new GuardedParser(new Parser(new StringReader(text)), rules);
        try
        {
            yaml.Load(parser);
        }
        catch (YamlException e)
        {
            return (null, [SyntaxError(text, path, e, parser)]);
        }

        if (yaml.Documents.Count == 0 || IsEmpty(yaml.Documents[0].RootNode))
            return (null, [new PolicyDiagnostic(PolicyCodes.MissingKey, DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), "the file is empty", rules.EmptyFix)]);

        for (var i = 1; i < yaml.Documents.Count; i++)
        {
            if (IsEmpty(yaml.Documents[i].RootNode)) continue;
            var at = i < parser.DocumentStarts.Count ? parser.DocumentStarts[i] : yaml.Documents[i].RootNode.Start;
            return (yaml.Documents[0].RootNode, [new PolicyDiagnostic(
                PolicyCodes.SeveralDocuments, DiagnosticSeverity.Error, new SourceLocation(path, (int)at.Line, (int)at.Column),
                $"a second YAML document starts here: a {rules.Kind} file holds one {rules.Kind}",
                $"remove this '---' line and what follows it, or move the second {rules.Kind} to a file of its own")]);
        }

        return (yaml.Documents[0].RootNode, []);
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" };

    private static PolicyDiagnostic TooLarge(string path, long? size, YamlFileRules rules)
    {
        var limit = rules.MaxFileBytes / (1024 * 1024);
        var how = size is { } n ? $"{n / (1024.0 * 1024.0):0.#} MB" : $"more than {limit} MB";
        return new PolicyDiagnostic(
            PolicyCodes.TooLarge, DiagnosticSeverity.Error, new SourceLocation(path, 1, 1),
            $"the file is {how}; a {rules.Kind} file may be at most {limit} MB, and was not read", rules.TooLargeFix);
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        var buffer = new byte[Math.Min(limit, stream.CanSeek ? (int)Math.Min(stream.Length + 1, limit) : 64 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length >= limit) break;
                Array.Resize(ref buffer, Math.Min(limit, buffer.Length * 2));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }

        return buffer.AsSpan(0, total).ToArray();
    }

    /// <summary>The file's text: UTF-8 (a BOM is skipped), or UTF-16 when it starts with a UTF-16 BOM.</summary>
    private static string? Decode(byte[] bytes, string path, out PolicyDiagnostic? problem)
    {
        problem = null;
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            try
            {
                return new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException)
            {
                problem = new PolicyDiagnostic(PolicyCodes.NotText, DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), "the file starts like UTF-16 text but is not", "save the file as UTF-8");
                return null;
            }
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var span = bytes.AsSpan(start);
        var chars = new char[span.Length];
        if (Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            return new string(chars, 0, written);

        var (line, column) = Position(chars.AsSpan(0, written), written);
        problem = new PolicyDiagnostic(
            PolicyCodes.NotText, DiagnosticSeverity.Error, new SourceLocation(path, line, column),
            $"the file is not UTF-8 text: byte 0x{span[read]:X2} here is not part of a UTF-8 character",
            "save the file as UTF-8 (it was probably saved as Latin-1 or Windows-1252: in most editors, 'Save with encoding' and choose UTF-8)");
        return null;
    }

    /// <summary>A diagnostic for the first NUL or other control character YAML does not allow, or null.</summary>
    private static PolicyDiagnostic? ControlCharacter(string text, string path, YamlFileRules rules)
    {
        var first = text.AsSpan().IndexOfAny(ForbiddenCharacters);
        if (first < 0) return null;
        var ch = text[first];
        var (line, column) = Position(text.AsSpan(), first);
        var fix = ch == '\0'
            ? "remove it: a NUL usually means the file was saved as UTF-16 without a byte order mark, or is not a text file; save it as UTF-8"
            : $"remove it: a {rules.Kind} file is plain text, and YAML allows no control characters other than tab and line breaks";
        return new PolicyDiagnostic(
            PolicyCodes.NotText, DiagnosticSeverity.Error, new SourceLocation(path, line, column),
            $"the file contains the control character U+{(int)ch:X4}{(ch == '\0' ? " (NUL)" : "")}", fix);
    }

    /// <summary>The one-based line and column of <paramref name="index"/>, counting line breaks as YAML does.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<char> text, int index)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static PolicyDiagnostic SyntaxError(string text, string path, YamlException e, GuardedParser parser)
    {
        if (parser.Problem is { } problem)
            return new PolicyDiagnostic(problem.Code, DiagnosticSeverity.Error, new SourceLocation(path, (int)problem.At.Line, (int)problem.At.Column), problem.Message, problem.Fix);

        var at = new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column);
        if (e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            var length = (int)Math.Clamp(e.End.Index - e.Start.Index, 0, text.Length - Math.Min(e.Start.Index, text.Length));
            var key = e.Start.Index < text.Length ? text.Substring((int)e.Start.Index, length) : "";
            var which = key.Length > 0 ? $"'{Suggestions.Quote(key)}'" : "a key";
            return new PolicyDiagnostic(PolicyCodes.Duplicate, DiagnosticSeverity.Error, at, $"{which} is written twice in the same mapping", "remove or merge the second one");
        }

        if (e.Message.Contains(" tab ", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text, (int)Math.Min(e.Start.Index, text.Length)) is { } tab)
        {
            var (line, column) = Position(text.AsSpan(), tab);
            return new PolicyDiagnostic(
                PolicyCodes.YamlSyntax, DiagnosticSeverity.Error, new SourceLocation(path, line, column),
                "not valid YAML: a tab is used for indentation", "indent with spaces: YAML does not allow tabs there");
        }

        return new PolicyDiagnostic(
            PolicyCodes.YamlSyntax, DiagnosticSeverity.Error, at, $"not valid YAML: {(e.InnerException ?? e).Message}",
            "check indentation (spaces, not tabs) and that every ':' inside a value is quoted");
    }

    /// <summary>The index of the first tab in the indentation of a line at or after <paramref name="from"/>.</summary>
    private static int? FirstIndentingTab(string text, int from)
    {
        var lineStart = from == 0 ? 0 : text.LastIndexOf('\n', from - 1) + 1;
        while (lineStart < text.Length)
        {
            var i = lineStart;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                if (text[i] == '\t') return i;
                i++;
            }

            var next = text.IndexOf('\n', i);
            if (next < 0) break;
            lineStart = next + 1;
        }

        return null;
    }
}
