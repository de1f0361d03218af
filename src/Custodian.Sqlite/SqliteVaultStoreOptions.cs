using Custodian.Audit;

namespace Custodian.Sqlite;

/// <summary>Settings for <see cref="SqliteVaultStore"/>.</summary>
public sealed class SqliteVaultStoreOptions
{
    /// <summary>The database file name inside <see cref="DataDirectory"/>.</summary>
    public const string DatabaseFileName = "custodian.db";

    /// <summary>The directory holding <c>custodian.db</c>; created when missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Signs audit checkpoints (under <c>KeyRing.AuditKey</c>).</summary>
    public required AuditCheckpointSigner CheckpointSigner { get; init; }

    /// <summary>A checkpoint is written every this many audit entries.</summary>
    public int CheckpointInterval { get; init; } = 1000;

    /// <summary>Commit durability; see <see cref="SqliteDurability"/>.</summary>
    public SqliteDurability Durability { get; init; } = SqliteDurability.Normal;

    /// <summary>How long a writer waits for another process's write lock.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock for the store's own timestamps (when a migration was applied).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);
}
