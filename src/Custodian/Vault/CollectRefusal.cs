namespace Custodian.Vault;

/// <summary>Why a value was not stored: decision reason codes, or <c>looks_like_card_number</c> (IS3).</summary>
/// <param name="CategoryKey">The category of the refused value.</param>
/// <param name="Reasons">Stable codes.</param>
public sealed record CollectRefusal(string CategoryKey, IReadOnlyList<string> Reasons)
{
    /// <summary>The code for a text value that looks like a payment card number, refused outside card categories (IS3).</summary>
    public const string LooksLikeCardNumber = "looks_like_card_number";
}
