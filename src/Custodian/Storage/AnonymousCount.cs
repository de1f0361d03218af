namespace Custodian.Storage;

/// <summary>
/// One cell of the anonymous statistics that anonymised records become (IS9): a category, the purpose, the month of
/// collection and a coarse value class, with how many records fell into it. Carries no subject and no value.
/// </summary>
/// <param name="CategoryKey">The category.</param>
/// <param name="PurposeKey">The purpose the records were collected for.</param>
/// <param name="Month">The month of collection, <c>yyyy-MM</c>.</param>
/// <param name="ValueClass">A coarse class of the value (<c>10-20</c>, <c>text</c>), never the value.</param>
/// <param name="Count">How many records.</param>
public sealed record AnonymousCount(string CategoryKey, string PurposeKey, string Month, string ValueClass, long Count);
