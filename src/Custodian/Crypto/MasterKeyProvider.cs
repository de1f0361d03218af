using System.Security.Cryptography;

namespace Custodian.Crypto;

/// <summary>
/// Loads the master key: from <c>CUSTODIAN_MASTER_KEY</c> (base64 of exactly 32 bytes) when set,
/// otherwise from <c>master.key</c> in the data directory, creating it (mode 0600) on first run.
/// A key file next to the data it protects is convenient for development; production keeps the
/// key elsewhere, which is why a key-file key carries a <see cref="MasterKey.Warning"/>.
/// </summary>
public sealed class MasterKeyProvider
{
    /// <summary>The environment variable holding the base64 master key.</summary>
    public const string EnvironmentVariable = "CUSTODIAN_MASTER_KEY";

    /// <summary>The key file name inside the data directory.</summary>
    public const string KeyFileName = "master.key";

    private const string KeyFileWarning =
        "The master key is stored in the data directory (master.key). In production keep it outside the data directory "
        + "(set CUSTODIAN_MASTER_KEY from a secret store) so a copy of the data alone cannot be decrypted.";

    private readonly Func<string, string?> _environment;

    /// <summary>Reads the process environment.</summary>
    public MasterKeyProvider()
        : this(System.Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Reads variables through <paramref name="environment"/>, so tests need not touch the process environment.</summary>
    public MasterKeyProvider(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    /// <summary>Loads (or on first run creates) the master key.</summary>
    /// <exception cref="MasterKeyException">The variable or key file is not base64 of exactly 32 bytes.</exception>
    public MasterKey Load(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var fromEnvironment = _environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Decode(fromEnvironment, MasterKeySource.Environment, $"The environment variable {EnvironmentVariable}", null);
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), MasterKeySource.KeyFile, $"The key file {path}", KeyFileWarning);
        }

        return Create(path);
    }

    private static MasterKey Create(string path)
    {
        Span<byte> key = stackalloc byte[MasterKey.Length];
        RandomNumberGenerator.Fill(key);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine(Convert.ToBase64String(key));
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return new MasterKey(key, MasterKeySource.CreatedKeyFile, KeyFileWarning);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static MasterKey Decode(string base64, MasterKeySource source, string origin, string? warning)
    {
        Span<byte> key = stackalloc byte[64];
        try
        {
            if (!Convert.TryFromBase64String(base64.Trim(), key, out var written))
            {
                throw new MasterKeyException($"{origin} must hold base64 of exactly {MasterKey.Length} bytes; it is not valid base64 or is too long.");
            }

            if (written != MasterKey.Length)
            {
                throw new MasterKeyException($"{origin} must hold base64 of exactly {MasterKey.Length} bytes; it decodes to {written} bytes.");
            }

            return new MasterKey(key[..written], source, warning);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
