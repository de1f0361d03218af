namespace Custodian.Storage;

/// <summary>
/// A personal-data breach as the register keeps it (GDPR Art. 33(5)): what happened, when it was discovered, which
/// categories, systems and recipients were involved, and every step since. Holds no personal values.
/// </summary>
/// <param name="BreachId">The id (<c>brc_…</c>).</param>
/// <param name="DiscoveredAt">When the controller became aware of it: the 72-hour clock starts here.</param>
/// <param name="OccurredFrom">When it began (best estimate).</param>
/// <param name="OccurredUntil">When it ended (best estimate; the discovery time when unknown).</param>
/// <param name="Description">What happened, in the privacy officer's words (no personal data about the people affected).</param>
/// <param name="Consequences">The likely consequences for the people affected.</param>
/// <param name="Categories">The categories involved (a key covers those below it).</param>
/// <param name="Systems">The systems involved.</param>
/// <param name="Recipients">The recipients involved (policy keys), whose disclosures in the period count.</param>
public sealed record BreachRecord(
    string BreachId, DateTimeOffset DiscoveredAt, DateTimeOffset OccurredFrom, DateTimeOffset OccurredUntil, string Description, string Consequences,
    IReadOnlyList<string> Categories, IReadOnlyList<string> Systems, IReadOnlyList<string> Recipients)
{
    /// <summary>When the authority was told, if it was.</summary>
    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>When the people affected were notified, if they were.</summary>
    public DateTimeOffset? PeopleNotifiedAt { get; init; }

    /// <summary>How many people were found affected when last assessed.</summary>
    public int AffectedPeople { get; init; }

    /// <summary>Actions taken, oldest first (containment, follow-up), for the follow-up report.</summary>
    public IReadOnlyList<BreachAction> Actions { get; init; } = [];
}

/// <summary>One action taken about a breach.</summary>
/// <param name="At">When.</param>
/// <param name="Text">What was done.</param>
public sealed record BreachAction(DateTimeOffset At, string Text);
