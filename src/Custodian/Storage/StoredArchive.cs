namespace Custodian.Storage;

/// <summary>
/// One archive written by a retention run (IS7): a fresh AES-256-GCM key wrapped to the management public key, and the
/// items sealed under it. The service that writes it cannot open it.
/// </summary>
/// <param name="ArchiveId">The archive id (bound into every item).</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="Algorithm">The wrapping scheme, <c>RSA-OAEP-256+A256GCM</c>.</param>
/// <param name="KeyFingerprint">SHA-256 of the management public key (SubjectPublicKeyInfo), to find the right private key.</param>
/// <param name="WrappedKey">The archive key encrypted to the management public key.</param>
/// <param name="Items">The archived records.</param>
public sealed record StoredArchive(string ArchiveId, DateTimeOffset CreatedAt, string Algorithm, byte[] KeyFingerprint, byte[] WrappedKey, IReadOnlyList<ArchivedItem> Items);
