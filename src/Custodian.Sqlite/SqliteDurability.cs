namespace Custodian.Sqlite;

/// <summary>How hard SQLite works to keep a committed transaction across a power loss.</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=NORMAL</c> (the default). In WAL mode every transaction is still atomic and the
    /// file never corrupts: after a process crash nothing committed is lost; after a power loss the
    /// last few commits may roll back, but always whole, data and audit entries together.
    /// Avoids an fsync per commit, which is what makes high event rates possible.
    /// </summary>
    Normal = 1,

    /// <summary><c>synchronous=FULL</c>: an fsync per commit, so a commit survives a power loss too.</summary>
    Full = 2,
}
