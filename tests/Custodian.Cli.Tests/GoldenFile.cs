namespace Custodian.Cli.Tests;

/// <summary>
/// Compares output with a reviewed file under Golden/. With CUSTODIAN_UPDATE_GOLDEN=1 the file is (re)written
/// instead, so a new example gets its goldens by running the tests once; a missing golden file always fails.
/// </summary>
internal static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("CUSTODIAN_UPDATE_GOLDEN") == "1";

    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(Repository.Golden, name);
        if (Updating)
        {
            Directory.CreateDirectory(Repository.Golden);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
            Assert.Fail($"The golden file {path} is missing. Create it by running the tests once with CUSTODIAN_UPDATE_GOLDEN=1, then read and review it before committing.");

        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var line = FirstDifferentLine(expected, actual);
            Assert.Fail($"Output differs from {path} at line {line.Number}:{Environment.NewLine}expected: {line.Expected}{Environment.NewLine}actual:   {line.Actual}{Environment.NewLine}If the change is intended, rerun with CUSTODIAN_UPDATE_GOLDEN=1 and review the diff.");
        }
    }

    private static (int Number, string Expected, string Actual) FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(end of file)";
            var y = i < b.Length ? b[i] : "(end of file)";
            if (x != y) return (i + 1, x, y);
        }

        return (0, "", "");
    }
}
