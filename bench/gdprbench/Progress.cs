using System.Globalization;

namespace Custodian.GdprBench;

/// <summary>Prints progress of long phases about every tenth of the way.</summary>
internal static class Progress
{
    public static void Report(string system, string phase, long done, long total)
    {
        var step = Math.Max(1, total / 10);
        if (done == total || done % step == 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {system} {phase}: {done:N0}/{total:N0}"));
    }
}
