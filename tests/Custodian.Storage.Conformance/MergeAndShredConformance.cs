using Custodian.Crypto;

namespace Custodian.Storage.Conformance;

/// <summary>Merging two subjects (history kept) and erasure by crypto-shredding, then purging.</summary>
public abstract class MergeAndShredConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task Merging_moves_lookups_records_events_and_consents_to_the_survivor()
    {
        var survivor = await NewSubjectAsync();
        var merged = await NewSubjectAsync();
        byte[] index = [4, 2];
        var record = TestData.Record(merged.SubjectId);
        await InTransactionAsync(async t =>
        {
            await t.AddLookupKeyAsync(merged.SubjectId, LookupKind.Email, index, Ct);
            await t.WriteRecordsAsync([record], Ct);
            await t.AppendEventsAsync([TestData.Event(merged.SubjectId, 1), TestData.Event(merged.SubjectId, 2)], Ct);
            await t.AppendConsentAsync(TestData.Consent(merged.SubjectId, "analytics.reporting", true, TestData.T0), Ct);
        });

        await InTransactionAsync(t => t.MergeSubjectsAsync(survivor.SubjectId, merged.SubjectId, TestData.T0.AddDays(1), Ct));

        Assert.Equal(survivor.SubjectId, await Store.FindSubjectAsync(LookupKind.Email, index, Ct));
        var moved = await Store.GetRecordAsync(record.RecordId, Ct);
        Assert.Equal(survivor.SubjectId, moved!.SubjectId);
        Assert.Equal(merged.SubjectId, moved.EffectiveKeyOwnerId);
        Assert.Equal(2, await Store.CountEventsAsync(survivor.SubjectId, Ct));
        Assert.Single((await Store.LoadSubjectStateAsync(survivor.SubjectId, Ct))!.Consents);
        var history = await Store.GetSubjectAsync(merged.SubjectId, Ct);
        Assert.Equal(survivor.SubjectId, history!.MergedInto);
        Assert.Equal(TestData.T0.AddDays(1), history.MergedAt);
        Assert.Equal(merged.SubjectId, Assert.Single(await Store.GetMergedSubjectsAsync(survivor.SubjectId, Ct)).SubjectId);
    }

    [Fact]
    public async Task A_subject_cannot_be_merged_with_itself_or_twice()
    {
        var a = await NewSubjectAsync();
        var b = await NewSubjectAsync();
        var c = await NewSubjectAsync();
        await InTransactionAsync(t => t.MergeSubjectsAsync(a.SubjectId, b.SubjectId, TestData.T0, Ct));

        var self = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.MergeSubjectsAsync(a.SubjectId, a.SubjectId, TestData.T0, Ct)));
        var twice = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.MergeSubjectsAsync(c.SubjectId, b.SubjectId, TestData.T0, Ct)));
        var unknown = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.MergeSubjectsAsync(a.SubjectId, "sub_missing", TestData.T0, Ct)));

        Assert.Equal(VaultStoreException.InvalidMerge, self.Code);
        Assert.Equal(VaultStoreException.InvalidMerge, twice.Code);
        Assert.Equal(VaultStoreException.UnknownSubject, unknown.Code);
    }

    [Fact]
    public async Task Shredding_destroys_the_keys_of_the_subject_and_of_subjects_merged_into_it()
    {
        var survivor = await NewSubjectAsync();
        var merged = await NewSubjectAsync();
        byte[] index = [8, 8];
        await InTransactionAsync(async t =>
        {
            await StoreKeysAsync(t, survivor, merged);

            await t.AddLookupKeyAsync(survivor.SubjectId, LookupKind.Email, index, Ct);
            await t.MergeSubjectsAsync(survivor.SubjectId, merged.SubjectId, TestData.T0, Ct);
        });
        var destroyed = 0;

        await InTransactionAsync(async t => destroyed = await t.ShredSubjectAsync(survivor.SubjectId, TestData.T0.AddDays(9), Ct));

        Assert.Equal(2, destroyed);
        Assert.Null(await Store.GetSubjectKeyAsync(survivor.SubjectId, Ct));
        Assert.Null(await Store.GetSubjectKeyAsync(merged.SubjectId, Ct));
        Assert.Null(await Store.FindSubjectAsync(LookupKind.Email, index, Ct));
        var state = await Store.LoadSubjectStateAsync(survivor.SubjectId, Ct);
        Assert.False(state!.HasDataKey);
        Assert.Equal(TestData.T0.AddDays(9), state.Subject.ShreddedAt);
        Assert.Null(state.Subject.BirthDateSealed);
    }

    [Fact]
    public async Task A_person_erased_after_an_earlier_purge_is_purged_in_turn()
    {
        var first = await NewSubjectAsync();
        var second = await NewSubjectAsync();
        await InTransactionAsync(async t =>
        {
            await t.AppendEventsAsync(Enumerable.Range(0, 5).Select(i => TestData.Event(first.SubjectId, i)).ToList(), Ct);
            await t.AppendEventsAsync(Enumerable.Range(0, 7).Select(i => TestData.Event(second.SubjectId, 100 + i)).ToList(), Ct);
            await t.ShredSubjectAsync(first.SubjectId, TestData.T0, Ct);
        });
        var firstPurge = 0;
        for (int n; (n = await Store.PurgeShreddedAsync(100, Ct)) > 0;) firstPurge += n;

        await InTransactionAsync(t => t.ShredSubjectAsync(second.SubjectId, TestData.T0.AddDays(1), Ct));
        var secondPurge = 0;
        for (int n; (n = await Store.PurgeShreddedAsync(100, Ct)) > 0;) secondPurge += n;

        Assert.Equal(5, firstPurge);
        Assert.Equal(7, secondPurge);
        Assert.Equal(0, await Store.CountEventsAsync(second.SubjectId, Ct));
        Assert.Equal(0, await Store.PurgeShreddedAsync(100, Ct));
    }

    [Fact]
    public async Task Purging_after_shredding_removes_subject_sealed_rows_and_keeps_held_records()
    {
        var subject = await NewSubjectAsync();
        var bystander = await NewSubjectAsync();
        var ordinary = TestData.Record(subject.SubjectId);
        var held = TestData.Record(subject.SubjectId, "user.financial.bank_account", keyKind: SealingKeyKind.Hold);
        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([ordinary, held, TestData.Record(bystander.SubjectId)], Ct);
            await t.AppendEventsAsync(Enumerable.Range(0, 25).Select(i => TestData.Event(subject.SubjectId, i)).ToList(), Ct);
            await t.AppendEventsAsync([TestData.Event(bystander.SubjectId, 1)], Ct);
            await t.ShredSubjectAsync(subject.SubjectId, TestData.T0, Ct);
        });

        var total = 0;
        int deleted;
        while ((deleted = await Store.PurgeShreddedAsync(10, Ct)) > 0)
        {
            Assert.True(deleted <= 10);
            total += deleted;
        }

        Assert.Equal(26, total);
        Assert.Equal(0, await Store.CountEventsAsync(subject.SubjectId, Ct));
        Assert.Null(await Store.GetRecordAsync(ordinary.RecordId, Ct));
        Assert.NotNull(await Store.GetRecordAsync(held.RecordId, Ct));
        Assert.Equal(1, await Store.CountEventsAsync(bystander.SubjectId, Ct));
        Assert.Single(await Store.GetRecordsAsync(bystander.SubjectId, null, Ct));
    }

    [Fact]
    public async Task A_shredded_person_and_those_merged_into_them_are_purged_in_the_shredding_transaction()
    {
        var subject = await NewSubjectAsync();
        var merged = await NewSubjectAsync();
        var bystander = await NewSubjectAsync();
        var ordinary = TestData.Record(merged.SubjectId);
        var held = TestData.Record(subject.SubjectId, "user.financial.bank_account", keyKind: SealingKeyKind.Hold);
        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([ordinary, held, TestData.Record(bystander.SubjectId)], Ct);
            await t.AppendEventsAsync(Enumerable.Range(0, 4).Select(i => TestData.Event(subject.SubjectId, i)).ToList(), Ct);
            await t.AppendEventsAsync([TestData.Event(bystander.SubjectId, 1)], Ct);
            await t.MergeSubjectsAsync(subject.SubjectId, merged.SubjectId, TestData.T0, Ct);
        });
        var purged = 0;

        await InTransactionAsync(async t =>
        {
            await t.ShredSubjectAsync(subject.SubjectId, TestData.T0.AddDays(1), Ct);
            purged = await t.PurgeShreddedSubjectAsync(subject.SubjectId, 100, Ct);
        });

        Assert.Equal(5, purged);
        Assert.Equal(0, await Store.CountEventsAsync(subject.SubjectId, Ct));
        Assert.Null(await Store.GetRecordAsync(ordinary.RecordId, Ct));
        Assert.NotNull(await Store.GetRecordAsync(held.RecordId, Ct));
        Assert.Equal(1, await Store.CountEventsAsync(bystander.SubjectId, Ct));
        Assert.Single(await Store.GetRecordsAsync(bystander.SubjectId, null, Ct));
        Assert.Equal(0, await Store.PurgeShreddedAsync(100, Ct));
    }

    [Fact]
    public async Task A_person_with_more_rows_than_the_limit_is_left_to_the_batched_purge()
    {
        var subject = await NewSubjectAsync();
        await InTransactionAsync(t => t.AppendEventsAsync(Enumerable.Range(0, 12).Select(i => TestData.Event(subject.SubjectId, i)).ToList(), Ct));
        var purged = 0;

        await InTransactionAsync(async t =>
        {
            await t.ShredSubjectAsync(subject.SubjectId, TestData.T0, Ct);
            purged = await t.PurgeShreddedSubjectAsync(subject.SubjectId, 10, Ct);
        });
        var left = await Store.CountEventsAsync(subject.SubjectId, Ct);
        var batched = 0;
        for (int n; (n = await Store.PurgeShreddedAsync(100, Ct)) > 0;) batched += n;

        Assert.Equal(-1, purged);
        Assert.Equal(12, left);
        Assert.Equal(12, batched);
    }

    [Fact]
    public async Task Shredding_and_purging_reach_people_merged_through_an_earlier_merge()
    {
        var survivor = await NewSubjectAsync();
        var middle = await NewSubjectAsync();
        var earliest = await NewSubjectAsync();
        var oldest = TestData.Record(earliest.SubjectId);
        await InTransactionAsync(async t =>
        {
            await StoreKeysAsync(t, survivor, middle, earliest);

            await t.WriteRecordsAsync([oldest], Ct);
            await t.AppendEventsAsync(Enumerable.Range(0, 3).Select(i => TestData.Event(middle.SubjectId, i)).ToList(), Ct);
            await t.MergeSubjectsAsync(middle.SubjectId, earliest.SubjectId, TestData.T0, Ct);
            await t.MergeSubjectsAsync(survivor.SubjectId, middle.SubjectId, TestData.T0, Ct);
        });
        int destroyed = 0, purged = 0;

        await InTransactionAsync(async t =>
        {
            destroyed = await t.ShredSubjectAsync(survivor.SubjectId, TestData.T0.AddDays(1), Ct);
            purged = await t.PurgeShreddedSubjectAsync(survivor.SubjectId, 100, Ct);
        });

        Assert.Equal(3, destroyed);
        Assert.Equal(4, purged);
        Assert.Null(await Store.GetSubjectKeyAsync(earliest.SubjectId, Ct));
        Assert.Null(await Store.GetRecordAsync(oldest.RecordId, Ct));
        Assert.Equal(0, await Store.CountEventsAsync(survivor.SubjectId, Ct));
        Assert.Equal(TestData.T0.AddDays(1), (await Store.GetSubjectAsync(earliest.SubjectId, Ct))!.ShreddedAt);
    }

    [Fact]
    public async Task The_purge_limit_counts_the_rows_of_the_whole_merged_family()
    {
        var survivor = await NewSubjectAsync();
        var merged = await NewSubjectAsync();
        await InTransactionAsync(async t =>
        {
            await t.AppendEventsAsync(Enumerable.Range(0, 6).Select(i => TestData.Event(survivor.SubjectId, i)).ToList(), Ct);
            await t.AppendEventsAsync(Enumerable.Range(0, 6).Select(i => TestData.Event(merged.SubjectId, 100 + i)).ToList(), Ct);
            await t.MergeSubjectsAsync(survivor.SubjectId, merged.SubjectId, TestData.T0, Ct);
        });
        var purged = 0;

        await InTransactionAsync(async t =>
        {
            await t.ShredSubjectAsync(survivor.SubjectId, TestData.T0, Ct);
            purged = await t.PurgeShreddedSubjectAsync(survivor.SubjectId, 10, Ct);
        });

        Assert.Equal(-1, purged);
        Assert.Equal(12, await Store.CountEventsAsync(survivor.SubjectId, Ct));
    }

    [Fact]
    public async Task Shred_and_purge_in_one_call_does_what_the_two_steps_do()
    {
        var survivor = await NewSubjectAsync();
        var merged = await NewSubjectAsync();
        var bystander = await NewSubjectAsync();
        var record = TestData.Record(merged.SubjectId);
        var held = TestData.Record(survivor.SubjectId, "user.financial.bank_account", keyKind: SealingKeyKind.Hold);
        var untouched = TestData.Record(bystander.SubjectId);
        await InTransactionAsync(async t =>
        {
            await StoreKeysAsync(t, survivor, merged, bystander);

            await t.WriteRecordsAsync([record, held, untouched], Ct);
            await t.AppendEventsAsync(Enumerable.Range(0, 3).Select(i => TestData.Event(survivor.SubjectId, i)).ToList(), Ct);
            await t.MergeSubjectsAsync(survivor.SubjectId, merged.SubjectId, TestData.T0, Ct);
        });
        ShredAndPurgeResult? result = null;

        await InTransactionAsync(async t => result = await t.ShredAndPurgeSubjectAsync(survivor.SubjectId, TestData.T0.AddDays(1), 100, Ct));

        Assert.Equal(new ShredAndPurgeResult(2, 4), result);
        Assert.Null(await Store.GetSubjectKeyAsync(merged.SubjectId, Ct));
        Assert.Null(await Store.GetRecordAsync(record.RecordId, Ct));
        Assert.NotNull(await Store.GetRecordAsync(held.RecordId, Ct));
        Assert.Equal(0, await Store.CountEventsAsync(survivor.SubjectId, Ct));
        Assert.Equal(TestData.T0.AddDays(1), (await Store.GetSubjectAsync(merged.SubjectId, Ct))!.ShreddedAt);
        Assert.NotNull(await Store.GetSubjectKeyAsync(bystander.SubjectId, Ct));
        Assert.NotNull(await Store.GetRecordAsync(untouched.RecordId, Ct));
        Assert.Equal(0, await Store.PurgeShreddedAsync(100, Ct));
    }

    [Fact]
    public async Task Shred_and_purge_over_the_limit_shreds_and_leaves_the_rows_to_the_batched_purge()
    {
        var subject = await NewSubjectAsync();
        await InTransactionAsync(async t =>
        {
            await StoreKeysAsync(t, subject);
            await t.AppendEventsAsync(Enumerable.Range(0, 12).Select(i => TestData.Event(subject.SubjectId, i)).ToList(), Ct);
        });
        ShredAndPurgeResult? result = null;

        await InTransactionAsync(async t => result = await t.ShredAndPurgeSubjectAsync(subject.SubjectId, TestData.T0, 10, Ct));
        var left = await Store.CountEventsAsync(subject.SubjectId, Ct);
        var batched = 0;
        for (int n; (n = await Store.PurgeShreddedAsync(100, Ct)) > 0;) batched += n;

        Assert.Equal(new ShredAndPurgeResult(1, -1), result);
        Assert.Null(await Store.GetSubjectKeyAsync(subject.SubjectId, Ct));
        Assert.Equal(12, left);
        Assert.Equal(12, batched);
    }

    [Fact]
    public async Task Shred_and_purge_of_an_unknown_person_is_refused()
    {
        var error = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.ShredAndPurgeSubjectAsync("sub_missing", TestData.T0, 100, Ct)));

        Assert.Equal(VaultStoreException.UnknownSubject, error.Code);
    }

    [Fact]
    public async Task A_person_not_shredded_loses_nothing_to_the_purge()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([record], Ct);
            await t.AppendEventsAsync([TestData.Event(subject.SubjectId, 1)], Ct);
        });
        var purged = -2;

        await InTransactionAsync(async t => purged = await t.PurgeShreddedSubjectAsync(subject.SubjectId, 100, Ct));

        Assert.Equal(0, purged);
        Assert.NotNull(await Store.GetRecordAsync(record.RecordId, Ct));
        Assert.Equal(1, await Store.CountEventsAsync(subject.SubjectId, Ct));
    }

    /// <summary>Gives each subject a wrapped data key, as the vault does when it creates them.</summary>
    private static async Task StoreKeysAsync(IVaultTransaction transaction, params StoredSubject[] subjects)
    {
        foreach (var subject in subjects)
        {
            using var key = TestData.Keys.CreateSubjectKey(subject.SubjectId);
            await transaction.StoreSubjectKeyAsync(new WrappedSubjectKey(subject.SubjectId, key.KeyId, key.Wrapped, TestData.T0), Ct);
        }
    }
}
