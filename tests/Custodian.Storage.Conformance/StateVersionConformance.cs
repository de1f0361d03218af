namespace Custodian.Storage.Conformance;

/// <summary>
/// The per-subject state version callers cache decoded state by: it must change with every write to anything
/// <see cref="IVaultStore.LoadSubjectStateAsync"/> returns, and only then. Stores that do not track it (null) pass trivially.
/// </summary>
public abstract class StateVersionConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Theory]
    [InlineData("consent")]
    [InlineData("objection")]
    [InlineData("objection lifted")]
    [InlineData("restriction")]
    [InlineData("legal hold")]
    [InlineData("legal hold lifted")]
    [InlineData("relationship")]
    [InlineData("recipient authorisation")]
    [InlineData("guardian consent")]
    [InlineData("open objections lifted")]
    [InlineData("data key")]
    [InlineData("shred")]
    public async Task Every_change_to_a_subjects_state_changes_its_version_and_the_loaded_state_carries_the_new_one(string change)
    {
        var subject = await NewSubjectAsync();
        var objectionId = TestData.NewId("obj");
        var holdId = TestData.NewId("hld");
        await InTransactionAsync(async t =>
        {
            await t.AddObjectionAsync(new Objection(objectionId, subject.SubjectId, "marketing.email", TestData.T0), Ct);
            await t.PlaceLegalHoldAsync(new LegalHold(holdId, subject.SubjectId, "dispute", TestData.T0), Ct);
        });
        if (await Store.GetSubjectStateVersionAsync(subject.SubjectId, Ct) is not { } before) return;

        var id = subject.SubjectId;
        var at = TestData.T0.AddDays(1);
        await InTransactionAsync(t => change switch
        {
            "consent" => t.AppendConsentAsync(TestData.Consent(id, "marketing.email", false, at), Ct),
            "objection" => t.AddObjectionAsync(new Objection(TestData.NewId("obj"), id, "analytics", at), Ct),
            "objection lifted" => t.LiftObjectionAsync(objectionId, at, Ct),
            "open objections lifted" => t.LiftOpenObjectionsAsync([objectionId], at, Ct),
            "restriction" => t.AppendRestrictionAsync(new RestrictionChange(id, true, at), Ct),
            "legal hold" => t.PlaceLegalHoldAsync(new LegalHold(TestData.NewId("hld"), id, "audit", at), Ct),
            "legal hold lifted" => t.LiftLegalHoldAsync(holdId, at, Ct),
            "relationship" => t.AppendRelationshipEventAsync(new RelationshipEvent(id, "account", "opened", at), Ct),
            "recipient authorisation" => t.AppendRecipientAuthorisationAsync(new RecipientAuthorisation(id, "partner", true, at), Ct),
            "guardian consent" => t.AppendGuardianConsentAsync(new GuardianConsent(id, true, at, "guardian-1"), Ct),
            "data key" => t.StoreSubjectKeyAsync(new WrappedSubjectKey(id, 1, [1, 2, 3], at), Ct),
            "shred" => t.ShredSubjectAsync(id, at, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown change."),
        });

        var after = await Store.GetSubjectStateVersionAsync(id, Ct);
        var state = await Store.LoadSubjectStateAsync(id, Ct);

        Assert.NotEqual(before, after);
        Assert.Equal(after, state!.Version);
    }

    [Fact]
    public async Task Records_and_events_leave_the_version_alone_and_a_rolled_back_change_does_not_move_it()
    {
        var subject = await NewSubjectAsync();
        if (await Store.GetSubjectStateVersionAsync(subject.SubjectId, Ct) is not { } before) return;

        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([TestData.Record(subject.SubjectId)], Ct);
            await t.AppendEventsAsync([TestData.Event(subject.SubjectId, 1)], Ct);
        });
        await using (var rolledBack = await Store.BeginAsync(Ct))
        {
            await rolledBack.AppendConsentAsync(TestData.Consent(subject.SubjectId, "marketing.email", true, TestData.T0), Ct);
            await rolledBack.RollbackAsync(Ct);
        }

        Assert.Equal(before, await Store.GetSubjectStateVersionAsync(subject.SubjectId, Ct));
        Assert.Equal(before, (await Store.LoadSubjectStateAsync(subject.SubjectId, Ct))!.Version);
    }

    [Theory]
    [InlineData("written")]
    [InlineData("rectified")]
    [InlineData("erased")]
    [InlineData("re-dated")]
    [InlineData("moved to the hold key")]
    [InlineData("moved by a merge")]
    public async Task Every_change_to_a_subjects_records_changes_their_records_version(string change)
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([record], Ct));
        var other = await NewSubjectAsync();
        if ((await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct)).Records is not { } before) return;

        var at = TestData.T0.AddDays(1);
        await InTransactionAsync(t => change switch
        {
            "written" => t.WriteRecordsAsync([TestData.Record(subject.SubjectId)], Ct),
            "rectified" => t.RectifyRecordAsync(record.RecordId, [9, 9, 9], RecordSource.Provided, record.PurposeKey, at, null, Ct),
            "erased" => t.EraseRecordAsync(record.RecordId, at, Ct),
            "re-dated" => t.UpdateRecordExpiriesAsync([new ExpiryUpdate(record.RecordId, at.AddYears(1))], Ct),
            "moved to the hold key" => t.MoveRecordToHoldAsync(record.RecordId, [7, 7, 7], at.AddYears(5), Ct),
            "moved by a merge" => t.MergeSubjectsAsync(other.SubjectId, subject.SubjectId, at, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown change."),
        });

        Assert.NotEqual(before, (await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct)).Records);
    }

    [Fact]
    public async Task The_records_version_ignores_state_changes_and_other_peoples_records()
    {
        var subject = await NewSubjectAsync();
        var bystander = await NewSubjectAsync();
        await InTransactionAsync(t => t.WriteRecordsAsync([TestData.Record(subject.SubjectId)], Ct));
        var before = await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct);
        if (before.Records is null) return;

        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([TestData.Record(bystander.SubjectId)], Ct);
            await t.AppendEventsAsync([TestData.Event(subject.SubjectId, 1)], Ct);
            await t.AppendConsentAsync(TestData.Consent(subject.SubjectId, "marketing.email", true, TestData.T0), Ct);
        });
        var after = await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct);

        Assert.Equal(before.Records, after.Records);
        Assert.NotEqual(before.State, after.State);
        Assert.Equal(await Store.GetSubjectStateVersionAsync(subject.SubjectId, Ct), after.State);
    }

    [Fact]
    public async Task A_merge_changes_the_version_of_both_people_and_another_persons_change_changes_neither()
    {
        var survivor = await NewSubjectAsync();
        var merged = await NewSubjectAsync();
        var bystander = await NewSubjectAsync();
        await InTransactionAsync(t => t.AppendConsentAsync(TestData.Consent(merged.SubjectId, "marketing.email", true, TestData.T0), Ct));
        if (await Store.GetSubjectStateVersionAsync(survivor.SubjectId, Ct) is not { } survivorBefore) return;
        var mergedBefore = await Store.GetSubjectStateVersionAsync(merged.SubjectId, Ct);

        await InTransactionAsync(t => t.AppendConsentAsync(TestData.Consent(bystander.SubjectId, "marketing.email", true, TestData.T0), Ct));
        var untouched = (await Store.GetSubjectStateVersionAsync(survivor.SubjectId, Ct), await Store.GetSubjectStateVersionAsync(merged.SubjectId, Ct));
        await InTransactionAsync(t => t.MergeSubjectsAsync(survivor.SubjectId, merged.SubjectId, TestData.T0.AddDays(1), Ct));

        Assert.Equal((survivorBefore, mergedBefore), untouched);
        Assert.NotEqual(survivorBefore, await Store.GetSubjectStateVersionAsync(survivor.SubjectId, Ct));
        Assert.NotEqual(mergedBefore, await Store.GetSubjectStateVersionAsync(merged.SubjectId, Ct));
    }

    [Fact]
    public async Task A_view_of_an_unknown_subject_has_no_state()
    {
        var view = await Store.GetSubjectViewAsync(TestData.NewId("sub"), default, withRecords: true, Ct);

        Assert.False(view.StateUnchanged);
        Assert.Null(view.State);
        Assert.Null(view.Key);
        Assert.Empty(view.Records!);
    }

    [Fact]
    public async Task A_first_view_carries_the_state_the_key_and_the_records_as_the_single_calls_return_them()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(async t =>
        {
            await t.StoreSubjectKeyAsync(new WrappedSubjectKey(subject.SubjectId, 7, [4, 5, 6], TestData.T0), Ct);
            await t.AppendConsentAsync(TestData.Consent(subject.SubjectId, "marketing.email", true, TestData.T0), Ct);
            await t.WriteRecordsAsync([record], Ct);
        });

        var view = await Store.GetSubjectViewAsync(subject.SubjectId, default, withRecords: true, Ct);
        var withoutRecords = await Store.GetSubjectViewAsync(subject.SubjectId, default, withRecords: false, Ct);

        Assert.False(view.StateUnchanged);
        Assert.Equal(await Store.GetSubjectVersionsAsync(subject.SubjectId, Ct), view.Versions);
        Assert.Equal(view.Versions.State, view.State!.Version);
        Assert.Equal(subject.SubjectId, view.State.Subject.SubjectId);
        Assert.True(view.State.HasDataKey);
        Assert.Equal("marketing.email", Assert.Single(view.State.Consents).Key);
        Assert.Equal(7u, view.Key!.KeyId);
        Assert.Equal([4, 5, 6], view.Key.Wrapped);
        Assert.Equal(record.RecordId, Assert.Single(view.Records!).RecordId);
        Assert.Equal(record.Sealed, view.Records![0].Sealed);
        Assert.Null(withoutRecords.Records);
        Assert.NotNull(withoutRecords.State);
    }

    [Fact]
    public async Task A_view_sends_only_what_changed_since_the_versions_the_caller_holds()
    {
        var subject = await NewSubjectAsync();
        await InTransactionAsync(async t =>
        {
            await t.StoreSubjectKeyAsync(new WrappedSubjectKey(subject.SubjectId, 1, [1], TestData.T0), Ct);
            await t.WriteRecordsAsync([TestData.Record(subject.SubjectId)], Ct);
        });
        var first = await Store.GetSubjectViewAsync(subject.SubjectId, default, withRecords: true, Ct);
        if (first.Versions.State is null) return;

        var current = await Store.GetSubjectViewAsync(subject.SubjectId, first.Versions, withRecords: true, Ct);
        await InTransactionAsync(t => t.AppendConsentAsync(TestData.Consent(subject.SubjectId, "marketing.email", false, TestData.T0.AddDays(1)), Ct));
        var afterConsent = await Store.GetSubjectViewAsync(subject.SubjectId, first.Versions, withRecords: true, Ct);
        await InTransactionAsync(t => t.ShredSubjectAsync(subject.SubjectId, TestData.T0.AddDays(2), Ct));
        var afterShred = await Store.GetSubjectViewAsync(subject.SubjectId, afterConsent.Versions, withRecords: false, Ct);

        Assert.True(current.StateUnchanged);
        Assert.Null(current.State);
        Assert.Null(current.Key);
        Assert.Equal(first.Versions, current.Versions);
        // A store that tracks the records version sends them only when they changed; one that does not, every time.
        if (current.Versions.Records is null) Assert.Single(current.Records!);
        else Assert.Null(current.Records);

        Assert.False(afterConsent.StateUnchanged);
        Assert.NotEqual(first.Versions.State, afterConsent.Versions.State);
        Assert.False(Assert.Single(afterConsent.State!.Consents).Given);
        Assert.NotNull(afterConsent.Key);
        Assert.Equal(first.Versions.Records, afterConsent.Versions.Records);

        Assert.False(afterShred.StateUnchanged);
        Assert.False(afterShred.State!.HasDataKey);
        Assert.Null(afterShred.Key);
    }
}
