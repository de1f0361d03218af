namespace Custodian.Benchmarks;

/// <summary>Finds the repository root (the folder holding Custodian.slnx) above the running binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Custodian.slnx"))) return directory.FullName;
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Custodian.slnx");
    }
}
