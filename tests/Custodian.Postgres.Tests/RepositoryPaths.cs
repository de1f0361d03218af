namespace Custodian.Postgres.Tests;

/// <summary>Finds files of the repository (examples, policies) from the test's output directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding <c>Custodian.slnx</c>.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Custodian.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Custodian.slnx not found above " + AppContext.BaseDirectory);
    }
}
