namespace Custodian.Postgres;

/// <summary>The schema's table groups; a new per-subject table is added here once and merges move it.</summary>
internal static class PostgresTables
{
    /// <summary>
    /// Tables whose rows belong to one subject through <c>subject_id</c>: a merge moves them to the survivor. Requests and
    /// outbox messages keep the id they were made under, as in the SQLite store.
    /// </summary>
    public static readonly IReadOnlyList<string> PerSubject =
    [
        "lookup_keys", "records", "events", "consents", "objections", "restrictions", "legal_holds",
        "relationship_events", "recipient_authorisations", "guardian_consents", "devices", "device_identifiers",
    ];
}
