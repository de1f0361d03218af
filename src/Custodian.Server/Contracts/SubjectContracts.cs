namespace Custodian.Server.Contracts;

/// <summary>Registers a person. Lookup keys are stored only as blind indexes; the birth date is sealed.</summary>
public sealed record CreateSubjectRequest
{
    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number, E.164 (<c>+4520304050</c>).</summary>
    public string? Phone { get; init; }

    /// <summary>User name.</summary>
    public string? UserName { get; init; }

    /// <summary>Date of birth (YYYY-MM-DD), for the minimum age.</summary>
    public DateOnly? BirthDate { get; init; }
}

/// <summary>
/// Signs a person up in one transaction: registers them, records the consents given on the form and collects the
/// values entered for a purpose. If any part fails nothing is stored.
/// </summary>
public sealed record SignUpRequest
{
    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number, E.164 (<c>+4520304050</c>).</summary>
    public string? Phone { get; init; }

    /// <summary>User name.</summary>
    public string? UserName { get; init; }

    /// <summary>Date of birth (YYYY-MM-DD), for the minimum age.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>The consents given on the form (none is fine); each names a purpose or a permission.</summary>
    public IReadOnlyList<SignUpConsent> Consents { get; init; } = [];

    /// <summary>The purpose the values are collected for.</summary>
    public required string Purpose { get; init; }

    /// <summary>The values entered (none is fine).</summary>
    public IReadOnlyList<CollectItem> Values { get; init; } = [];
}

/// <summary>A consent given on a sign-up form.</summary>
public sealed record SignUpConsent
{
    /// <summary>The purpose (or leave empty and give <see cref="Permission"/>).</summary>
    public string? Purpose { get; init; }

    /// <summary>The permission (location, camera…).</summary>
    public string? Permission { get; init; }

    /// <summary>Whether the consent is explicit.</summary>
    public bool Explicit { get; init; }

    /// <summary>How it was collected (web-form, app-toggle…).</summary>
    public string? Method { get; init; }

    /// <summary>Non-personal evidence (a form id).</summary>
    public string? Evidence { get; init; }
}

/// <summary>A person's pseudonymous id.</summary>
/// <param name="Id">The id (<c>sub_…</c>).</param>
public sealed record SubjectResponse(string Id);

/// <summary>Finds a person by exactly one lookup key (sent in the body, never in the URL).</summary>
public sealed record LookupSubjectRequest
{
    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>User name.</summary>
    public string? UserName { get; init; }
}

/// <summary>Merges a duplicate registration into this person (IS12).</summary>
public sealed record MergeRequest
{
    /// <summary>The duplicate's id; it stays as history, merged into this one.</summary>
    public required string MergedId { get; init; }
}

/// <summary>Collects values for a purpose.</summary>
public sealed record CollectRequest
{
    /// <summary>Why the values are collected.</summary>
    public required string Purpose { get; init; }

    /// <summary>The values.</summary>
    public required IReadOnlyList<CollectItem> Values { get; init; }
}

/// <summary>One value to collect.</summary>
public sealed record CollectItem
{
    /// <summary>Its category key.</summary>
    public required string Category { get; init; }

    /// <summary>The value (a secret category's value is hashed and never returned).</summary>
    public required string Value { get; init; }

    /// <summary>provided (default), observed, device, derived, third_party.</summary>
    public string? Source { get; init; }
}

/// <summary>Appends a batch of readings.</summary>
public sealed record EventBatchRequest
{
    /// <summary>The purpose the readings are collected for.</summary>
    public required string Purpose { get; init; }

    /// <summary>The readings (thousands per call are fine).</summary>
    public required IReadOnlyList<EventItem> Readings { get; init; }
}

/// <summary>One reading.</summary>
public sealed record EventItem
{
    /// <summary>Its category.</summary>
    public required string Category { get; init; }

    /// <summary>When it was observed.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The reading.</summary>
    public required string Value { get; init; }

    /// <summary>The device, if any.</summary>
    public string? Device { get; init; }
}

/// <summary>Consent given or withdrawn for a purpose or a permission.</summary>
public sealed record ConsentRequest
{
    /// <summary>The purpose (or leave empty and give <see cref="Permission"/>).</summary>
    public string? Purpose { get; init; }

    /// <summary>The permission (location, camera…).</summary>
    public string? Permission { get; init; }

    /// <summary>True to give, false to withdraw.</summary>
    public required bool Given { get; init; }

    /// <summary>Whether the consent is explicit.</summary>
    public bool Explicit { get; init; }

    /// <summary>How it was collected (web-form, app-toggle…).</summary>
    public string? Method { get; init; }

    /// <summary>Non-personal evidence (a form id).</summary>
    public string? Evidence { get; init; }
}

/// <summary>An objection to a purpose.</summary>
public sealed record ObjectionRequest
{
    /// <summary>The purpose objected to.</summary>
    public required string Purpose { get; init; }
}

/// <summary>Switches restriction of processing.</summary>
public sealed record RestrictionRequest
{
    /// <summary>True to restrict, false to lift.</summary>
    public required bool Restricted { get; init; }
}

/// <summary>A relationship event.</summary>
public sealed record RelationshipRequest
{
    /// <summary>The kind (subscription, account, order, contest…).</summary>
    public required string Kind { get; init; }

    /// <summary>The event (opened, ended, warranty_ended, payment_settled, transaction, contest_ended, activity).</summary>
    public required string Event { get; init; }
}

/// <summary>A legal hold.</summary>
public sealed record HoldRequest
{
    /// <summary>A reason code (dispute:1234), never free text about the person.</summary>
    public required string Reason { get; init; }

    /// <summary>When it ends by itself, if known.</summary>
    public DateTimeOffset? Until { get; init; }
}

/// <summary>The person's authorisation for a recipient.</summary>
public sealed record AuthorisationRequest
{
    /// <summary>True to authorise (link), false to withdraw (unlink).</summary>
    public required bool Given { get; init; }
}

/// <summary>A guardian's consent.</summary>
public sealed record GuardianConsentRequest
{
    /// <summary>True to give, false to withdraw.</summary>
    public required bool Given { get; init; }

    /// <summary>A reference to the guardian (an id, not a name).</summary>
    public string? Guardian { get; init; }
}

/// <summary>Decision questions for one person.</summary>
public sealed record DecisionsRequest
{
    /// <summary>The questions.</summary>
    public required IReadOnlyList<DecisionItem> Questions { get; init; }

    /// <summary>Decide as of this instant (default now).</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>One decision question.</summary>
public sealed record DecisionItem
{
    /// <summary>The category.</summary>
    public required string Category { get; init; }

    /// <summary>The purpose.</summary>
    public required string Purpose { get; init; }

    /// <summary>The recipient, if the data would leave the controller.</summary>
    public string? Recipient { get; init; }
}

/// <summary>A secret value to verify or set, for a purpose (signing in, say).</summary>
public sealed record SecretRequest
{
    /// <summary>The secret (never stored as given, never returned).</summary>
    public required string Value { get; init; }

    /// <summary>The purpose the secret is checked or set for; the key must be bound to it and the policy must allow it.</summary>
    public required string Purpose { get; init; }
}
