namespace Custodian.Storage.Conformance;

/// <summary>Sealed records: writes, reads, rectification history, erasure, expiry.</summary>
public abstract class RecordConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task A_written_record_reads_back_with_every_field()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId, expiresAt: TestData.T0.AddDays(30)) with { Source = RecordSource.ThirdParty };

        await InTransactionAsync(t => t.WriteRecordsAsync([record], Ct));
        var read = await Store.GetRecordAsync(record.RecordId, Ct);

        Assert.NotNull(read);
        Assert.Equal(record.SubjectId, read.SubjectId);
        Assert.Equal(record.SubjectId, read.EffectiveKeyOwnerId);
        Assert.Equal(record.CategoryKey, read.CategoryKey);
        Assert.Equal(RecordSource.ThirdParty, read.Source);
        Assert.Equal(record.PurposeKey, read.PurposeKey);
        Assert.Equal(record.CollectedAt, read.CollectedAt);
        Assert.Equal(record.ExpiresAt, read.ExpiresAt);
        Assert.Equal(SealingKeyKind.Subject, read.KeyKind);
        Assert.Equal(1, read.Version);
        Assert.Equal(record.Sealed, read.Sealed);
        Assert.Null(read.ErasedAt);
    }

    [Fact]
    public async Task Records_of_a_subject_filter_by_category()
    {
        var subject = await NewSubjectAsync();
        var email = TestData.Record(subject.SubjectId, "user.contact.email");
        var phone = TestData.Record(subject.SubjectId, "user.contact.phone_number");
        await InTransactionAsync(t => t.WriteRecordsAsync([email, phone], Ct));

        var all = await Store.GetRecordsAsync(subject.SubjectId, null, Ct);
        var phones = await Store.GetRecordsAsync(subject.SubjectId, "user.contact.phone_number", Ct);

        Assert.Equal(2, all.Count);
        Assert.Equal(phone.RecordId, Assert.Single(phones).RecordId);
    }

    [Fact]
    public async Task A_person_their_records_of_one_category_and_their_key_are_read_together()
    {
        var subject = await NewSubjectAsync();
        var older = TestData.Record(subject.SubjectId) with { CollectedAt = TestData.T0 };
        var newer = TestData.Record(subject.SubjectId) with { CollectedAt = TestData.T0.AddDays(1) };
        var phone = TestData.Record(subject.SubjectId, "user.contact.phone_number");
        await InTransactionAsync(async t =>
        {
            await t.StoreSubjectKeyAsync(new WrappedSubjectKey(subject.SubjectId, 3, [7, 8, 9], TestData.T0), Ct);
            await t.WriteRecordsAsync([newer, phone, older], Ct);
        });

        var (read, records, key) = await Store.GetSubjectRecordsAsync(subject.SubjectId, "user.contact.email", Ct);

        Assert.Equal(subject.SubjectId, read?.SubjectId);
        Assert.Equal([older.RecordId, newer.RecordId], records.Select(r => r.RecordId));
        Assert.Equal(3u, key?.KeyId);
        Assert.Equal([7, 8, 9], key?.Wrapped);
    }

    [Fact]
    public async Task An_unknown_person_reads_as_nobody_with_no_records_and_no_key()
    {
        var (subject, records, key) = await Store.GetSubjectRecordsAsync("sub_missing", "user.contact.email", Ct);

        Assert.Null(subject);
        Assert.Empty(records);
        Assert.Null(key);
    }

    [Fact]
    public async Task A_record_for_an_unknown_subject_is_refused()
    {
        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.WriteRecordsAsync([TestData.Record("sub_missing")], Ct)));

        Assert.Equal(VaultStoreException.UnknownSubject, ex.Code);
    }

    [Fact]
    public async Task A_record_id_cannot_be_written_twice()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([record], Ct));

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.WriteRecordsAsync([record], Ct)));

        Assert.Equal(VaultStoreException.Duplicate, ex.Code);
    }

    [Fact]
    public async Task Rectification_replaces_the_value_and_keeps_metadata_history()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([record], Ct));
        var version = 0;

        await InTransactionAsync(async t => version = await t.RectifyRecordAsync(record.RecordId, [7, 7], RecordSource.Provided, "essential.service", TestData.T0.AddDays(1), null, Ct));
        var current = await Store.GetRecordAsync(record.RecordId, Ct);
        var history = await Store.GetRecordHistoryAsync(record.RecordId, Ct);

        Assert.Equal(2, version);
        Assert.Equal([7, 7], current!.Sealed);
        Assert.Equal(TestData.T0.AddDays(1), current.CollectedAt);
        var old = Assert.Single(history);
        Assert.Equal(1, old.Version);
        Assert.Equal(TestData.T0, old.CollectedAt);
        Assert.Equal(TestData.T0.AddDays(1), old.ReplacedAt);
    }

    [Fact]
    public async Task Rectifying_an_unknown_record_fails()
    {
        var ex = await Assert.ThrowsAsync<VaultStoreException>(() =>
            InTransactionAsync(t => t.RectifyRecordAsync("rec_missing", [1], RecordSource.Provided, "essential.service", TestData.T0, null, Ct)));

        Assert.Equal(VaultStoreException.UnknownRecord, ex.Code);
    }

    [Fact]
    public async Task Erasing_a_record_destroys_the_value_and_keeps_metadata()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([record], Ct));
        var erased = false;

        await InTransactionAsync(async t => erased = await t.EraseRecordAsync(record.RecordId, TestData.T0.AddDays(2), Ct));
        var read = await Store.GetRecordAsync(record.RecordId, Ct);

        Assert.True(erased);
        Assert.Null(read!.Sealed);
        Assert.Equal(TestData.T0.AddDays(2), read.ErasedAt);
        Assert.Equal(record.CategoryKey, read.CategoryKey);
    }

    [Fact]
    public async Task Expired_records_are_found_once_due_and_not_after_erasure()
    {
        var subject = await NewSubjectAsync();
        var soon = TestData.Record(subject.SubjectId, expiresAt: TestData.T0.AddDays(10));
        var later = TestData.Record(subject.SubjectId, expiresAt: TestData.T0.AddDays(100));
        var never = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([soon, later, never], Ct));

        var due = await Store.FindExpiredRecordsAsync(TestData.T0.AddDays(10), 100, Ct);
        await InTransactionAsync(t => t.EraseRecordAsync(soon.RecordId, TestData.T0.AddDays(10), Ct));
        var afterErasure = await Store.FindExpiredRecordsAsync(TestData.T0.AddDays(10), 100, Ct);

        Assert.Equal(soon.RecordId, Assert.Single(due).RecordId);
        Assert.Empty(afterErasure);
    }

    [Fact]
    public async Task Expired_records_are_counted_once_due_and_not_after_erasure()
    {
        var subject = await NewSubjectAsync();
        var soon = TestData.Record(subject.SubjectId, expiresAt: TestData.T0.AddDays(10));
        var sameDay = TestData.Record(subject.SubjectId, expiresAt: TestData.T0.AddDays(10));
        var later = TestData.Record(subject.SubjectId, expiresAt: TestData.T0.AddDays(100));
        var never = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([soon, sameDay, later, never], Ct));

        var before = await Store.CountExpiredRecordsAsync(TestData.T0.AddDays(9), Ct);
        var due = await Store.CountExpiredRecordsAsync(TestData.T0.AddDays(10), Ct);
        await InTransactionAsync(t => t.EraseRecordAsync(soon.RecordId, TestData.T0.AddDays(10), Ct));
        var afterErasure = await Store.CountExpiredRecordsAsync(TestData.T0.AddDays(10), Ct);
        var muchLater = await Store.CountExpiredRecordsAsync(TestData.T0.AddDays(1000), Ct);

        Assert.Equal(0, before);
        Assert.Equal(2, due);
        Assert.Equal(1, afterErasure);
        Assert.Equal(2, muchLater);
    }
}
