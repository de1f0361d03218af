namespace Custodian.Storage.Conformance;

/// <summary>What retention needs of a store: pages of subjects with anchors, batch expiry and erasure, the hold copy, archives, statistics.</summary>
public abstract class RetentionConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task A_retention_page_holds_live_records_and_every_anchor_of_its_subjects()
    {
        var subject = await NewSubjectAsync();
        var live = TestData.Record(subject.SubjectId);
        var erased = TestData.Record(subject.SubjectId, "user.contact.phone_number");
        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([live, erased], Ct);
            await t.EraseRecordAsync(erased.RecordId, TestData.T0, Ct);
            await t.AppendRelationshipEventAsync(new RelationshipEvent(subject.SubjectId, "account", "opened", TestData.T0), Ct);
            await t.AppendConsentAsync(TestData.Consent(subject.SubjectId, "marketing.email", true, TestData.T0.AddDays(1)), Ct);
            await t.AppendConsentAsync(TestData.Consent(subject.SubjectId, "location", true, TestData.T0.AddDays(1), ConsentKind.Permission), Ct);
            await t.PlaceLegalHoldAsync(new LegalHold("hld_" + subject.SubjectId, subject.SubjectId, "dispute", TestData.T0), Ct);
            await t.AppendEventsAsync([TestData.Event(subject.SubjectId, 5), TestData.Event(subject.SubjectId, 9)], Ct);
        });

        var page = await Store.ReadRetentionPageAsync(null, 100, Ct);

        var found = Assert.Single(page, s => s.SubjectId == subject.SubjectId);
        Assert.Equal(live.RecordId, Assert.Single(found.Records).RecordId);
        Assert.Equal("opened", Assert.Single(found.Relationships).Event);
        Assert.Equal("marketing.email", Assert.Single(found.Consents).PurposeKey);
        Assert.Single(found.LegalHolds);
        Assert.Equal(TestData.T0.AddMinutes(9), found.LastEventAt);
    }

    [Fact]
    public async Task Retention_pages_walk_every_subject_once_in_id_order()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var subject = await NewSubjectAsync();
            ids.Add(subject.SubjectId);
            await InTransactionAsync(t => t.WriteRecordsAsync([TestData.Record(subject.SubjectId), TestData.Record(subject.SubjectId)], Ct));
        }

        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await Store.ReadRetentionPageAsync(after, 2, Ct);
            seen.AddRange(page.Select(s => s.SubjectId));
            Assert.All(page, s => Assert.Equal(2, s.Records.Count));
            if (page.Count < 2) break;
            after = page[^1].SubjectId;
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Expiries_update_in_a_batch_and_erasure_in_a_batch()
    {
        var subject = await NewSubjectAsync();
        var a = TestData.Record(subject.SubjectId);
        var b = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([a, b], Ct));

        int updated = 0, erased = 0;
        await InTransactionAsync(async t =>
        {
            updated = await t.UpdateRecordExpiriesAsync([new ExpiryUpdate(a.RecordId, TestData.T0.AddYears(1)), new ExpiryUpdate(b.RecordId, null)], Ct);
            erased = await t.EraseRecordsAsync([b.RecordId, b.RecordId, "rec_missing"], TestData.T0.AddDays(1), Ct);
        });

        Assert.Equal(2, updated);
        Assert.Equal(1, erased);
        Assert.Equal(TestData.T0.AddYears(1), (await Store.GetRecordAsync(a.RecordId, Ct))!.ExpiresAt);
        var gone = (await Store.GetRecordAsync(b.RecordId, Ct))!;
        Assert.Null(gone.Sealed);
        Assert.Equal(TestData.T0.AddDays(1), gone.ErasedAt);
        Assert.DoesNotContain((await Store.LoadRetentionSubjectAsync(subject.SubjectId, Ct))!.Records, r => r.RecordId == b.RecordId);
    }

    [Fact]
    public async Task A_record_moved_to_the_hold_key_keeps_its_id_with_the_new_value_and_expiry()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([record], Ct));

        var moved = false;
        await InTransactionAsync(async t => moved = await t.MoveRecordToHoldAsync(record.RecordId, [7, 7], TestData.T0.AddYears(10), Ct));

        var read = (await Store.GetRecordAsync(record.RecordId, Ct))!;
        Assert.True(moved);
        Assert.Equal(SealingKeyKind.Hold, read.KeyKind);
        Assert.Equal([7, 7], read.Sealed);
        Assert.Equal(TestData.T0.AddYears(10), read.ExpiresAt);
    }

    [Fact]
    public async Task Archives_read_back_by_subject_with_only_that_subjects_items()
    {
        var one = await NewSubjectAsync();
        var two = await NewSubjectAsync();
        var archive = new StoredArchive(TestData.NewId("arc"), TestData.T0, "RSA-OAEP-256+A256GCM", [1, 2], [3, 4],
        [
            new ArchivedItem("rec_a", one.SubjectId, "user.name", "essential.service", "account", TestData.T0, [5]),
            new ArchivedItem("rec_b", two.SubjectId, "user.name", "essential.service", "account", TestData.T0, [6]),
        ]);
        await InTransactionAsync(t => t.WriteArchiveAsync(archive, Ct));

        var forOne = Assert.Single(await Store.ReadArchivesAsync(one.SubjectId, Ct));
        var all = await Store.ReadArchivesAsync(null, Ct);

        Assert.Equal("rec_a", Assert.Single(forOne.Items).RecordId);
        Assert.Equal(archive.WrappedKey, forOne.WrappedKey);
        Assert.Equal(2, Assert.Single(all, a => a.ArchiveId == archive.ArchiveId).Items.Count);
    }

    [Fact]
    public async Task Anonymous_counts_add_up_per_cell()
    {
        await InTransactionAsync(t => t.AddAnonymousCountsAsync([new AnonymousCount("user.sensor", "analytics", "2024-02", "20-30", 2)], Ct));
        await InTransactionAsync(t => t.AddAnonymousCountsAsync([new AnonymousCount("user.sensor", "analytics", "2024-02", "20-30", 3), new AnonymousCount("user.sensor", "analytics", "2024-03", "20-30", 1)], Ct));

        var counts = await Store.ReadAnonymousCountsAsync(Ct);

        Assert.Equal(5, Assert.Single(counts, c => c.Month == "2024-02").Count);
        Assert.Equal(1, Assert.Single(counts, c => c.Month == "2024-03").Count);
    }
}
