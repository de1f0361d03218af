namespace Custodian.Server.Ui.Center;

/// <summary>How a sign-in code check ended.</summary>
public enum SignInOutcome
{
    /// <summary>The code was right.</summary>
    SignedIn,

    /// <summary>The code was wrong; attempts remain.</summary>
    Wrong,

    /// <summary>Too many wrong codes; start again.</summary>
    TooManyAttempts,

    /// <summary>The code expired or the challenge is unknown; start again.</summary>
    Expired,
}
