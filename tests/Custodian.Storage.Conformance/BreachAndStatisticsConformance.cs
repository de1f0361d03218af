namespace Custodian.Storage.Conformance;

/// <summary>The breach register and the two store-side scans that read ids and metadata only: who held a category, and event metadata for statistics.</summary>
public abstract class BreachAndStatisticsConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task A_saved_breach_reads_back_and_saving_again_replaces_its_steps()
    {
        var older = Breach(TestData.T0);
        var newer = Breach(TestData.T0.AddDays(2));
        await InTransactionAsync(async t =>
        {
            await t.SaveBreachAsync(older, Ct);
            await t.SaveBreachAsync(newer, Ct);
        });
        await InTransactionAsync(t => t.SaveBreachAsync(older with { ReportedAt = TestData.T0.AddHours(30), AffectedPeople = 12, Actions = [new(TestData.T0.AddHours(1), "Rotated the leaked credentials.")] }, Ct));

        var all = await Store.GetBreachesAsync(Ct);
        var read = await Store.GetBreachAsync(older.BreachId, Ct);

        Assert.Equal([newer.BreachId, older.BreachId], all.Select(b => b.BreachId));
        Assert.Equal(["user.health", "user.contact"], read!.Categories);
        Assert.Equal(["crm"], read.Systems);
        Assert.Equal((TestData.T0.AddHours(30), 12), (read.ReportedAt, read.AffectedPeople));
        Assert.Equal(new BreachAction(TestData.T0.AddHours(1), "Rotated the leaked credentials."), Assert.Single(read.Actions));
        Assert.Null(await Store.GetBreachAsync("brc_unknown", Ct));
    }

    [Fact]
    public async Task A_breach_notification_is_claimed_once_and_a_rolled_back_claim_leaves_it_unclaimed()
    {
        var breach = Breach(TestData.T0);
        await InTransactionAsync(t => t.SaveBreachAsync(breach, Ct));

        await using (var abandoned = await Store.BeginAsync(Ct))
        {
            Assert.True(await abandoned.ClaimBreachNotificationAsync(breach.BreachId, TestData.T0.AddHours(1), Ct));
        }

        var claimed = false;
        var again = true;
        await InTransactionAsync(async t => claimed = await t.ClaimBreachNotificationAsync(breach.BreachId, TestData.T0.AddHours(2), Ct));
        await InTransactionAsync(async t => again = await t.ClaimBreachNotificationAsync(breach.BreachId, TestData.T0.AddHours(3), Ct));

        Assert.True(claimed);
        Assert.False(again);
        Assert.Equal(TestData.T0.AddHours(2), (await Store.GetBreachAsync(breach.BreachId, Ct))!.PeopleNotifiedAt);
        await InTransactionAsync(async t => Assert.False(await t.ClaimBreachNotificationAsync("brc_unknown", TestData.T0, Ct)));
    }

    [Fact]
    public async Task People_holding_a_category_in_the_window_are_found_by_key_or_parent_key_and_reported_as_survivors()
    {
        var withRecord = await NewSubjectAsync();
        var withEvent = await NewSubjectAsync();
        var eventTooLate = await NewSubjectAsync();
        var erasedBefore = await NewSubjectAsync();
        var otherCategory = await NewSubjectAsync();
        var survivor = await NewSubjectAsync();
        var duplicate = await NewSubjectAsync();
        var shredded = await NewSubjectAsync();
        var erased = TestData.Record(erasedBefore.SubjectId, "user.health.weight");
        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([TestData.Record(withRecord.SubjectId, "user.health.weight"), erased, TestData.Record(otherCategory.SubjectId, "user.healthy.habit")], Ct);
            await t.WriteRecordsAsync([TestData.Record(duplicate.SubjectId, "user.health"), TestData.Record(shredded.SubjectId, "user.health.weight")], Ct);
            await t.AppendEventsAsync([TestData.Event(withEvent.SubjectId, 30, "user.health.pulse"), TestData.Event(eventTooLate.SubjectId, 600, "user.health.pulse")], Ct);
            await t.EraseRecordAsync(erased.RecordId, TestData.T0.AddMinutes(5), Ct);
            await t.MergeSubjectsAsync(survivor.SubjectId, duplicate.SubjectId, TestData.T0.AddMinutes(1), Ct);
            await t.ShredSubjectAsync(shredded.SubjectId, TestData.T0.AddMinutes(2), Ct);
        });

        var found = await Store.FindSubjectsHoldingAsync(["user.health"], TestData.T0.AddMinutes(10), TestData.T0.AddMinutes(60), Ct);

        Assert.Equal(new[] { withRecord.SubjectId, withEvent.SubjectId, survivor.SubjectId }.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public async Task A_category_key_is_matched_literally_and_case_sensitively_never_as_a_pattern()
    {
        var below = await NewSubjectAsync();
        var wildcardSibling = await NewSubjectAsync();
        var otherCase = await NewSubjectAsync();
        await InTransactionAsync(async t =>
        {
            await t.WriteRecordsAsync([TestData.Record(below.SubjectId, "user.body_size.height"), TestData.Record(wildcardSibling.SubjectId, "user.bodyXsize.height")], Ct);
            await t.AppendEventsAsync([TestData.Event(otherCase.SubjectId, 30, "user.Body_size.height"), TestData.Event(wildcardSibling.SubjectId, 30, "user.body%size.x")], Ct);
        });

        var found = await Store.FindSubjectsHoldingAsync(["user.body_size"], TestData.T0, TestData.T0.AddHours(1), Ct);
        var percent = await Store.FindSubjectsHoldingAsync(["user.body%"], TestData.T0, TestData.T0.AddHours(1), Ct);

        Assert.Equal([below.SubjectId], found);
        Assert.Empty(percent);
    }

    [Fact]
    public async Task The_statistics_scan_returns_every_event_in_the_window_once_across_pages_without_erased_people()
    {
        var person = await NewSubjectAsync();
        var erased = await NewSubjectAsync();
        var events = Enumerable.Range(0, 10_050).Select(i => TestData.Event(person.SubjectId, i / 100)).ToList();
        await InTransactionAsync(async t =>
        {
            await t.UpsertDeviceAsync(new StoredDevice("dev-1", person.SubjectId, "smart_scale", null, null, TestData.T0, null, true, null), Ct);
            await t.AppendEventsAsync(events, Ct);
            await t.AppendEventsAsync([TestData.Event(person.SubjectId, -1), TestData.Event(erased.SubjectId, 3)], Ct);
            await t.ShredSubjectAsync(erased.SubjectId, TestData.T0, Ct);
        });

        var scanned = new List<EventMetadata>();
        await foreach (var e in Store.ScanEventsAsync(TestData.T0, TestData.T0.AddDays(1), withValues: false, Ct)) scanned.Add(e);
        var first = await Store.ScanEventsAsync(TestData.T0, TestData.T0.AddMinutes(1), withValues: true, Ct).FirstAsync(Ct);

        Assert.Equal(events.Select(e => e.EventId).Order(StringComparer.Ordinal), scanned.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.True(scanned.Zip(scanned.Skip(1)).All(p => p.First.At <= p.Second.At), "events come oldest first");
        Assert.All(scanned, e => Assert.Equal(("smart_scale", (byte[]?)null), (e.DeviceType, e.Sealed)));
        Assert.Equal([0], first.Sealed);
    }

    private static BreachRecord Breach(DateTimeOffset discoveredAt) =>
        new(TestData.NewId("brc"), discoveredAt, discoveredAt.AddDays(-1), discoveredAt, "A backup copy was readable from outside.", "Health details could be disclosed.", ["user.health", "user.contact"], ["crm"], []);
}
