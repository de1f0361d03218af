using System.Text.Encodings.Web;
using System.Text.Json;

namespace Custodian.Records;

/// <summary>Writes the record of processing as JSON for tools that import it.</summary>
public static class RecordJsonWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The record as indented camelCase JSON, ending with a newline.</summary>
    public static string Write(RecordOfProcessing record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = new
        {
            policy = record.PolicyId,
            version = record.PolicyVersion,
            effective = record.Effective,
            controller = record.Controller,
            dpo = record.Dpo,
            activities = record.Activities.Select(a => new
            {
                a.PurposeKey,
                a.Purpose,
                a.LegalBasis,
                a.SpecialCategoryCondition,
                a.DataCategories,
                a.DataSubjects,
                a.Recipients,
                transfersOutsideEea = a.Transfers,
                a.Retention,
                a.SecurityMeasures,
            }),
        };
        return JsonSerializer.Serialize(json, Options).ReplaceLineEndings("\n") + "\n";
    }
}
