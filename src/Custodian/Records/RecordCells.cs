namespace Custodian.Records;

/// <summary>The flat, one-cell-per-field text of an activity that the CSV and Markdown records share.</summary>
internal static class RecordCells
{
    public static readonly string[] Headers =
    [
        "Purpose key", "Purpose", "Legal basis", "Special category condition", "Categories of personal data", "Categories of data subjects",
        "Recipients", "Transfers outside the EU/EEA", "Retention", "Security measures",
    ];

    public static string[] Of(ProcessingActivity activity) =>
    [
        activity.PurposeKey,
        activity.Purpose,
        activity.LegalBasis,
        activity.SpecialCategoryCondition ?? "None",
        string.Join("; ", activity.DataCategories),
        string.Join("; ", activity.DataSubjects),
        activity.Recipients.IsEmpty ? "None" : string.Join("; ", activity.Recipients.Select(Recipient)),
        activity.Transfers.Any() ? string.Join("; ", activity.Transfers.Select(r => $"{r.Name} ({r.Country}): {r.Mechanism}")) : "None",
        activity.Retention.IsEmpty ? "Until no purpose needs it" : string.Join("; ", activity.Retention.Select(Retention)),
        activity.SecurityMeasures,
    ];

    private static string Recipient(RecordRecipient r) =>
        $"{r.Name} ({r.Role}, {r.Country}{(r.OutsideEea ? ", " + r.Mechanism : "")}{(r.NeedsAuthorisation ? ", only with the data subject's prior authorisation" : "")})";

    private static string Retention(RecordRetention r) =>
        $"{r.RuleId}: {r.Period} ({r.Keep}), then {r.Action}{(r.LegalDuty ? ", kept under a legal duty" : "")}";
}
