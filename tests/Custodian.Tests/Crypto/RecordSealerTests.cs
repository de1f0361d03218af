using System.Buffers.Binary;
using System.Text;
using Custodian.Crypto;

namespace Custodian.Tests.Crypto;

public sealed class RecordSealerTests : IDisposable
{
    private static readonly SealBinding Binding = new("sub_1", "user.contact.email", "rec_1");
    private readonly RecordSealer _sealer = new(0x1234, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    public void Dispose() => _sealer.Dispose();

    [Fact]
    public void Seal_then_Open_returns_the_plaintext()
    {
        var sealedValue = _sealer.Seal("ada@example.org", Binding);

        Assert.Equal("ada@example.org", _sealer.OpenString(sealedValue, Binding));
    }

    [Fact]
    public void Seal_writes_a_versioned_self_describing_envelope()
    {
        var plaintext = Encoding.UTF8.GetBytes("hello");

        var sealedValue = _sealer.Seal(plaintext, Binding);
        var envelope = SealedEnvelope.Parse(sealedValue);

        Assert.Equal(plaintext.Length + 1 + 4 + 12 + 16, sealedValue.Length);
        Assert.Equal(SealedEnvelope.CurrentVersion, sealedValue[0]);
        Assert.Equal(0x1234u, BinaryPrimitives.ReadUInt32BigEndian(sealedValue.AsSpan(1)));
        Assert.Equal(0x1234u, envelope.KeyId);
        Assert.Equal(12, envelope.Nonce.Length);
        Assert.Equal(16, envelope.Tag.Length);
        Assert.False(envelope.Ciphertext.SequenceEqual(plaintext));
    }

    [Fact]
    public void A_thousand_values_sealed_by_one_sealer_never_share_a_nonce_and_all_open()
    {
        var nonces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 1000; i++)
        {
            var binding = new SealBinding("sub_1", "user.sensor", "evt_" + i);
            var sealedValue = _sealer.Seal("reading " + i, binding);

            Assert.True(nonces.Add(Convert.ToHexString(SealedEnvelope.Parse(sealedValue).Nonce)), $"nonce of value {i} repeated");
            Assert.Equal("reading " + i, _sealer.OpenString(sealedValue, binding));
        }
    }

    [Fact]
    public void A_value_opens_with_its_id_given_as_utf8_and_not_with_another_id()
    {
        var sealedValue = _sealer.Seal("21.5", Binding);
        var destination = new byte[16];

        var written = _sealer.Open(sealedValue, Binding.SubjectId, Binding.CategoryKey, "rec_1"u8, destination);

        Assert.Equal("21.5", Encoding.UTF8.GetString(destination, 0, written));
        var wrong = Assert.Throws<SealedValueException>(() => _sealer.Open(sealedValue, Binding.SubjectId, Binding.CategoryKey, "rec_2"u8, destination));
        Assert.Equal(SealedValueException.AuthenticationFailedCode, wrong.Code);
    }

    [Fact]
    public void Sealing_the_same_value_twice_gives_different_ciphertexts()
    {
        Assert.NotEqual(_sealer.Seal("x", Binding), _sealer.Seal("x", Binding));
    }

    [Theory]
    [InlineData("sub_2", "user.contact.email", "rec_1")]
    [InlineData("sub_1", "user.contact.phone_number", "rec_1")]
    [InlineData("sub_1", "user.contact.email", "rec_2")]
    public void Open_with_another_binding_throws_authentication_failed(string subject, string category, string record)
    {
        var sealedValue = _sealer.Seal("ada@example.org", Binding);

        var ex = Assert.Throws<SealedValueException>(() => _sealer.Open(sealedValue, new SealBinding(subject, category, record)));

        Assert.Equal(SealedValueException.AuthenticationFailedCode, ex.Code);
        Assert.DoesNotContain("ada", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_of_a_tampered_byte_throws()
    {
        var sealedValue = _sealer.Seal("ada@example.org", Binding);
        sealedValue[20] ^= 1;

        Assert.Throws<SealedValueException>(() => _sealer.Open(sealedValue, Binding));
    }

    [Fact]
    public void Open_under_another_key_id_throws_key_mismatch()
    {
        using var other = new RecordSealer(0x9999, new byte[32]);
        var sealedValue = other.Seal("x", Binding);

        var ex = Assert.Throws<SealedValueException>(() => _sealer.Open(sealedValue, Binding));

        Assert.Equal(SealedValueException.KeyMismatchCode, ex.Code);
    }

    [Fact]
    public void Open_of_truncated_or_unknown_version_bytes_throws_malformed()
    {
        var sealedValue = _sealer.Seal("x", Binding);
        var unknownVersion = (byte[])sealedValue.Clone();
        unknownVersion[0] = 9;

        Assert.Equal(SealedValueException.MalformedCode, Assert.Throws<SealedValueException>(() => _sealer.Open(sealedValue.AsSpan(0, 10), Binding)).Code);
        Assert.Equal(SealedValueException.MalformedCode, Assert.Throws<SealedValueException>(() => _sealer.Open(unknownVersion, Binding)).Code);
    }

    [Fact]
    public void Seal_into_a_span_and_long_bindings_round_trip()
    {
        var binding = new SealBinding(new string('s', 300), new string('c', 300), new string('r', 300));
        var plaintext = new byte[1000];
        var destination = new byte[SealedEnvelope.SealedLength(plaintext.Length)];

        var written = _sealer.Seal(plaintext, binding, destination);
        var opened = new byte[plaintext.Length];
        var length = _sealer.Open(destination, binding, opened);

        Assert.Equal(destination.Length, written);
        Assert.Equal(plaintext.Length, length);
    }
}
