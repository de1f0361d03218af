namespace Custodian.Server.Ui.Center;

/// <summary>A purpose that may use a category: its name, its legal basis in words, and whether the policy allows it for this person now.</summary>
/// <param name="Name">The purpose's name.</param>
/// <param name="Basis">The legal basis in a few words.</param>
/// <param name="InUse">True when the decision rule allows the use now.</param>
/// <param name="WhyNot">When not in use: why, in words.</param>
public sealed record PurposeUse(string Name, string Basis, bool InUse, string? WhyNot);
