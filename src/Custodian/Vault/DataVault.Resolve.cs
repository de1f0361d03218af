using System.Globalization;
using Custodian.Crypto;
using Custodian.Decisions;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Vault;

public sealed partial class DataVault
{
    /// <summary>The policy's id for a purpose key, or an <c>unknown_purpose</c> error naming the nearest ones.</summary>
    public PurposeId ResolvePurpose(string key) =>
        Policy.TryGetPurpose(key, out var id) ? id
        : throw new VaultException(VaultErrorCodes.UnknownPurpose, $"The policy declares no purpose '{Suggestions.Quote(key)}'.", Suggestions.Nearest(key, Policy.PurposeKeys));

    /// <summary>The policy's id for a category key, or an <c>unknown_category</c> error naming the nearest ones.</summary>
    public CategoryId ResolveCategory(string key) =>
        Policy.TryGetCategory(key, out var id) ? id
        : throw new VaultException(VaultErrorCodes.UnknownCategory, $"There is no category '{Suggestions.Quote(key)}' in the taxonomy or the policy.", Suggestions.Nearest(key, Policy.CategoryKeys));

    /// <summary>The policy's id for a recipient key, or an <c>unknown_recipient</c> error naming the nearest ones.</summary>
    public RecipientId ResolveRecipient(string key) =>
        Policy.TryGetRecipient(key, out var id) ? id
        : throw new VaultException(VaultErrorCodes.UnknownRecipient, $"The policy declares no recipient '{Suggestions.Quote(key)}'.", Suggestions.Nearest(key, Policy.RecipientKeys));

    /// <summary>The policy's id for a permission key, or an <c>unknown_permission</c> error naming the nearest ones.</summary>
    public PermissionId ResolvePermission(string key) =>
        Policy.TryGetPermission(key, out var id) ? id
        : throw new VaultException(VaultErrorCodes.UnknownPermission, $"The policy declares no permission '{Suggestions.Quote(key)}'.", Suggestions.Nearest(key, Policy.PermissionKeys));

    /// <summary>The prefix of a consent key naming a cookie category rather than a purpose (<c>cookie:marketing</c>).</summary>
    public const string CookieKeyPrefix = "cookie:";

    /// <summary>The policy's cookie category with that key, or an <c>unknown_cookie_category</c> error naming the nearest ones.</summary>
    public CookieCategory ResolveCookieCategory(string key) =>
        Policy.Document.Cookies.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal))
        ?? throw new VaultException(VaultErrorCodes.UnknownCookieCategory, $"The policy declares no cookie category '{Suggestions.Quote(key)}'.", Suggestions.Nearest(key, Policy.Document.Cookies.Select(c => c.Key)));

    /// <summary>Loads what is recorded about a person as decision facts (reused while the person's state is unchanged).</summary>
    public async Task<(SubjectState State, SubjectFacts Facts)> LoadFactsAsync(string subjectId, CancellationToken cancellationToken)
    {
        var loaded = await SubjectStateAsync(subjectId, cancellationToken);
        return (loaded.State, loaded.Facts);
    }

    /// <summary>A person's snapshot at an instant (now when not given), against the policy in force.</summary>
    public async Task<SubjectSnapshot> SnapshotAsync(string subjectId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var (_, facts) = await LoadFactsAsync(subjectId, cancellationToken);
        return SubjectSnapshot.Build(Policy, facts, at ?? _clock.GetUtcNow(), _reconsentSince);
    }

    private IReadOnlyDictionary<string, DateTimeOffset>? _reconsentSince;

    /// <summary>Purposes whose meaning changed materially: consents given before the instant no longer count after it.</summary>
    public void RequireReconsent(IReadOnlyDictionary<string, DateTimeOffset> since) => _reconsentSince = since;

    private async Task<RecordSealer?> SubjectSealerAsync(string keyOwnerId, CancellationToken cancellationToken)
    {
        var wrapped = await _store.GetSubjectKeyAsync(keyOwnerId, cancellationToken);
        return wrapped is null ? null : _keys.OpenSubjectKey(keyOwnerId, wrapped.KeyId, wrapped.Wrapped);
    }

    private async Task RequireLiveSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        RequireLive(await _store.GetSubjectAsync(subjectId, cancellationToken), subjectId);

    /// <summary>Throws unless <paramref name="subject"/> exists and was neither merged into another nor erased.</summary>
    private static void RequireLive(StoredSubject? subject, string subjectId)
    {
        if (subject is null) throw new VaultException(VaultErrorCodes.UnknownSubject, $"No person with id '{subjectId}'.");
        if (subject.MergedInto is { } survivor)
            throw new VaultException(VaultErrorCodes.UnknownSubject, $"Person '{subjectId}' was merged into '{survivor}'; use that id.");
        if (subject.ShreddedAt is not null)
            throw new VaultException(VaultErrorCodes.SubjectErased, $"Person '{subjectId}' was erased.");
    }
}
