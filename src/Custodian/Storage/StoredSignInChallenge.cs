namespace Custodian.Storage;

/// <summary>
/// A privacy-center sign-in waiting for its code. Neither the code nor the address is kept in clear: the code only as an
/// HMAC under a key derived from the master key, the address sealed (and only when it belongs to someone), so every
/// server sharing the store can check a code and none can read one back.
/// </summary>
/// <param name="ChallengeId">The random id the code page carries.</param>
/// <param name="SubjectId">The person the address belongs to, or null for an address that belongs to no one (no code opens such a challenge).</param>
/// <param name="CodeHash">The HMAC of the challenge id and the code (random bytes when <paramref name="SubjectId"/> is null).</param>
/// <param name="SealedAddress">The address the code went to, sealed, or null when <paramref name="SubjectId"/> is null.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
/// <param name="Attempts">Codes tried so far, the right one included.</param>
public sealed record StoredSignInChallenge(string ChallengeId, string? SubjectId, byte[] CodeHash, byte[]? SealedAddress, DateTimeOffset ExpiresAt, int Attempts);
