using System.Security.Cryptography;
using Custodian.Crypto;

namespace Custodian.Tests.Crypto;

public sealed class PasswordHasherTests
{
    private static readonly Lazy<string> Stored = new(() => PasswordHasher.Hash("correct horse battery staple"));

    [Fact]
    public void Hash_writes_a_self_describing_string_with_at_least_600000_iterations()
    {
        var parts = Stored.Value.Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(PasswordHasher.ReadIterations(Stored.Value) >= 600_000);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.False(PasswordHasher.NeedsRehash(Stored.Value));
    }

    [Fact]
    public void Verify_accepts_the_right_password()
    {
        Assert.True(PasswordHasher.Verify("correct horse battery staple", Stored.Value));
    }

    [Fact]
    public void Verify_rejects_a_wrong_password()
    {
        Assert.False(PasswordHasher.Verify("Correct horse battery staple", Stored.Value));
    }

    [Fact]
    public void A_hash_with_older_parameters_still_verifies_and_asks_for_a_rehash()
    {
        var salt = new byte[16];
        var hash = Rfc2898DeriveBytes.Pbkdf2("pw"u8.ToArray(), salt, 1000, HashAlgorithmName.SHA256, 32);
        var old = $"pbkdf2-sha256$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";

        Assert.True(PasswordHasher.Verify("pw", old));
        Assert.True(PasswordHasher.NeedsRehash(old));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("bcrypt$10$abc$def")]
    [InlineData("pbkdf2-sha256$lots$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("pbkdf2-sha256$1000$!!$AAAAAAAAAAAAAAAAAAAAAA==")]
    public void Verify_of_a_malformed_hash_throws_FormatException(string encoded)
    {
        Assert.Throws<FormatException>(() => PasswordHasher.Verify("pw", encoded));
    }
}
