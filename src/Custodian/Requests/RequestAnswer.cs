namespace Custodian.Requests;

/// <summary>The outcome of completing a request, stored (as JSON) with it; never holds personal values.</summary>
/// <param name="Kind">What was asked.</param>
/// <param name="Outcome">A stable code: <c>package_ready</c>, <c>erased</c>, <c>already_erased</c>, <c>rectified</c>, <c>restricted</c>, <c>objected</c>, <c>consent_withdrawn</c>, <c>no_data</c>.</param>
public sealed record RequestAnswer(RequestKind Kind, string Outcome)
{
    /// <summary>For an erasure: what was erased and kept.</summary>
    public ErasureResult? Erasure { get; init; }

    /// <summary>For a rectification: the new version and the recipients to inform.</summary>
    public RectificationResult? Rectification { get; init; }

    /// <summary>For an objection or withdrawal: the purposes it applied to.</summary>
    public IReadOnlyList<string> Purposes { get; init; } = [];
}
