using Custodian.Policy;

namespace Custodian.Cli.Commands;

/// <summary>Loads and compiles a policy for a command, printing diagnostics and choosing the exit code on failure.</summary>
internal static class PolicyLoading
{
    /// <summary>Compiles <paramref name="file"/>; on failure prints its errors and returns null with the exit code to use.</summary>
    public static CompiledPolicy? Compile(CliConsole console, string file, out int exitCode)
    {
        var load = PolicyLoader.LoadFile(file);
        if (load.Unreadable || load.Document is null)
        {
            foreach (var diagnostic in load.Diagnostics) console.Error.WriteLine(diagnostic);
            exitCode = load.Unreadable ? ExitCodes.Unreadable : ExitCodes.Failed;
            return null;
        }

        var errors = load.Diagnostics.AddRange(PolicyChecker.Check(load.Document)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var diagnostic in errors) console.Error.WriteLine(diagnostic);
            console.Error.WriteLine($"{file}: {errors.Count} error(s); run 'custodian policy check {file}' for details");
            exitCode = ExitCodes.Failed;
            return null;
        }

        exitCode = ExitCodes.Ok;
        return PolicyCompiler.Compile(load.Document, File.ReadAllText(file));
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="output"/>, or to standard output when it is null.</summary>
    public static int Emit(CliConsole console, string content, string? output)
    {
        if (output is null)
        {
            console.Out.Write(content);
            return ExitCodes.Ok;
        }

        try
        {
            File.WriteAllText(output, content);
            console.Error.WriteLine($"wrote {output}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"{output}: cannot write the file: {e.Message}");
            return ExitCodes.Unreadable;
        }
    }
}
