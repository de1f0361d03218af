using Custodian.Client.Contracts;

namespace Custodian.Client;

/// <summary>The per-person states the decision rule reads: consents, objections, restriction, relationships, holds, authorisations, guardian consent.</summary>
public sealed partial class CustodianClient
{
    /// <summary>Gives or withdraws consent; returns the receipt. Takes effect on the next request.</summary>
    public Task<ConsentEntry> RecordConsentAsync(string subjectId, ConsentRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ConsentEntry>(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/consents", request, cancellationToken);

    /// <summary>The person's consent ledger, oldest first.</summary>
    public Task<IReadOnlyList<ConsentEntry>> ListConsentsAsync(string subjectId, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<ConsentEntry>>(HttpMethod.Get, $"v1/subjects/{Escape(subjectId)}/consents", null, cancellationToken);

    /// <summary>Records an objection to a purpose.</summary>
    public Task ObjectAsync(string subjectId, string purpose, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/objections", new { purpose }, cancellationToken);

    /// <summary>Lifts objections to a purpose.</summary>
    public Task LiftObjectionAsync(string subjectId, string purpose, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"v1/subjects/{Escape(subjectId)}/objections/{Escape(purpose)}", null, cancellationToken);

    /// <summary>Restricts processing (true) or lifts the restriction (false).</summary>
    public Task SetRestrictionAsync(string subjectId, bool restricted, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"v1/subjects/{Escape(subjectId)}/restriction", new { restricted }, cancellationToken);

    /// <summary>Records a relationship event (subscription opened, ended…), which starts retention clocks.</summary>
    public Task RecordRelationshipAsync(string subjectId, string kind, string relationshipEvent, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/relationships", new { kind, @event = relationshipEvent }, cancellationToken);

    /// <summary>Places a legal hold (admin); <paramref name="reason"/> is a code such as <c>dispute:1234</c>, never free text.</summary>
    public Task PlaceHoldAsync(string subjectId, string reason, DateTimeOffset? until = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/holds", new { reason, until }, cancellationToken);

    /// <summary>Lifts every legal hold (admin).</summary>
    public Task LiftHoldsAsync(string subjectId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"v1/subjects/{Escape(subjectId)}/holds", null, cancellationToken);

    /// <summary>Records the person's own authorisation for a recipient (true) or its withdrawal (false).</summary>
    public Task AuthoriseRecipientAsync(string subjectId, string recipient, bool given, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"v1/subjects/{Escape(subjectId)}/authorisations/{Escape(recipient)}", new { given }, cancellationToken);

    /// <summary>Records a guardian's consent for a child; <paramref name="guardian"/> is a reference, not a name.</summary>
    public Task RecordGuardianConsentAsync(string subjectId, bool given, string? guardian = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"v1/subjects/{Escape(subjectId)}/guardian-consent", new { given, guardian }, cancellationToken);
}
