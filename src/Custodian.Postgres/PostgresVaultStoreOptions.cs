using Custodian.Audit;

namespace Custodian.Postgres;

/// <summary>Settings for <see cref="PostgresVaultStore"/>.</summary>
public sealed class PostgresVaultStoreOptions
{
    /// <summary>The schema used when none is given.</summary>
    public const string DefaultSchema = "custodian";

    /// <summary>The Npgsql connection string (<c>Host=…;Database=…;Username=…</c>); pooling settings in it are honoured.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The schema holding this vault's tables; created and migrated on open. Several vaults can share a database in separate schemas.</summary>
    public string Schema { get; init; } = DefaultSchema;

    /// <summary>Signs audit checkpoints (under <c>KeyRing.AuditKey</c>).</summary>
    public required AuditCheckpointSigner CheckpointSigner { get; init; }

    /// <summary>A checkpoint is written every this many audit entries.</summary>
    public int CheckpointInterval { get; init; } = 1000;

    /// <summary>Event batches at least this large go through binary COPY; smaller ones through one INSERT.</summary>
    public int CopyThreshold { get; init; } = 32;

    /// <summary>The clock for the store's own timestamps (when a migration was applied).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
