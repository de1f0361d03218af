namespace Custodian.Storage;

/// <summary>A subject as the store holds it: a pseudonymous id, never a name.</summary>
/// <param name="SubjectId">The pseudonymous id.</param>
/// <param name="CreatedAt">When the subject was created.</param>
/// <param name="BirthDateSealed">The birth date sealed under the subject's key, or null.</param>
public sealed record StoredSubject(string SubjectId, DateTimeOffset CreatedAt, byte[]? BirthDateSealed = null)
{
    /// <summary>The survivor this subject was merged into, or null.</summary>
    public string? MergedInto { get; init; }

    /// <summary>When it was merged.</summary>
    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>When its data key was destroyed (crypto-shredded), or null.</summary>
    public DateTimeOffset? ShreddedAt { get; init; }
}
