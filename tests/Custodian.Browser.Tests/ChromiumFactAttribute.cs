namespace Custodian.Browser.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is reported as skipped with the reason, never as passed;
/// <c>.ci/run</c> installs it (<c>apt-get install chromium</c>). <c>CUSTODIAN_CHROMIUM</c> points at another binary.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath))
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath}; install it with 'apt-get install chromium' (.ci/run does) or set CUSTODIAN_CHROMIUM.";
    }
}
