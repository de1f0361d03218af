namespace Custodian.Storage.Conformance;

/// <summary>Event batches and range reads.</summary>
public abstract class EventConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task An_event_batch_reads_back_in_time_order()
    {
        var subject = await NewSubjectAsync();
        var events = Enumerable.Range(0, 500).Reverse().Select(i => TestData.Event(subject.SubjectId, i)).ToList();

        await InTransactionAsync(t => t.AppendEventsAsync(events, Ct));
        var read = await Store.GetEventsAsync(subject.SubjectId, null, TestData.T0, TestData.T0.AddDays(1), 1000, Ct);

        Assert.Equal(500, read.Count);
        Assert.Equal(500, await Store.CountEventsAsync(subject.SubjectId, Ct));
        Assert.Equal(TestData.T0, read[0].At);
        Assert.True(read.Zip(read.Skip(1)).All(p => p.First.At <= p.Second.At));
        var first = events.Single(e => e.At == TestData.T0);
        Assert.Equal(first.EventId, read[0].EventId);
        Assert.Equal(first.Sealed, read[0].Sealed);
        Assert.Equal("dev-1", read[0].DeviceId);
    }

    [Fact]
    public async Task Event_reads_honour_category_range_and_limit()
    {
        var subject = await NewSubjectAsync();
        List<StoredEvent> events =
        [
            TestData.Event(subject.SubjectId, 1, "user.device.reading"),
            TestData.Event(subject.SubjectId, 2, "user.location.precise", deviceId: null),
            TestData.Event(subject.SubjectId, 3, "user.device.reading"),
            TestData.Event(subject.SubjectId, 4, "user.device.reading"),
        ];
        await InTransactionAsync(t => t.AppendEventsAsync(events, Ct));

        var located = await Store.GetEventsAsync(subject.SubjectId, "user.location.precise", TestData.T0, TestData.T0.AddHours(1), 10, Ct);
        var ranged = await Store.GetEventsAsync(subject.SubjectId, null, TestData.T0.AddMinutes(2), TestData.T0.AddMinutes(4), 10, Ct);
        var limited = await Store.GetEventsAsync(subject.SubjectId, null, TestData.T0, TestData.T0.AddHours(1), 2, Ct);

        Assert.Null(Assert.Single(located).DeviceId);
        Assert.Equal([2, 3], ranged.Select(e => e.At.Minute));
        Assert.Equal(2, limited.Count);
    }

    [Fact]
    public async Task A_batch_with_a_duplicate_event_id_writes_nothing_once_rolled_back()
    {
        var subject = await NewSubjectAsync();
        var e = TestData.Event(subject.SubjectId, 1);

        await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.AppendEventsAsync([TestData.Event(subject.SubjectId, 0), e, e], Ct)));

        Assert.Equal(0, await Store.CountEventsAsync(subject.SubjectId, Ct));
    }
}
