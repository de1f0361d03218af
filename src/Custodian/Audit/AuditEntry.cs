namespace Custodian.Audit;

/// <summary>
/// One line of the tamper-evident audit log: who did what, when, to which pseudonymous subject,
/// for which categories, purpose and recipient, and why. Every text field is an
/// <see cref="AuditToken"/> (ids, policy keys, codes), checked on construction, so a personal value
/// cannot be put into an entry. The store assigns <see cref="Sequence"/> when it chains the entry.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The actor for work the service does on its own (retention runs, migrations).</summary>
    public const string SystemActor = "system";

    /// <summary>Most categories one entry lists.</summary>
    public const int MaxListLength = 64;

    /// <summary>Most detail pairs one entry holds.</summary>
    public const int MaxDetails = 16;

    private readonly string? _subjectId;
    private readonly string? _purpose;
    private readonly string? _recipient;
    private readonly IReadOnlyList<string> _categories = [];
    private readonly IReadOnlyList<string> _reasonCodes = [];
    private readonly IReadOnlyDictionary<string, string> _details = new SortedDictionary<string, string>(StringComparer.Ordinal);
    private readonly long _count;

    /// <summary>Creates an entry with its required fields.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="actor">An API key id, or <see cref="SystemActor"/>.</param>
    /// <param name="action">A dotted action code such as <c>record.write</c> or <c>subject.erase</c>.</param>
    /// <exception cref="ArgumentException">A field is not an <see cref="AuditToken"/>.</exception>
    public AuditEntry(DateTimeOffset at, string actor, string action)
    {
        At = at.ToUniversalTime();
        Actor = AuditToken.Require(actor, nameof(actor));
        Action = AuditToken.Require(action, nameof(action));
    }

    /// <summary>Position in the chain, from 1; 0 until the store appends the entry.</summary>
    public long Sequence { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset At { get; }

    /// <summary>An API key id, or <see cref="SystemActor"/>.</summary>
    public string Actor { get; }

    /// <summary>The action code.</summary>
    public string Action { get; }

    /// <summary>The pseudonymous subject id, when the action concerns one subject.</summary>
    public string? SubjectId { get => _subjectId; init => _subjectId = AuditToken.RequireOptional(value, nameof(SubjectId)); }

    /// <summary>Data category keys involved.</summary>
    public IReadOnlyList<string> Categories { get => _categories; init => _categories = Tokens(value, nameof(Categories)); }

    /// <summary>The purpose key, when the action was done for one.</summary>
    public string? Purpose { get => _purpose; init => _purpose = AuditToken.RequireOptional(value, nameof(Purpose)); }

    /// <summary>The recipient key, when data went to one.</summary>
    public string? Recipient { get => _recipient; init => _recipient = AuditToken.RequireOptional(value, nameof(Recipient)); }

    /// <summary>Machine-readable reason codes (for example of a denied decision).</summary>
    public IReadOnlyList<string> ReasonCodes { get => _reasonCodes; init => _reasonCodes = Tokens(value, nameof(ReasonCodes)); }

    /// <summary>How many items the action touched (records written, rows purged); 0 when not meaningful.</summary>
    public long Count
    {
        get => _count;
        init => _count = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Count), "A count cannot be negative.");
    }

    /// <summary>Small non-personal details (policy version, request id), sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Details
    {
        get => _details;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count > MaxDetails)
            {
                throw new ArgumentException($"An audit entry holds at most {MaxDetails} details.", nameof(Details));
            }

            var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, detail) in value)
            {
                sorted[AuditToken.Require(key, nameof(Details))] = AuditToken.Require(detail, nameof(Details));
            }

            _details = sorted;
        }
    }

    private static string[] Tokens(IReadOnlyList<string> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count > MaxListLength)
        {
            throw new ArgumentException($"An audit list holds at most {MaxListLength} items.", name);
        }

        var copy = new string[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = AuditToken.Require(values[i], name);
        }

        return copy;
    }
}
