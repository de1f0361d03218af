namespace Custodian.GdprBench;

/// <summary>One system under test: the GDPRbench operations, each as that system makes it compliant.</summary>
internal interface IGdprSystem : IAsyncDisposable
{
    /// <summary>Shown in the results.</summary>
    string Name { get; }

    /// <summary>Bulk-loads the initial records (not timed as a workload).</summary>
    Task LoadAsync(IReadOnlyList<BenchRecord> records, CancellationToken cancellationToken);

    /// <summary>Creates a record on consent for its purpose.</summary>
    Task InsertAsync(BenchRecord record, CancellationToken cancellationToken);

    /// <summary>Reads a record's data for a purpose; true when data came back.</summary>
    Task<bool> ReadAsync(int key, int purpose, CancellationToken cancellationToken);

    /// <summary>Reads a record's metadata (what it may be used for).</summary>
    Task ReadMetadataAsync(int key, CancellationToken cancellationToken);

    /// <summary>Replaces a record's data.</summary>
    Task UpdateDataAsync(int key, string data, CancellationToken cancellationToken);

    /// <summary>Records or lifts an objection to a purpose.</summary>
    Task SetObjectionAsync(int key, int purpose, bool objected, CancellationToken cancellationToken);

    /// <summary>Gives or withdraws consent for the consent purpose.</summary>
    Task SetConsentAsync(int key, bool given, CancellationToken cancellationToken);

    /// <summary>Deletes everything about the record's user.</summary>
    Task DeleteAsync(int key, CancellationToken cancellationToken);

    /// <summary>Reads the latest <paramref name="count"/> log entries; returns how many came back.</summary>
    Task<int> ReadLogsAsync(int count, CancellationToken cancellationToken);

    /// <summary>Counts live records whose TTL has passed at <paramref name="now"/>.</summary>
    Task<long> CountExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
