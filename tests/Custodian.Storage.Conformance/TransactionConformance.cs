namespace Custodian.Storage.Conformance;

/// <summary>Units of work: data and audit commit together or not at all.</summary>
public abstract class TransactionConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task A_rolled_back_unit_of_work_leaves_nothing_behind()
    {
        var subject = TestData.Subject();
        var record = TestData.Record(subject.SubjectId);

        await using (var transaction = await Store.BeginAsync(Ct))
        {
            await transaction.CreateSubjectAsync(subject, Ct);
            await transaction.WriteRecordsAsync([record], Ct);
            await transaction.AppendEventsAsync([TestData.Event(subject.SubjectId, 1)], Ct);
            await transaction.AppendAuditAsync(TestData.Audit("record.write", subject.SubjectId), Ct);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Null(await Store.GetSubjectAsync(subject.SubjectId, Ct));
        Assert.Null(await Store.GetRecordAsync(record.RecordId, Ct));
        Assert.Equal(0, await Store.CountEventsAsync(subject.SubjectId, Ct));
        Assert.Equal(0, (await Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task Reads_during_an_open_unit_of_work_see_only_what_was_committed_and_do_not_wait_for_it()
    {
        var subject = await NewSubjectAsync();
        await InTransactionAsync(t => t.StoreSubjectKeyAsync(new WrappedSubjectKey(subject.SubjectId, 1, [1], TestData.T0), Ct));
        var before = await Store.GetSubjectViewAsync(subject.SubjectId, default, withRecords: true, Ct);

        await using (var open = await Store.BeginAsync(Ct))
        {
            await open.AppendConsentAsync(TestData.Consent(subject.SubjectId, "marketing.email", true, TestData.T0), Ct);
            await open.WriteRecordsAsync([TestData.Record(subject.SubjectId)], Ct);

            var viewRead = Store.GetSubjectViewAsync(subject.SubjectId, default, withRecords: true, Ct);
            var stateRead = Store.LoadSubjectStateAsync(subject.SubjectId, Ct);
            var reads = Task.WhenAll(viewRead, stateRead);
            Assert.Same(reads, await Task.WhenAny(reads, Task.Delay(TimeSpan.FromSeconds(10))));
            var (view, state) = (await viewRead, await stateRead);

            Assert.Empty(view.State!.Consents);
            Assert.Empty(view.Records!);
            Assert.Equal(before.Versions, view.Versions);
            Assert.Empty(state!.Consents);
            await open.CommitAsync(Ct);
        }

        var after = await Store.GetSubjectViewAsync(subject.SubjectId, default, withRecords: true, Ct);
        Assert.Single(after.State!.Consents);
        Assert.Single(after.Records!);
    }

    [Fact]
    public async Task Disposing_without_commit_rolls_back()
    {
        var subject = TestData.Subject();

        await using (var transaction = await Store.BeginAsync(Ct))
        {
            await transaction.CreateSubjectAsync(subject, Ct);
            await transaction.AppendAuditAsync(TestData.Audit("subject.create", subject.SubjectId), Ct);
        }

        Assert.Null(await Store.GetSubjectAsync(subject.SubjectId, Ct));
        Assert.Empty(await Store.ReadAuditAsync(1, 10, Ct));
    }

    [Fact]
    public async Task A_committed_unit_of_work_is_visible_with_its_audit_entry()
    {
        var subject = TestData.Subject();

        await InTransactionAsync(async t =>
        {
            await t.CreateSubjectAsync(subject, Ct);
            await t.AppendAuditAsync(TestData.Audit("subject.create", subject.SubjectId), Ct);
        });

        Assert.NotNull(await Store.GetSubjectAsync(subject.SubjectId, Ct));
        Assert.Equal(subject.SubjectId, Assert.Single(await Store.ReadAuditAsync(1, 10, Ct)).SubjectId);
    }

    [Fact]
    public async Task A_failed_write_then_rollback_keeps_the_store_usable()
    {
        var subject = await NewSubjectAsync();

        await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.CreateSubjectAsync(subject, Ct)));
        var other = await NewSubjectAsync();

        Assert.NotNull(await Store.GetSubjectAsync(other.SubjectId, Ct));
    }

    [Fact]
    public async Task Later_statements_of_a_unit_of_work_see_its_earlier_writes()
    {
        var subject = TestData.Subject();
        var record = TestData.Record(subject.SubjectId);
        var version = 0;

        await InTransactionAsync(async t =>
        {
            await t.CreateSubjectAsync(subject, Ct);
            await t.WriteRecordsAsync([record], Ct);
            version = await t.RectifyRecordAsync(record.RecordId, [9, 9], RecordSource.Provided, record.PurposeKey, TestData.T0.AddDays(1), null, Ct);
            await t.AppendAuditAsync(TestData.Audit("record.rectify", subject.SubjectId), Ct);
        });

        Assert.Equal(2, version);
        Assert.Equal([9, 9], (await Store.GetRecordAsync(record.RecordId, Ct))!.Sealed);
    }

    [Fact]
    public async Task A_unit_of_work_whose_last_write_breaks_a_constraint_leaves_nothing_of_itself_and_no_audit_entry()
    {
        var existing = await NewSubjectAsync();
        var head = await Store.GetAuditHeadAsync(Ct);
        var fresh = TestData.Subject();

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(async t =>
        {
            await t.CreateSubjectAsync(fresh, Ct);
            await t.AppendConsentAsync(TestData.Consent(fresh.SubjectId, "marketing.email", true, TestData.T0), Ct);
            await t.AppendAuditAsync(TestData.Audit("subject.create", fresh.SubjectId), Ct);
            await t.CreateSubjectAsync(existing, Ct);
        }));

        Assert.Equal(VaultStoreException.Duplicate, ex.Code);
        Assert.Null(await Store.GetSubjectAsync(fresh.SubjectId, Ct));
        Assert.Equal(head, await Store.GetAuditHeadAsync(Ct));
        await InTransactionAsync(t => t.AppendAuditAsync(TestData.Audit("record.read"), Ct));
        Assert.Equal(head.Sequence + 1, (await Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task A_unit_of_work_that_requires_a_live_subject_writes_for_a_live_one()
    {
        var subject = await NewSubjectAsync();
        var head = await Store.GetAuditHeadAsync(Ct);

        await InTransactionAsync(async t =>
        {
            await t.RequireLiveSubjectAsync(subject.SubjectId, Ct);
            await t.AddObjectionAsync(new Objection(TestData.NewId("obj"), subject.SubjectId, "analytics.reporting", TestData.T0), Ct);
            await t.AppendAuditAsync(TestData.Audit("objection.add", subject.SubjectId), Ct);
        });

        Assert.Single((await Store.LoadSubjectStateAsync(subject.SubjectId, Ct))!.Objections);
        Assert.Equal(head.Sequence + 1, (await Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("merged")]
    [InlineData("erased")]
    public async Task A_unit_of_work_that_requires_a_live_subject_writes_nothing_and_no_audit_entry_for_one_that_is_not(string status)
    {
        var subject = await NewSubjectAsync();
        var target = status == "unknown" ? TestData.NewId("sub") : subject.SubjectId;
        if (status == "merged")
        {
            var survivor = await NewSubjectAsync();
            await InTransactionAsync(t => t.MergeSubjectsAsync(survivor.SubjectId, subject.SubjectId, TestData.T0, Ct));
        }
        else if (status == "erased")
        {
            await InTransactionAsync(t => t.ShredSubjectAsync(subject.SubjectId, TestData.T0, Ct));
        }

        var head = await Store.GetAuditHeadAsync(Ct);
        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(async t =>
        {
            await t.RequireLiveSubjectAsync(target, Ct);
            await t.AppendRestrictionAsync(new RestrictionChange(subject.SubjectId, true, TestData.T0.AddDays(1)), Ct);
            await t.AppendAuditAsync(TestData.Audit("restriction.on", target), Ct);
        }));

        Assert.Equal(VaultStoreException.SubjectNotLive, ex.Code);
        Assert.Empty((await Store.LoadSubjectStateAsync(subject.SubjectId, Ct))!.Restrictions);
        Assert.Equal(head, await Store.GetAuditHeadAsync(Ct));
    }

    [Fact]
    public async Task A_unit_of_work_decided_on_the_current_state_version_commits()
    {
        var subject = await NewSubjectAsync();
        await InTransactionAsync(t => t.AddObjectionAsync(new Objection(TestData.NewId("obj"), subject.SubjectId, "analytics.reporting", TestData.T0), Ct));
        var version = (await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct)).State!.Value;
        var head = await Store.GetAuditHeadAsync(Ct);

        await InTransactionAsync(async t =>
        {
            await t.RequireSubjectVersionAsync(subject.SubjectId, version, null, Ct);
            await t.AppendAuditAsync(TestData.Audit("decision", subject.SubjectId), Ct);
        });

        Assert.Equal(head.Sequence + 1, (await Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task A_unit_of_work_decided_on_a_state_that_moved_on_writes_nothing_and_no_audit_entry()
    {
        var subject = await NewSubjectAsync();
        var version = (await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct)).State!.Value;
        await InTransactionAsync(t => t.AddObjectionAsync(new Objection(TestData.NewId("obj"), subject.SubjectId, "analytics.reporting", TestData.T0), Ct));
        var head = await Store.GetAuditHeadAsync(Ct);

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(async t =>
        {
            await t.RequireSubjectVersionAsync(subject.SubjectId, version, null, Ct);
            await t.AppendRestrictionAsync(new RestrictionChange(subject.SubjectId, true, TestData.T0.AddDays(1)), Ct);
            await t.AppendAuditAsync(TestData.Audit("decision", subject.SubjectId), Ct);
        }));

        Assert.Equal(VaultStoreException.SubjectChanged, ex.Code);
        Assert.Empty((await Store.LoadSubjectStateAsync(subject.SubjectId, Ct))!.Restrictions);
        var after = await Store.GetAuditHeadAsync(Ct);
        Assert.Equal((head.Sequence, head.Hash), (after.Sequence, after.Hash));
    }

    [Fact]
    public async Task A_unit_of_work_decided_on_held_records_is_refused_once_the_records_moved_and_not_before()
    {
        var subject = await NewSubjectAsync();
        await InTransactionAsync(t => t.WriteRecordsAsync([TestData.Record(subject.SubjectId)], Ct));
        var versions = await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct);
        if (versions.Records is not { } records) return;
        var state = versions.State!.Value;

        await InTransactionAsync(async t =>
        {
            await t.RequireSubjectVersionAsync(subject.SubjectId, state, records, Ct);
            await t.AppendAuditAsync(TestData.Audit("record.read", subject.SubjectId), Ct);
        });
        await InTransactionAsync(t => t.WriteRecordsAsync([TestData.Record(subject.SubjectId)], Ct));
        var head = await Store.GetAuditHeadAsync(Ct);
        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(async t =>
        {
            await t.RequireSubjectVersionAsync(subject.SubjectId, state, records, Ct);
            await t.AppendAuditAsync(TestData.Audit("record.read", subject.SubjectId), Ct);
        }));
        await InTransactionAsync(async t =>
        {
            await t.RequireSubjectVersionAsync(subject.SubjectId, state, null, Ct);
            await t.AppendAuditAsync(TestData.Audit("decision", subject.SubjectId), Ct);
        });

        Assert.Equal(VaultStoreException.SubjectChanged, ex.Code);
        Assert.Equal(head.Sequence + 1, (await Store.GetAuditHeadAsync(Ct)).Sequence);
    }

    [Fact]
    public async Task Units_of_work_started_concurrently_run_one_after_the_other()
    {
        var subjects = Enumerable.Range(0, 8).Select(_ => TestData.Subject()).ToList();

        await Task.WhenAll(subjects.Select(s => Task.Run(() => InTransactionAsync(async t =>
        {
            await t.CreateSubjectAsync(s, Ct);
            await t.AppendAuditAsync(TestData.Audit("subject.create", s.SubjectId), Ct);
        }))));
        var entries = await Store.ReadAuditAsync(1, 100, Ct);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), entries.Select(e => e.Sequence));
    }
}
