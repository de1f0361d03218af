namespace Custodian.Cli.Tests;

/// <summary>Paths in the source tree, found from the test's output directory, so golden files are read and written in place.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Golden => Path.Combine(Root, "tests", "Custodian.Cli.Tests", "Golden");

    public static string Fixtures => Path.Combine(Root, "tests", "Custodian.Cli.Tests", "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Custodian.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Cannot find the repository root (Custodian.slnx) above " + AppContext.BaseDirectory);
    }
}
