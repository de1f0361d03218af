using Custodian.Storage;

namespace Custodian.Vault;

/// <summary>What a sign-up did: the new person's id, the consent receipts recorded and the collection's outcome.</summary>
/// <param name="SubjectId">The new person's pseudonymous id.</param>
/// <param name="Consents">The consent ledger entries recorded, in the order given.</param>
/// <param name="Collected">The values stored and, for the rest, why not.</param>
public sealed record EnrollResult(string SubjectId, IReadOnlyList<ConsentEntry> Consents, CollectResult Collected);
