using Custodian.Crypto;

namespace Custodian.Storage.Conformance;

/// <summary>Subjects, lookup keys and wrapped data keys.</summary>
public abstract class SubjectConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task A_created_subject_reads_back_with_its_sealed_birth_date()
    {
        var subject = TestData.Subject();

        await NewSubjectAsync(subject);
        var read = await Store.GetSubjectAsync(subject.SubjectId, Ct);

        Assert.NotNull(read);
        Assert.Equal(subject.CreatedAt, read.CreatedAt);
        Assert.Equal(subject.BirthDateSealed, read.BirthDateSealed);
        Assert.Null(read.MergedInto);
        Assert.Null(read.ShreddedAt);
    }

    [Fact]
    public async Task Creating_a_subject_twice_fails_with_duplicate()
    {
        var subject = await NewSubjectAsync();

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.CreateSubjectAsync(subject, Ct)));

        Assert.Equal(VaultStoreException.Duplicate, ex.Code);
    }

    [Fact]
    public async Task An_unknown_subject_reads_as_null()
    {
        Assert.Null(await Store.GetSubjectAsync("sub_unknown", Ct));
        Assert.Null(await Store.LoadSubjectStateAsync("sub_unknown", Ct));
    }

    [Fact]
    public async Task A_lookup_key_finds_its_subject_only_for_its_kind()
    {
        var subject = await NewSubjectAsync();
        var index = TestData.Keys.CreateBlindIndex().Compute(LookupKind.Email, "Ada@Example.org");

        await InTransactionAsync(t => t.AddLookupKeyAsync(subject.SubjectId, LookupKind.Email, index, Ct));

        Assert.Equal(subject.SubjectId, await Store.FindSubjectAsync(LookupKind.Email, index, Ct));
        Assert.Null(await Store.FindSubjectAsync(LookupKind.UserName, index, Ct));
    }

    [Fact]
    public async Task A_lookup_key_already_used_by_another_subject_is_refused()
    {
        var first = await NewSubjectAsync();
        var second = await NewSubjectAsync();
        byte[] index = [1, 2, 3, 4];
        await InTransactionAsync(t => t.AddLookupKeyAsync(first.SubjectId, LookupKind.Phone, index, Ct));

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.AddLookupKeyAsync(second.SubjectId, LookupKind.Phone, index, Ct)));

        Assert.Equal(VaultStoreException.LookupTaken, ex.Code);
    }

    [Fact]
    public async Task A_removed_lookup_key_no_longer_finds_the_subject()
    {
        var subject = await NewSubjectAsync();
        byte[] index = [5, 6, 7];
        await InTransactionAsync(t => t.AddLookupKeyAsync(subject.SubjectId, LookupKind.UserName, index, Ct));
        var removed = false;

        await InTransactionAsync(async t => removed = await t.RemoveLookupKeyAsync(LookupKind.UserName, index, Ct));

        Assert.True(removed);
        Assert.Null(await Store.FindSubjectAsync(LookupKind.UserName, index, Ct));
    }

    [Fact]
    public async Task A_stored_wrapped_key_reads_back_and_unwraps()
    {
        var subject = await NewSubjectAsync();
        using var key = TestData.Keys.CreateSubjectKey(subject.SubjectId);

        await InTransactionAsync(t => t.StoreSubjectKeyAsync(new WrappedSubjectKey(subject.SubjectId, key.KeyId, key.Wrapped, TestData.T0), Ct));
        var read = await Store.GetSubjectKeyAsync(subject.SubjectId, Ct);

        Assert.NotNull(read);
        Assert.Equal(key.KeyId, read.KeyId);
        using var sealer = TestData.Keys.OpenSubjectKey(subject.SubjectId, read.KeyId, read.Wrapped);
        Assert.Equal(key.KeyId, sealer.KeyId);
    }
}
