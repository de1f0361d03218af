using Custodian.Crypto;

namespace Custodian.Tests.Crypto;

public sealed class KeyRingTests
{
    private static readonly byte[] Master = Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray();

    [Fact]
    public void Derived_keys_are_distinct_and_deterministic()
    {
        using var ring = new KeyRing(Master);
        using var again = new KeyRing(Master);

        Assert.False(ring.IndexKey.SequenceEqual(ring.AuditKey));
        Assert.False(ring.AuditKey.SequenceEqual(ring.HoldKey));
        Assert.False(ring.IndexKey.SequenceEqual(Master));
        Assert.True(ring.IndexKey.SequenceEqual(again.IndexKey));
    }

    [Fact]
    public void The_privacy_center_keys_are_derived_apart_from_every_other_key_and_alike_in_every_process()
    {
        using var ring = new KeyRing(Master);
        using var again = new KeyRing(Master);
        var binding = new SealBinding("sub_1", "user.contact.email", "chl_1");
        using var addressSealer = ring.CreateSignInAddressSealer();
        using var holdSealer = ring.CreateHoldSealer();
        var sealedAddress = addressSealer.Seal("ada@example.com", binding);
        byte[][] keys = [ring.IndexKey.ToArray(), ring.AuditKey.ToArray(), ring.HoldKey.ToArray(), ring.SignInCodeKey.ToArray(), ring.UiKeyRingKey.ToArray(), Master];

        Assert.Equal(keys.Length, keys.Select(Convert.ToHexString).Distinct().Count());
        Assert.True(ring.SignInCodeKey.SequenceEqual(again.SignInCodeKey));
        Assert.True(ring.UiKeyRingKey.SequenceEqual(again.UiKeyRingKey));
        using var reopened = again.CreateSignInAddressSealer();
        Assert.Equal("ada@example.com", reopened.OpenString(sealedAddress, binding));
        Assert.Equal(KeyRing.SignInAddressKeyId, addressSealer.KeyId);
        Assert.Throws<SealedValueException>(() => holdSealer.Open(sealedAddress, binding));
    }

    [Fact]
    public void A_wrapped_subject_key_unwraps_to_a_sealer_that_opens_its_values()
    {
        using var ring = new KeyRing(Master);
        using var key = ring.CreateSubjectKey("sub_1");
        using var sealer = key.CreateSealer();
        var binding = new SealBinding("sub_1", "user.name", "rec_1");
        var sealedValue = sealer.Seal("Ada", binding);

        using var reopened = ring.OpenSubjectKey("sub_1", key.KeyId, key.Wrapped);

        Assert.True(key.KeyId >= KeyRing.FirstSubjectKeyId);
        Assert.Equal("Ada", reopened.OpenString(sealedValue, binding));
        Assert.False(key.Wrapped.AsSpan().IndexOf(key.Key) >= 0);
    }

    [Fact]
    public void A_wrapped_key_moved_to_another_subject_fails_to_unwrap()
    {
        using var ring = new KeyRing(Master);
        using var key = ring.CreateSubjectKey("sub_1");

        Assert.Throws<SealedValueException>(() => ring.OpenSubjectKey("sub_2", key.KeyId, key.Wrapped));
    }

    [Fact]
    public void A_wrapped_key_does_not_unwrap_under_another_master_key()
    {
        using var ring = new KeyRing(Master);
        using var other = new KeyRing(new byte[32]);
        using var key = ring.CreateSubjectKey("sub_1");

        Assert.Throws<SealedValueException>(() => other.OpenSubjectKey("sub_1", key.KeyId, key.Wrapped));
    }

    [Fact]
    public void A_master_key_of_the_wrong_length_is_refused()
    {
        Assert.Throws<MasterKeyException>(() => new KeyRing(new byte[16]));
    }

    [Fact]
    public void Many_threads_wrap_and_unwrap_subject_keys_at_once_without_failures()
    {
        using var ring = new KeyRing(Master);
        var keys = Enumerable.Range(0, 16).Select(i => ring.CreateSubjectKey($"sub_{i}")).ToArray();

        Parallel.For(0, 400_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var key = keys[i % keys.Length];
            using var sealer = ring.OpenSubjectKey($"sub_{i % keys.Length}", key.KeyId, key.Wrapped);
            if (i % 7 == 0) ring.CreateSubjectKey($"sub_new_{i}").Dispose();
        });

        foreach (var key in keys) key.Dispose();
    }
}
