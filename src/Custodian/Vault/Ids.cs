using System.Security.Cryptography;

namespace Custodian.Vault;

/// <summary>Pseudonymous, unguessable ids for subjects, records and events: a prefix, the time, and randomness.</summary>
public static class Ids
{
    /// <summary>A new subject id (<c>sub_…</c>).</summary>
    public static string NewSubjectId() => New("sub");

    /// <summary>A new record id (<c>rec_…</c>).</summary>
    public static string NewRecordId() => New("rec");

    /// <summary>A new event id (<c>evt_…</c>).</summary>
    public static string NewEventId() => New("evt");

    /// <summary>A new id with a prefix: version 7 GUIDs sort by creation time, which keeps index inserts local.</summary>
    public static string New(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";

    /// <summary>A random token of <paramref name="bytes"/> bytes in URL-safe base64.</summary>
    public static string RandomToken(int bytes = 24) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
