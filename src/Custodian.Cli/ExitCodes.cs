namespace Custodian.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The input has errors (a policy with errors, a failed expectation, a broken audit chain).</summary>
    public const int Failed = 1;

    /// <summary>An input could not be read at all.</summary>
    public const int Unreadable = 2;

    /// <summary><c>policy diff</c>: at least one change is material.</summary>
    public const int MaterialChange = 3;
}
