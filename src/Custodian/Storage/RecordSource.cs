namespace Custodian.Storage;

/// <summary>How a record came to be held, as privacy statements must disclose.</summary>
public enum RecordSource
{
    /// <summary>The person gave it.</summary>
    Provided = 1,

    /// <summary>Observed from the person's use of a service.</summary>
    Observed = 2,

    /// <summary>Reported by a device.</summary>
    Device = 3,

    /// <summary>Computed from other data.</summary>
    Derived = 4,

    /// <summary>Received from a third party.</summary>
    ThirdParty = 5,
}
