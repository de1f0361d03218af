namespace Custodian.Storage.Conformance;

/// <summary>Published policy versions: every field reads back, oldest publication first, and a text is published once.</summary>
public abstract class PolicyVersionConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task Published_versions_read_back_with_every_field_oldest_publication_first()
    {
        var second = Version("b2", TestData.T0.AddDays(3)) with { Material = true, Changes = ["material: marketing.email now shares with partners"], Reconsent = ["marketing.email"] };
        var first = Version("a1", TestData.T0);
        var same = Version("c3", TestData.T0.AddDays(3));
        await InTransactionAsync(async t =>
        {
            await t.SavePolicyVersionAsync(second, Ct);
            await t.SavePolicyVersionAsync(first, Ct);
        });
        await InTransactionAsync(t => t.SavePolicyVersionAsync(same, Ct));

        var versions = await Store.GetPolicyVersionsAsync(Ct);

        Assert.Equal([first.ContentHash, second.ContentHash, same.ContentHash], versions.Select(v => v.ContentHash));
        var read = versions[1];
        Assert.Equal((second.Version, second.Effective, second.PublishedAt, second.Text, true), (read.Version, read.Effective, read.PublishedAt, read.Text, read.Material));
        Assert.Equal(second.Changes, read.Changes);
        Assert.Equal(second.Reconsent, read.Reconsent);
        Assert.Empty(versions[0].Changes);
    }

    [Fact]
    public async Task Publishing_the_same_text_twice_is_refused_as_a_duplicate()
    {
        var version = Version("a1", TestData.T0);
        await InTransactionAsync(t => t.SavePolicyVersionAsync(version, Ct));

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.SavePolicyVersionAsync(version with { PublishedAt = TestData.T0.AddDays(1) }, Ct)));

        Assert.Equal(VaultStoreException.Duplicate, ex.Code);
        Assert.Single(await Store.GetPolicyVersionsAsync(Ct));
    }

    private static PolicyVersionRecord Version(string label, DateTimeOffset publishedAt) =>
        new(TestData.NewId("sha"), label, new DateOnly(2025, 4, 1), publishedAt, "policy:\n  version: " + label + "\n", false, [], []);
}
