using System.Security.Cryptography;
using Custodian.Retention;

namespace Custodian.Tests.Retention;

public sealed class ArchiveKeyTests
{
    private static readonly ArchivedValue Value = new("rec_1", "sub_1", "user.name", "essential.service", "account", new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero), "Kalle Virtanen");

    [Fact]
    public void An_archive_sealed_to_the_public_key_opens_with_the_private_key()
    {
        using var management = ArchivePrivateKey.Generate();
        using var service = ArchivePublicKey.FromPem(management.ExportPublicPem());

        var archive = service.Seal("arc_1", DateTimeOffset.UnixEpoch, [Value]);
        var opened = management.Open(archive);

        Assert.Equal(Value, Assert.Single(opened));
    }

    [Fact]
    public void The_archive_holds_no_value_in_the_clear()
    {
        using var management = ArchivePrivateKey.Generate();
        using var service = management.PublicKey();

        var archive = service.Seal("arc_1", DateTimeOffset.UnixEpoch, [Value]);

        Assert.DoesNotContain("Kalle", System.Text.Encoding.UTF8.GetString(archive.Items[0].Sealed), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_private_key_cannot_open_the_archive()
    {
        using var management = ArchivePrivateKey.Generate();
        using var other = ArchivePrivateKey.Generate();
        using var service = management.PublicKey();

        var archive = service.Seal("arc_1", DateTimeOffset.UnixEpoch, [Value]);

        Assert.Throws<CryptographicException>(() => other.Open(archive));
    }

    [Fact]
    public void An_item_moved_to_another_archive_does_not_open()
    {
        using var management = ArchivePrivateKey.Generate();
        using var service = management.PublicKey();
        var first = service.Seal("arc_1", DateTimeOffset.UnixEpoch, [Value]);

        var moved = first with { ArchiveId = "arc_2" };

        Assert.ThrowsAny<CryptographicException>(() => management.Open(moved));
    }

    [Fact]
    public void A_public_key_shorter_than_2048_bits_is_refused()
    {
        using var small = RSA.Create(1024);

        var error = Assert.Throws<ArgumentException>(() => ArchivePublicKey.FromPem(small.ExportSubjectPublicKeyInfoPem()));

        Assert.Contains("2048", error.Message, StringComparison.Ordinal);
    }
}
