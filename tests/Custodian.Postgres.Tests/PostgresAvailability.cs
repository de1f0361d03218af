namespace Custodian.Postgres.Tests;

/// <summary>
/// Decides, before any test runs, whether these tests can reach PostgreSQL: a server named by
/// <c>CUSTODIAN_POSTGRES</c>, or local binaries (<c>initdb</c>, <c>pg_ctl</c>) to start a throwaway
/// cluster. When neither exists every test is reported skipped with <see cref="SkipReason"/>.
/// </summary>
public static class PostgresAvailability
{
    /// <summary>The environment variable holding a connection string to use instead of a throwaway cluster.</summary>
    public const string EnvironmentVariable = "CUSTODIAN_POSTGRES";

    private static readonly Lazy<string?> BinDirectoryValue = new(FindBinDirectory);

    /// <summary>The connection string from the environment, or null.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The directory holding <c>initdb</c> and <c>pg_ctl</c>, or null.</summary>
    public static string? BinDirectory => BinDirectoryValue.Value;

    /// <summary>Why the tests cannot run, or null when they can.</summary>
    public static string? SkipReason =>
        ConnectionString is null && BinDirectory is null
            ? $"PostgreSQL is not available: set {EnvironmentVariable} to a connection string, or install PostgreSQL (apt-get install postgresql) so initdb and pg_ctl are on PATH or under /usr/lib/postgresql/<version>/bin."
            : null;

    /// <summary>
    /// Why a test that starts a cluster of its own (to crash and restart it) cannot run, or null when it can: it needs
    /// the local binaries even when <c>CUSTODIAN_POSTGRES</c> names a server, as a shared server must not be crashed.
    /// </summary>
    public static string? ClusterSkipReason =>
        BinDirectory is null
            ? "This test crashes a PostgreSQL cluster of its own and needs initdb and pg_ctl (apt-get install postgresql) on PATH or under /usr/lib/postgresql/<version>/bin."
            : null;

    private static string? FindBinDirectory()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasTools(directory))
            {
                return directory;
            }
        }

        const string Debian = "/usr/lib/postgresql";
        if (!Directory.Exists(Debian))
        {
            return null;
        }

        return Directory.GetDirectories(Debian)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault(HasTools);
    }

    private static bool HasTools(string directory) => IsProgram(Path.Combine(directory, "initdb")) && IsProgram(Path.Combine(directory, "pg_ctl"));

    // A link left behind by an uninstalled package counts as missing.
    private static bool IsProgram(string path) =>
        File.Exists(path) && (File.ResolveLinkTarget(path, returnFinalTarget: true) is not { } target || target.Exists);
}
