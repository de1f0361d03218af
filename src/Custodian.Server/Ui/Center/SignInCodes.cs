using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Notifications;
using Custodian.Server.Auth;
using Custodian.Server.Ui.Text;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Server.Ui.Center;

/// <summary>
/// One-time codes for signing in to the privacy center: a person gives their email, a six-digit code goes to it through the
/// outbox, and the right code within ten minutes and five attempts signs them in; asking again voids the earlier code. Whether the address belongs to anyone is
/// never revealed: an unknown address gets a challenge that no code opens. Challenges live in the store, so a code asked
/// for through one server is entered through any other on the same store, and a restart loses none. The store keeps the
/// code only as an HMAC under a key derived from the master key (compared in constant time), the address sealed, and
/// counts attempts itself, so servers together allow no more than five. One address is sent at most
/// <see cref="CodeMailLimit.MaxCodes"/> codes an hour (<see cref="CodeMailLimit"/>), which bounds the guesses at one person.
/// </summary>
public sealed class SignInCodes(CustodianRuntime runtime, OutboxDelivery delivery, CodeMailLimit mailLimit, TimeProvider clock)
{
    /// <summary>How long a code works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Codes tried per challenge, the right one included; the fifth wrong one closes it.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The actor audit entries of the privacy center name.</summary>
    public const string Actor = "privacy-center";

    /// <summary>The audit reason code of a sign-in that sent no code because the person had been sent too many.</summary>
    public const string TooManyCodes = "too_many_codes";

    /// <summary>Sign-ins waiting for their codes beyond which no more are started (a flood must not fill the store).</summary>
    public const int MaxChallenges = 100_000;
    private const string AddressCategory = "user.contact.email";

    /// <summary>Starts a sign-in for <paramref name="email"/>: queues the code when the address is a customer's, and returns the challenge id either way.</summary>
    /// <exception cref="VaultException">The address is not a valid email address (<c>invalid_lookup</c>).</exception>
    /// <exception cref="InvalidOperationException">Too many sign-ins are waiting for their codes.</exception>
    public async Task<string> StartAsync(string email, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim();
        var vault = runtime.Vault;
        var now = clock.GetUtcNow();
        var subject = await vault.FindSubjectAsync(LookupKind.Email, address, Actor, cancellationToken);
        if (subject is not null && await vault.Store.GetSubjectAsync(subject, cancellationToken) is not { ShreddedAt: null, MergedInto: null }) subject = null;
        if (await vault.Store.CountSignInChallengesAsync(now, cancellationToken) >= MaxChallenges)
            throw new SignInBusyException();

        // Past the limit of codes for this person, no code is sent and none of theirs is voided: the answer is the one an
        // unknown address gets, and the code they already have still works.
        var limited = subject is not null && mailLimit.TryCount(CodeMailLimit.Address(address)) is not null;
        var challengeId = Ids.RandomToken(18);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        await using var tx = await vault.Store.BeginAsync(cancellationToken);
        await tx.RemoveExpiredSignInChallengesAsync(now, cancellationToken);
        if (subject is null || limited)
        {
            if (limited) await tx.AppendAuditAsync(new AuditEntry(now, Actor, "signin.start") { SubjectId = subject, ReasonCodes = [TooManyCodes] }, cancellationToken);
            await tx.AddSignInChallengeAsync(new StoredSignInChallenge(challengeId, null, RandomNumberGenerator.GetBytes(32), null, now + Lifetime, 0), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return challengeId;
        }

        var text = UiText.For(language);
        var (title, body) = text.SignInMessage(runtime.Policy.Document.Controller.Name, code, (int)Lifetime.TotalMinutes);
        await vault.CreateRequestDesk().Outbox.EnqueueAsync(tx, new RenderedMessage(address, title, body), "sign_in_code", language, null, subject, now, cancellationToken);
        await tx.AppendAuditAsync(new AuditEntry(now, Actor, "signin.start") { SubjectId = subject }, cancellationToken);
        await tx.AddSignInChallengeAsync(new StoredSignInChallenge(challengeId, subject, Hash(challengeId, code), SealAddress(address, subject, challengeId), now + Lifetime, 0), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        delivery.Wake();
        return challengeId;
    }

    /// <summary>True while a challenge can still be answered.</summary>
    public async Task<bool> IsOpenAsync(string? challengeId, CancellationToken cancellationToken) =>
        challengeId is not null
        && await runtime.Vault.Store.GetSignInChallengeAsync(challengeId, cancellationToken) is { } challenge
        && challenge.ExpiresAt > clock.GetUtcNow()
        && challenge.Attempts < MaxAttempts;

    /// <summary>Checks a code: the person on success, else why not and how many attempts are left.</summary>
    public async Task<SignInResult> VerifyAsync(string challengeId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        ArgumentNullException.ThrowIfNull(code);
        var normalized = new string(code.Where(char.IsAsciiDigit).ToArray());
        var now = clock.GetUtcNow();
        await using var tx = await runtime.Vault.Store.BeginAsync(cancellationToken);
        await tx.RemoveExpiredSignInChallengesAsync(now, cancellationToken);

        // The attempt is counted before the code is compared: whoever compares holds one of the five.
        var challenge = await tx.CountSignInAttemptAsync(challengeId, now, MaxAttempts, cancellationToken);
        if (challenge is null)
        {
            await tx.CommitAsync(cancellationToken);
            return new SignInResult(SignInOutcome.Expired, null, null, 0);
        }

        var right = CryptographicOperations.FixedTimeEquals(challenge.CodeHash, Hash(challengeId, normalized));
        if (right && challenge is { SubjectId: { } subjectId, SealedAddress: { } sealedAddress })
        {
            var address = OpenAddress(sealedAddress, subjectId, challengeId);
            if (!await tx.RemoveSignInChallengeAsync(challengeId, cancellationToken)) return new SignInResult(SignInOutcome.Expired, null, null, 0);
            await tx.AppendAuditAsync(new AuditEntry(now, Actor, "signin.verify") { SubjectId = subjectId }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new SignInResult(SignInOutcome.SignedIn, subjectId, address, 0);
        }

        if (challenge.SubjectId is not null)
            await tx.AppendAuditAsync(new AuditEntry(now, Actor, "signin.verify") { SubjectId = challenge.SubjectId, ReasonCodes = ["code_wrong"] }, cancellationToken);
        if (challenge.Attempts >= MaxAttempts)
        {
            await tx.RemoveSignInChallengeAsync(challengeId, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new SignInResult(SignInOutcome.TooManyAttempts, null, null, 0);
        }

        await tx.CommitAsync(cancellationToken);
        return new SignInResult(SignInOutcome.Wrong, null, null, MaxAttempts - challenge.Attempts);
    }

    private byte[] Hash(string challengeId, string code) =>
        HMACSHA256.HashData(runtime.KeyRing.SignInCodeKey, Encoding.UTF8.GetBytes(challengeId + ":" + code));

    private byte[] SealAddress(string address, string subjectId, string challengeId)
    {
        using var sealer = runtime.KeyRing.CreateSignInAddressSealer();
        return sealer.Seal(address, new SealBinding(subjectId, AddressCategory, challengeId));
    }

    private string OpenAddress(byte[] sealedAddress, string subjectId, string challengeId)
    {
        using var sealer = runtime.KeyRing.CreateSignInAddressSealer();
        return sealer.OpenString(sealedAddress, new SealBinding(subjectId, AddressCategory, challengeId));
    }
}

/// <summary>Too many sign-ins are waiting for their codes (a flood); nothing was sent or stored. Try again in a few minutes.</summary>
public sealed class SignInBusyException() : Exception("Too many sign-ins are waiting for their codes; try again in a few minutes.");
