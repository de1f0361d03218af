namespace Custodian.Server.Ui.Center;

/// <summary>One line of the person's consent history, newest first on the page.</summary>
/// <param name="Date">When, in words.</param>
/// <param name="What">The purpose or permission.</param>
/// <param name="Given">Given or withdrawn.</param>
/// <param name="Method">How it was recorded (<c>privacy-center</c>, <c>web-form</c>…).</param>
/// <param name="PolicyVersion">The policy version in force then.</param>
public sealed record HistoryLine(string Date, string What, bool Given, string Method, string PolicyVersion);
