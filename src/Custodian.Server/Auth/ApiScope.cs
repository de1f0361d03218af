namespace Custodian.Server.Auth;

/// <summary>What an API key may do.</summary>
public enum ApiScope
{
    /// <summary>Everything, including keys, holds, merges and audit.</summary>
    Admin,

    /// <summary>A backend service: subjects, collection, reads and events, only for the purposes the key is bound to.</summary>
    Service,

    /// <summary>Audit verification, the record of processing and the policy; no personal data.</summary>
    Auditor,
}
