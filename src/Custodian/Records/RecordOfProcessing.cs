using System.Collections.Immutable;

namespace Custodian.Records;

/// <summary>
/// The GDPR Art. 30 record of processing activities, derived from the policy the systems enforce, so the
/// record an auditor reads cannot drift from what actually happens.
/// </summary>
/// <param name="PolicyId">The policy's id.</param>
/// <param name="PolicyVersion">The policy's version.</param>
/// <param name="Effective">The day the version took effect.</param>
/// <param name="Controller">The controller's name and contact details.</param>
/// <param name="Dpo">The DPO's name and contact details, if any.</param>
/// <param name="Activities">One activity per purpose.</param>
public sealed record RecordOfProcessing(
    string PolicyId,
    string PolicyVersion,
    DateOnly Effective,
    string Controller,
    string? Dpo,
    ImmutableArray<ProcessingActivity> Activities);
