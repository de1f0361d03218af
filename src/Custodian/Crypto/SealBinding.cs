namespace Custodian.Crypto;

/// <summary>
/// The row a sealed value belongs to. It is authenticated as associated data, so a ciphertext
/// copied to another subject, category or record fails to open.
/// </summary>
/// <param name="SubjectId">The pseudonymous id of the subject whose key sealed the value.</param>
/// <param name="CategoryKey">The data category key (for example <c>user.contact.email</c>).</param>
/// <param name="RecordId">The record or event id.</param>
public readonly record struct SealBinding(string SubjectId, string CategoryKey, string RecordId);
