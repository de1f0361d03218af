using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Notifications;
using Custodian.Server.Ui.Text;
using Custodian.Vault;

namespace Custodian.Server.Ui.Center;

/// <summary>
/// One-time codes for signing in to the privacy center: a person gives their email, a six-digit code goes to it through the
/// outbox, and the right code within ten minutes and five attempts signs them in. Whether the address belongs to anyone is
/// never revealed: an unknown address gets a challenge that no code opens. Codes are kept only as HMACs, compared in
/// constant time; challenges live in memory, so a restart asks people to start again.
/// </summary>
public sealed class SignInCodes(CustodianRuntime runtime, OutboxDelivery delivery, TimeProvider clock)
{
    /// <summary>How long a code works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed per challenge.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The actor audit entries of the privacy center name.</summary>
    public const string Actor = "privacy-center";

    private const int MaxChallenges = 100_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Challenge> _challenges = new(StringComparer.Ordinal);

    /// <summary>Starts a sign-in for <paramref name="email"/>: queues the code when the address is a customer's, and returns the challenge id either way.</summary>
    /// <exception cref="VaultException">The address is not a valid email address (<c>invalid_lookup</c>).</exception>
    public async Task<string> StartAsync(string email, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        Prune();
        var vault = runtime.Vault;
        var subject = await vault.FindSubjectAsync(LookupKind.Email, email.Trim(), Actor, cancellationToken);
        if (subject is not null && await vault.Store.GetSubjectAsync(subject, cancellationToken) is not { ShreddedAt: null, MergedInto: null }) subject = null;
        var challengeId = Ids.RandomToken(18);
        var now = clock.GetUtcNow();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        if (subject is not null)
        {
            var text = UiText.For(language);
            var outbox = vault.CreateRequestDesk().Outbox;
            var (title, body) = text.SignInMessage(runtime.Policy.Document.Controller.Name, code, (int)Lifetime.TotalMinutes);
            await using var tx = await vault.Store.BeginAsync(cancellationToken);
            await outbox.EnqueueAsync(tx, new RenderedMessage(email.Trim(), title, body), "sign_in_code", language, null, subject, now, cancellationToken);
            await tx.AppendAuditAsync(new AuditEntry(now, Actor, "signin.start") { SubjectId = subject }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            delivery.Wake();
        }

        _challenges[challengeId] = new Challenge(subject, subject is null ? null : email.Trim(), subject is null ? RandomNumberGenerator.GetBytes(32) : Hash(challengeId, code), now + Lifetime);
        return challengeId;
    }

    /// <summary>True while a challenge can still be answered.</summary>
    public bool IsOpen(string? challengeId) =>
        challengeId is not null && _challenges.TryGetValue(challengeId, out var c) && c.ExpiresAt > clock.GetUtcNow() && c.Attempts < MaxAttempts;

    /// <summary>Checks a code: the person on success, else why not and how many attempts are left.</summary>
    public async Task<SignInResult> VerifyAsync(string challengeId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!_challenges.TryGetValue(challengeId, out var challenge)) return new SignInResult(SignInOutcome.Expired, null, null, 0);
        var now = clock.GetUtcNow();
        if (challenge.ExpiresAt <= now)
        {
            _challenges.TryRemove(challengeId, out _);
            return new SignInResult(SignInOutcome.Expired, null, null, 0);
        }

        var normalized = new string(code.Where(char.IsAsciiDigit).ToArray());
        var right = CryptographicOperations.FixedTimeEquals(challenge.CodeHash, Hash(challengeId, normalized));
        if (right && challenge.SubjectId is not null)
        {
            _challenges.TryRemove(challengeId, out _);
            await AuditAsync(now, challenge.SubjectId, "signin.verify", null, cancellationToken);
            return new SignInResult(SignInOutcome.SignedIn, challenge.SubjectId, challenge.Email, 0);
        }

        var attempts = Interlocked.Increment(ref challenge.Attempts);
        if (challenge.SubjectId is not null) await AuditAsync(now, challenge.SubjectId, "signin.verify", "code_wrong", cancellationToken);
        if (attempts >= MaxAttempts)
        {
            _challenges.TryRemove(challengeId, out _);
            return new SignInResult(SignInOutcome.TooManyAttempts, null, null, 0);
        }

        return new SignInResult(SignInOutcome.Wrong, null, null, MaxAttempts - attempts);
    }

    private async Task AuditAsync(DateTimeOffset at, string subjectId, string action, string? reason, CancellationToken cancellationToken)
    {
        await using var tx = await runtime.Vault.Store.BeginAsync(cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(at, Actor, action) { SubjectId = subjectId, ReasonCodes = reason is null ? [] : [reason] }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private byte[] Hash(string challengeId, string code) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(challengeId + ":" + code));

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, challenge) in _challenges)
        {
            if (challenge.ExpiresAt <= now) _challenges.TryRemove(id, out _);
        }

        if (_challenges.Count >= MaxChallenges) throw new InvalidOperationException("Too many sign-ins are waiting for their codes; try again in a few minutes.");
    }

    private sealed class Challenge(string? subjectId, string? email, byte[] codeHash, DateTimeOffset expiresAt)
    {
        public string? SubjectId { get; } = subjectId;

        public string? Email { get; } = email;

        public byte[] CodeHash { get; } = codeHash;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public int Attempts;
    }
}
