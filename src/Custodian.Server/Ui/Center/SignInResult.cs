namespace Custodian.Server.Ui.Center;

/// <summary>The result of a sign-in code check.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="SubjectId">The person, when signed in.</param>
/// <param name="Email">The address the code went to, when signed in (answers to requests go there).</param>
/// <param name="AttemptsLeft">Attempts left after a wrong code.</param>
public sealed record SignInResult(SignInOutcome Outcome, string? SubjectId, string? Email, int AttemptsLeft);
