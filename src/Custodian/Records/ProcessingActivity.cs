using System.Collections.Immutable;

namespace Custodian.Records;

/// <summary>One row of the record of processing activities: one purpose with everything GDPR Art. 30(1) asks about it.</summary>
/// <param name="PurposeKey">The purpose key.</param>
/// <param name="Purpose">The purpose's name.</param>
/// <param name="LegalBasis">The Art. 6(1) basis with its letter ("Art. 6(1)(b) contract").</param>
/// <param name="SpecialCategoryCondition">The Art. 9(2) condition when special categories are processed, else null.</param>
/// <param name="DataCategories">Categories of personal data, as "Name (key)".</param>
/// <param name="DataSubjects">Categories of data subjects.</param>
/// <param name="Recipients">Recipients that receive data for this purpose.</param>
/// <param name="Retention">The retention rules that apply.</param>
/// <param name="SecurityMeasures">The technical and organisational measures (Art. 32).</param>
public sealed record ProcessingActivity(
    string PurposeKey,
    string Purpose,
    string LegalBasis,
    string? SpecialCategoryCondition,
    ImmutableArray<string> DataCategories,
    ImmutableArray<string> DataSubjects,
    ImmutableArray<RecordRecipient> Recipients,
    ImmutableArray<RecordRetention> Retention,
    string SecurityMeasures)
{
    /// <summary>Recipients outside the EU/EEA: the transfers to third countries (Art. 30(1)(e)).</summary>
    public IEnumerable<RecordRecipient> Transfers => Recipients.Where(r => r.OutsideEea);
}
