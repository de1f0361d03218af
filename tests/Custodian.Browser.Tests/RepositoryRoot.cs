namespace Custodian.Browser.Tests;

/// <summary>Finds the repository root (the folder holding Custodian.slnx) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Custodian.slnx"))) return directory.FullName;
        }

        throw new InvalidOperationException("Custodian.slnx not found above " + AppContext.BaseDirectory);
    }
}
