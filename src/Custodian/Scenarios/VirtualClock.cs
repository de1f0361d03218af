namespace Custodian.Scenarios;

/// <summary>A clock a scenario moves by hand, so months and years of a policy's life run in a moment.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock to <paramref name="at"/>; time never runs backwards.</summary>
    public void MoveTo(DateTimeOffset at)
    {
        if (at < _now) throw new InvalidOperationException($"A scenario step at {at:O} comes before the previous one at {_now:O}; steps must be in time order.");
        _now = at;
    }
}
