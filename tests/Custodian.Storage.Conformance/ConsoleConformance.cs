namespace Custodian.Storage.Conformance;

/// <summary>The admin console's queries: the consent ledger of everyone, expiries per month, a person's events counted per category.</summary>
public abstract class ConsoleConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task Scanning_consents_returns_every_persons_entries_in_the_order_they_were_recorded_cookie_choices_included()
    {
        var a = await NewSubjectAsync();
        var b = await NewSubjectAsync();
        var first = TestData.Consent(a.SubjectId, "marketing.communications.email", true, TestData.T0);
        var second = TestData.Consent(b.SubjectId, "cookie:marketing", false, TestData.T0.AddMinutes(1), ConsentKind.Cookie);
        var third = TestData.Consent(a.SubjectId, "marketing.communications.email", false, TestData.T0.AddDays(1));
        await InTransactionAsync(async t =>
        {
            await t.AppendConsentAsync(first, Ct);
            await t.AppendConsentAsync(second, Ct);
        });
        await InTransactionAsync(t => t.AppendConsentAsync(third, Ct));

        var scanned = new List<ConsentEntry>();
        await foreach (var entry in Store.ScanConsentsAsync(Ct)) scanned.Add(entry);

        Assert.Equal([first.ConsentId, second.ConsentId, third.ConsentId], scanned.Select(e => e.ConsentId));
        Assert.Equal(ConsentKind.Cookie, scanned[1].Kind);
        Assert.Equal("cookie:marketing", scanned[1].Key);
        Assert.False(scanned[2].Given);
        Assert.Equal("form-7", scanned[2].Evidence);
    }

    [Fact]
    public async Task Expiries_are_counted_per_month_and_category_for_live_records_only()
    {
        var live = await NewSubjectAsync();
        var shredded = await NewSubjectAsync();
        using (var key = TestData.Keys.CreateSubjectKey(live.SubjectId))
        {
            await InTransactionAsync(t => t.StoreSubjectKeyAsync(new WrappedSubjectKey(live.SubjectId, key.KeyId, key.Wrapped, TestData.T0), Ct));
        }

        var from = TestData.T0.AddDays(10);
        var erased = TestData.Record(live.SubjectId, expiresAt: TestData.T0.AddMonths(1));
        await InTransactionAsync(t => t.WriteRecordsAsync(
        [
            TestData.Record(live.SubjectId, expiresAt: TestData.T0.AddDays(-3)),
            TestData.Record(live.SubjectId, expiresAt: TestData.T0.AddMonths(1)),
            TestData.Record(live.SubjectId, "user.name", TestData.T0.AddMonths(1).AddDays(2)),
            TestData.Record(live.SubjectId, expiresAt: TestData.T0.AddMonths(3)),
            TestData.Record(live.SubjectId, expiresAt: TestData.T0.AddYears(3)),
            TestData.Record(live.SubjectId),
            TestData.Record(shredded.SubjectId, expiresAt: TestData.T0.AddMonths(1)),
            TestData.Record(shredded.SubjectId, "user.financial", TestData.T0.AddMonths(1), SealingKeyKind.Hold),
            erased,
        ], Ct));
        await InTransactionAsync(t => t.EraseRecordAsync(erased.RecordId, TestData.T0, Ct));

        var counts = await Store.CountExpiriesAsync(from, TestData.T0.AddYears(1), Ct);

        Assert.Equal(
            [
                (new DateOnly(2025, 3, 1), "user.contact.email", 1L),
                (new DateOnly(2025, 4, 1), "user.contact.email", 1L),
                (new DateOnly(2025, 4, 1), "user.financial", 1L),
                (new DateOnly(2025, 4, 1), "user.name", 1L),
                (new DateOnly(2025, 6, 1), "user.contact.email", 1L),
            ],
            counts.Where(c => c.Month is not null).Select(c => (c.Month!.Value, c.CategoryKey, c.Count)).OrderBy(c => c.Value).ThenBy(c => c.CategoryKey, StringComparer.Ordinal));
        Assert.Equal(1, counts.Where(c => c.Month is null).Sum(c => c.Count));
    }

    [Fact]
    public async Task A_persons_events_are_counted_per_category_with_their_first_and_last_time()
    {
        var subject = await NewSubjectAsync();
        var other = await NewSubjectAsync();
        await InTransactionAsync(t => t.AppendEventsAsync(
        [
            TestData.Event(subject.SubjectId, 5),
            TestData.Event(subject.SubjectId, 1),
            TestData.Event(subject.SubjectId, 9, "user.location.precise"),
            TestData.Event(other.SubjectId, 2),
        ], Ct));

        var counts = await Store.CountEventsByCategoryAsync(subject.SubjectId, Ct);

        Assert.Equal(2, counts.Count);
        var readings = Assert.Single(counts, c => c.CategoryKey == "user.device.reading");
        Assert.Equal(2, readings.Count);
        Assert.Equal(TestData.T0.AddMinutes(1), readings.First);
        Assert.Equal(TestData.T0.AddMinutes(5), readings.Last);
        Assert.Equal(1, Assert.Single(counts, c => c.CategoryKey == "user.location.precise").Count);
        Assert.Empty(await Store.CountEventsByCategoryAsync("sub_nobody", Ct));
    }
}
