using System.Security.Cryptography;

namespace Custodian.Cli.Tests;

/// <summary>Every file under a folder with a hash of its content, to show a refused command changed nothing on disk.</summary>
internal static class Snapshot
{
    public static string Of(string directory)
    {
        if (File.Exists(directory)) return "file " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(directory)));
        if (!Directory.Exists(directory)) return "(missing)";
        return string.Join('\n', Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(directory, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
    }
}
