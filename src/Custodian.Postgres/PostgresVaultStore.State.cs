using System.Text.Json;
using Custodian.Storage;
using Npgsql;
using static Custodian.Postgres.PostgresValues;

namespace Custodian.Postgres;

/// <summary>
/// A person's whole state in one call of <c>subject_state</c> (migration 0013): the subject row, the key and the version
/// as columns, each ledger (and, as asked, the records) as one JSON array. One statement is one snapshot without opening
/// a transaction, costs one statement's overhead on both sides instead of one per ledger, and runs a plan the server keeps.
/// </summary>
public sealed partial class PostgresVaultStore
{
    private const int FirstLedgerColumn = 12;

    /// <summary>The versions, the state (null for no such subject), the wrapped key (null once shredded) and, as asked, the records.</summary>
    private static async Task<(SubjectVersions Versions, SubjectState? State, WrappedSubjectKey? Key, List<StoredRecord>? Records)> ReadWholeStateAsync(
        NpgsqlConnection connection, string subjectId, bool withRecords, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT * FROM subject_state($1, $2)", connection) { Parameters = { new() { Value = subjectId }, new() { Value = withRecords } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var version = reader.GetInt64(0);
        var versions = new SubjectVersions(version, reader.GetInt64(1));
        var records = withRecords ? Json(reader, FirstLedgerColumn + 7, RecordFromJson) : null;
        if (reader.IsDBNull(2)) return (versions, null, null, records);

        var subject = MapSubjectAt(reader, 2);
        var hasDataKey = reader.GetBoolean(8);
        var key = hasDataKey ? new WrappedSubjectKey(subject.SubjectId, (uint)reader.GetInt64(9), reader.GetFieldValue<byte[]>(10), Time(reader, 11)) : null;
        var state = new SubjectState
        {
            Subject = subject,
            HasDataKey = hasDataKey,
            Version = version,
            Consents = Json(reader, FirstLedgerColumn, e => new ConsentEntry(Text(e[0]), Text(e[1]), Text(e[2]), (ConsentKind)e[3].GetInt32(), e[4].GetBoolean(), e[5].GetBoolean(), Text(e[6]), Text(e[7]), e[8].GetString(), At(e[9]))
            {
                RecordedAt = At(e[10]),
                Controller = e[11].GetString(),
                LegalBasis = e[12].GetString(),
            }),
            Objections = Json(reader, FirstLedgerColumn + 1, e => new Objection(Text(e[0]), Text(e[1]), Text(e[2]), At(e[3]), OptionalAt(e[4]))),
            Restrictions = Json(reader, FirstLedgerColumn + 2, e => new RestrictionChange(Text(e[0]), e[1].GetBoolean(), At(e[2]))),
            LegalHolds = Json(reader, FirstLedgerColumn + 3, e => new LegalHold(Text(e[0]), Text(e[1]), Text(e[2]), At(e[3]), OptionalAt(e[4]), OptionalAt(e[5]))),
            Relationships = Json(reader, FirstLedgerColumn + 4, e => new RelationshipEvent(Text(e[0]), Text(e[1]), Text(e[2]), At(e[3]))),
            RecipientAuthorisations = Json(reader, FirstLedgerColumn + 5, e => new RecipientAuthorisation(Text(e[0]), Text(e[1]), e[2].GetBoolean(), At(e[3]))),
            GuardianConsents = Json(reader, FirstLedgerColumn + 6, e => new GuardianConsent(Text(e[0]), e[1].GetBoolean(), At(e[2]), Text(e[3]))),
        };
        return (versions, state, key, records);
    }

    private static StoredRecord RecordFromJson(JsonElement e) =>
        new(Text(e[0]), Text(e[1]), Text(e[3]), (RecordSource)e[4].GetInt32(), Text(e[5]), At(e[6]), OptionalAt(e[7]), (SealingKeyKind)e[8].GetInt32(), e[10].GetString() is { } hex ? Convert.FromHexString(hex) : null)
        {
            KeyOwnerId = Text(e[2]),
            Version = e[9].GetInt32(),
            ErasedAt = OptionalAt(e[11]),
        };

    /// <summary>The rows of a JSON array column, each an array of columns; an empty list for SQL NULL (no rows).</summary>
    private static List<T> Json<T>(NpgsqlDataReader reader, int ordinal, Func<JsonElement, T> map)
    {
        var rows = new List<T>();
        if (reader.IsDBNull(ordinal)) return rows;
        using var document = JsonDocument.Parse(reader.GetString(ordinal));
        foreach (var row in document.RootElement.EnumerateArray()) rows.Add(map(row));
        return rows;
    }

    private static string Text(JsonElement element) => element.GetString() ?? throw new InvalidDataException("A NOT NULL column came back null.");

    private static DateTimeOffset At(JsonElement element) => new(element.GetInt64(), TimeSpan.Zero);

    private static DateTimeOffset? OptionalAt(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : At(element);
}
