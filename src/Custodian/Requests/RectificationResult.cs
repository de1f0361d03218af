namespace Custodian.Requests;

/// <summary>What a rectification did: the new version, and the recipients to inform of the correction (Art. 19).</summary>
/// <param name="RecordId">The record corrected.</param>
/// <param name="CategoryKey">Its category.</param>
/// <param name="Version">The new version number; earlier versions keep their metadata, their values are destroyed.</param>
/// <param name="RecipientsToInform">Recipients declared for the category and a purpose that uses it.</param>
public sealed record RectificationResult(string RecordId, string CategoryKey, int Version, IReadOnlyList<string> RecipientsToInform);
