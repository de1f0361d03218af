namespace Custodian.Statistics;

/// <summary>What one group has counted so far: per person, readings (capped) and the clamped sum.</summary>
internal sealed class GroupTally
{
    public Dictionary<string, (int Readings, double Sum)> People { get; } = new(StringComparer.Ordinal);

    public void Add(string subjectId, int cap, double? value)
    {
        var (readings, sum) = People.GetValueOrDefault(subjectId);
        if (readings >= cap) return;
        People[subjectId] = (readings + 1, sum + (value ?? 0));
    }

    public void Absorb(GroupTally other)
    {
        foreach (var (subject, (readings, sum)) in other.People)
        {
            var (mine, mineSum) = People.GetValueOrDefault(subject);
            People[subject] = (mine + readings, mineSum + sum);
        }
    }
}
