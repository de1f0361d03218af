using Custodian.Crypto;

namespace Custodian.Tests.Crypto;

public sealed class MasterKeyProviderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "custodian-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Load_from_a_valid_environment_variable_uses_it_without_warning()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var provider = new MasterKeyProvider(_ => Convert.ToBase64String(key));

        using var master = provider.Load(_directory);

        Assert.Equal(MasterKeySource.Environment, master.Source);
        Assert.Null(master.Warning);
        Assert.True(master.Bytes.SequenceEqual(key));
        Assert.False(File.Exists(Path.Combine(_directory, MasterKeyProvider.KeyFileName)));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Load_from_a_bad_environment_variable_fails_clearly_without_echoing_it(string value)
    {
        var provider = new MasterKeyProvider(_ => value);

        var ex = Assert.Throws<MasterKeyException>(() => provider.Load(_directory));

        Assert.Contains(MasterKeyProvider.EnvironmentVariable, ex.Message, StringComparison.Ordinal);
        Assert.Contains("32 bytes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_without_a_variable_creates_a_private_key_file_once_and_warns()
    {
        var provider = new MasterKeyProvider(_ => null);

        using var created = provider.Load(_directory);
        using var loaded = provider.Load(_directory);

        Assert.Equal(MasterKeySource.CreatedKeyFile, created.Source);
        Assert.Equal(MasterKeySource.KeyFile, loaded.Source);
        Assert.True(created.Bytes.SequenceEqual(loaded.Bytes));
        Assert.Contains("outside the data directory", created.Warning, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, MasterKeyProvider.KeyFileName)));
        }
    }

    [Fact]
    public void ToString_never_shows_key_material()
    {
        using var master = new MasterKey(new byte[32], MasterKeySource.Environment);

        Assert.Equal("MasterKey(Environment)", master.ToString());
    }
}
