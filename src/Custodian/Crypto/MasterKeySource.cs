namespace Custodian.Crypto;

/// <summary>Where the master key came from, so operators can tell a production setup from a development one.</summary>
public enum MasterKeySource
{
    /// <summary>The <c>CUSTODIAN_MASTER_KEY</c> environment variable: the key lives outside the data directory.</summary>
    Environment = 1,

    /// <summary>An existing <c>master.key</c> file in the data directory.</summary>
    KeyFile = 2,

    /// <summary>A <c>master.key</c> file created on this run because no key existed.</summary>
    CreatedKeyFile = 3,
}
