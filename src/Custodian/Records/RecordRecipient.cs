namespace Custodian.Records;

/// <summary>A recipient of one processing activity, as the record of processing lists it (Art. 30(1)(d)–(e)).</summary>
/// <param name="Key">The recipient's key in the policy.</param>
/// <param name="Name">Its published name.</param>
/// <param name="Role">processor, controller, partner, authority or adviser.</param>
/// <param name="Country">ISO 3166 country where it processes the data.</param>
/// <param name="Mechanism">The transfer mechanism, or <c>none</c> inside the EU/EEA.</param>
/// <param name="OutsideEea">Whether sending data to it is a transfer outside the EU/EEA.</param>
/// <param name="NeedsAuthorisation">Whether each disclosure needs the person's own prior authorisation.</param>
public sealed record RecordRecipient(string Key, string Name, string Role, string Country, string Mechanism, bool OutsideEea, bool NeedsAuthorisation);
