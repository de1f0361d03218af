namespace Custodian.Storage;

/// <summary>One purpose consent given or withdrawn, as the <c>consent_given</c> retention anchor reads it.</summary>
/// <param name="PurposeKey">The purpose.</param>
/// <param name="Given">True when given, false when withdrawn.</param>
/// <param name="At">When.</param>
public sealed record RetentionConsent(string PurposeKey, bool Given, DateTimeOffset At);
