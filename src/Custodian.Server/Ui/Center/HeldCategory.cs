namespace Custodian.Server.Ui.Center;

/// <summary>One category of data held about the person, in plain words for "My data".</summary>
/// <param name="Key">The category key.</param>
/// <param name="Name">Its name in the person's language.</param>
/// <param name="Values">The values held (a note in place of a secret).</param>
/// <param name="Uses">The purposes that may use it, each with its legal basis and whether it is in use now.</param>
/// <param name="Recipients">Who receives it, in words.</param>
/// <param name="Deletion">When it will be deleted, in words: one line per copy kept for a different purpose.</param>
/// <param name="HeldForLegalDuty">True when it is kept only because the law requires it.</param>
public sealed record HeldCategory(string Key, string Name, IReadOnlyList<string> Values, IReadOnlyList<PurposeUse> Uses, IReadOnlyList<string> Recipients, IReadOnlyList<string> Deletion, bool HeldForLegalDuty);
