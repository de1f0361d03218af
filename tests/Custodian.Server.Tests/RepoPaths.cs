namespace Custodian.Server.Tests;

/// <summary>Files of the repository the tests use: example policies, the docs, the built CLI.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Cekura => Path.Combine(Root, "examples", "cekura", "policy.yaml");

    public static string Ceetron => Path.Combine(Root, "examples", "ceetron", "policy.yaml");

    public static string ApiDoc => Path.Combine(Root, "docs", "api.md");

    /// <summary>The CLI built alongside the tests (same configuration).</summary>
    public static string CliDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(Root, "src", "Custodian.Cli", "bin", configuration, "net10.0", "Custodian.Cli.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the CLI first: {path} is missing.", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Custodian.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Custodian.slnx above {AppContext.BaseDirectory}.");
    }
}
