namespace Custodian.Storage;

/// <summary>The breach register's reads, and the store-side search for who was affected.</summary>
public interface IBreachStore
{
    /// <summary>Every breach, newest discovery first.</summary>
    Task<IReadOnlyList<BreachRecord>> GetBreachesAsync(CancellationToken cancellationToken);

    /// <summary>One breach, or null.</summary>
    Task<BreachRecord?> GetBreachAsync(string breachId, CancellationToken cancellationToken);

    /// <summary>
    /// People (survivors after merges, not erased) who held data of the categories during <c>[from, until]</c>: records
    /// collected by then and not erased before, and events in the window. Reads ids only; decrypts nothing.
    /// </summary>
    Task<IReadOnlyList<string>> FindSubjectsHoldingAsync(IReadOnlyList<string> categoryKeys, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>Breach register writes, in the same transaction as their audit entries.</summary>
public interface IBreachTransaction
{
    /// <summary>Records a breach or replaces its details and steps.</summary>
    Task SaveBreachAsync(BreachRecord breach, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the people affected by a breach notified at <paramref name="at"/> unless they already were; false when they
    /// were (by this or another server), so that the notices are sent once. Holds the breach until the transaction ends.
    /// </summary>
    Task<bool> ClaimBreachNotificationAsync(string breachId, DateTimeOffset at, CancellationToken cancellationToken);
}
