using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Custodian.Vault;

namespace Custodian.Server.Auth;

/// <summary>
/// API keys in <c>api-keys.json</c> in the data directory (mode 0600), stored only as SHA-256 hashes of their secret
/// part. A presented key is found by its id and compared in constant time. The file is re-read when it changes, so
/// <c>custodian keys create|revoke</c> take effect on a running server.
/// </summary>
public sealed class ApiKeyStore
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "api-keys.json";

    /// <summary>The prefix of every key, so a leaked key is recognisable by secret scanners.</summary>
    public const string Prefix = "cus_";

    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private Dictionary<string, ApiKey> _keys = new(StringComparer.Ordinal);
    private DateTime _loadedWrite = DateTime.MinValue;
    private long _checkedAt;

    /// <summary>Opens (or prepares) the key file in <paramref name="dataDirectory"/>.</summary>
    public ApiKeyStore(string dataDirectory, TimeProvider? clock = null)
    {
        _path = Path.Combine(dataDirectory, FileName);
        _clock = clock ?? TimeProvider.System;
        Reload(force: true);
    }

    /// <summary>Every key, revoked ones included, newest first.</summary>
    public IReadOnlyList<ApiKey> List()
    {
        Reload(force: true);
        lock (_gate) return [.. _keys.Values.OrderByDescending(k => k.CreatedAt)];
    }

    /// <summary>
    /// Creates a key and returns it with its one-time plain token (<c>cus_&lt;id&gt;.&lt;secret&gt;</c>). Only a service
    /// key may be made to <paramref name="vouches">vouch</paramref> for people (an admin key acts on their behalf anyway).
    /// </summary>
    public (ApiKey Key, string Token) Create(string name, ApiScope scope, IReadOnlyList<string> purposes, bool vouches = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (scope == ApiScope.Service && purposes.Count == 0)
            throw new ArgumentException("A service key must be bound to at least one purpose (--purpose).", nameof(purposes));
        if (vouches && scope != ApiScope.Service)
            throw new ArgumentException("Only a service key vouches for people (--vouch); an admin key submits requests on a person's behalf without it.", nameof(vouches));
        var id = "key_" + Ids.RandomToken(9).Replace('-', 'x').Replace('_', 'y');
        var secret = Ids.RandomToken(32);
        var key = new ApiKey(id, name, scope, scope == ApiScope.Service ? [.. purposes] : [], Hash(secret), _clock.GetUtcNow(), Vouches: vouches);
        lock (_gate)
        {
            Reload(force: true);
            _keys[id] = key;
            Save();
        }

        return (key, $"{Prefix}{id}.{secret}");
    }

    /// <summary>Revokes a key; false when unknown or already revoked.</summary>
    public bool Revoke(string id)
    {
        lock (_gate)
        {
            Reload(force: true);
            if (!_keys.TryGetValue(id, out var key) || key.RevokedAt is not null) return false;
            _keys[id] = key with { RevokedAt = _clock.GetUtcNow() };
            Save();
            return true;
        }
    }

    /// <summary>The key with this id (revoked ones included), or null; re-reads the file when it changed.</summary>
    public ApiKey? Find(string id)
    {
        Reload(force: false);
        lock (_gate) return _keys.TryGetValue(id, out var key) ? key : null;
    }

    /// <summary>The live key a token stands for, or null. The secret is compared in constant time.</summary>
    public ApiKey? Authenticate(string? token)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return null;
        var id = token[Prefix.Length..dot];
        Reload(force: false);
        ApiKey? key;
        lock (_gate) _keys.TryGetValue(id, out key);
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token[(dot + 1)..]));
        var expected = key is null ? new byte[32] : Convert.FromBase64String(key.SecretHash);
        var match = CryptographicOperations.FixedTimeEquals(presented, expected);
        return match && key is { RevokedAt: null } ? key : null;
    }

    private static string Hash(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private void Reload(bool force)
    {
        var now = Environment.TickCount64;
        if (!force && now - Interlocked.Read(ref _checkedAt) < 1000) return;
        Interlocked.Exchange(ref _checkedAt, now);
        var write = File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : DateTime.MinValue;
        if (write == _loadedWrite && !force) return;
        var keys = File.Exists(_path)
            ? JsonSerializer.Deserialize<List<ApiKey>>(File.ReadAllText(_path), ServerJson.Options) ?? []
            : [];
        lock (_gate)
        {
            _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
            _loadedWrite = write;
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temp = _path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_keys.Values.OrderBy(k => k.CreatedAt).ToList(), ServerJson.Options));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, _path, overwrite: true);
        _loadedWrite = File.GetLastWriteTimeUtc(_path);
    }
}
