namespace Custodian.Requests;

/// <summary>Receives one decrypted event; its spans are valid only during the call, so exports never hold more than a page.</summary>
/// <param name="decrypted">The event's metadata and its decrypted value.</param>
public delegate void DecryptedEventVisitor(in DecryptedEvent decrypted);
