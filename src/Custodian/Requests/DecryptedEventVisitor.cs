using Custodian.Storage;

namespace Custodian.Requests;

/// <summary>Receives one decrypted event; the value span is valid only during the call, so exports never hold more than a page.</summary>
/// <param name="stored">The event's metadata.</param>
/// <param name="utf8Value">The decrypted value as UTF-8.</param>
public delegate void DecryptedEventVisitor(StoredEvent stored, ReadOnlySpan<byte> utf8Value);
