namespace Custodian.Storage;

/// <summary>A subject's data key, wrapped by the master key. The only copy: deleting it erases the subject's sealed data.</summary>
/// <param name="SubjectId">The subject the key belongs to (and is bound to as associated data).</param>
/// <param name="KeyId">The key id written into the subject's envelopes.</param>
/// <param name="Wrapped">The wrapped key bytes.</param>
/// <param name="CreatedAt">When the key was created.</param>
public sealed record WrappedSubjectKey(string SubjectId, uint KeyId, byte[] Wrapped, DateTimeOffset CreatedAt);
