using Custodian.Notifications;
using Custodian.Requests;

namespace Custodian.Storage.Conformance;

/// <summary>Data-subject requests, their history, re-sealing under the hold key, keyset paging of events, and the outbox.</summary>
public abstract class RequestConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task A_saved_request_reads_back_and_saving_again_replaces_it()
    {
        var subject = await NewSubjectAsync();
        var request = Request(subject.SubjectId);
        await InTransactionAsync(t => t.SaveRequestAsync(request, Ct));
        await InTransactionAsync(t => t.SaveRequestAsync(request with { Status = RequestStatus.Completed, ClosedAt = TestData.T0.AddDays(3), ResultJson = "{}" }, Ct));

        var read = await Store.GetRequestAsync(request.RequestId, Ct);

        Assert.Equal(RequestStatus.Completed, read!.Status);
        Assert.Equal(request.DueAt, read.DueAt);
        Assert.Equal([9, 9], read.ContactSealed);
        Assert.Equal("{}", read.ResultJson);
    }

    [Fact]
    public async Task A_conditional_update_writes_only_while_the_status_and_wrong_codes_are_as_read()
    {
        var subject = await NewSubjectAsync();
        var request = Request(subject.SubjectId);
        await InTransactionAsync(t => t.SaveRequestAsync(request, Ct));

        var first = false;
        var second = true;
        var wrongCount = true;
        var unknown = true;
        await InTransactionAsync(async t => first = await t.UpdateRequestAsync(request with { Status = RequestStatus.InProgress }, RequestStatus.Verified, 0, Ct));
        await InTransactionAsync(async t => second = await t.UpdateRequestAsync(request with { Status = RequestStatus.InProgress, Reason = "late" }, RequestStatus.Verified, 0, Ct));
        await InTransactionAsync(async t => wrongCount = await t.UpdateRequestAsync(request with { Status = RequestStatus.Completed }, RequestStatus.InProgress, 3, Ct));
        await InTransactionAsync(async t => unknown = await t.UpdateRequestAsync(Request(subject.SubjectId), RequestStatus.Verified, 0, Ct));
        var read = await Store.GetRequestAsync(request.RequestId, Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.False(wrongCount);
        Assert.False(unknown);
        Assert.Equal(RequestStatus.InProgress, read!.Status);
        Assert.Null(read.Reason);
    }

    [Fact]
    public async Task Listing_overdue_requests_returns_only_open_ones_past_their_deadline()
    {
        var subject = await NewSubjectAsync();
        var late = Request(subject.SubjectId);
        var closed = Request(subject.SubjectId) with { Status = RequestStatus.Completed, ClosedAt = TestData.T0 };
        var early = Request(subject.SubjectId) with { DueAt = TestData.T0.AddDays(90) };
        await InTransactionAsync(async t =>
        {
            foreach (var r in new[] { late, closed, early }) await t.SaveRequestAsync(r, Ct);
        });

        var overdue = await Store.ListRequestsAsync(new RequestQuery(OverdueAt: TestData.T0.AddDays(40)), Ct);

        Assert.Equal(late.RequestId, Assert.Single(overdue).RequestId);
    }

    [Fact]
    public async Task A_limited_list_keeps_the_requests_due_first()
    {
        var subject = await NewSubjectAsync();
        var receivedFirstDueLast = Request(subject.SubjectId) with { ReceivedAt = TestData.T0, DueAt = TestData.T0.AddDays(90) };
        var receivedLastDueFirst = Request(subject.SubjectId) with { ReceivedAt = TestData.T0.AddDays(5), DueAt = TestData.T0.AddDays(10) };
        var between = Request(subject.SubjectId) with { ReceivedAt = TestData.T0.AddDays(1), DueAt = TestData.T0.AddDays(30) };
        await InTransactionAsync(async t =>
        {
            foreach (var r in new[] { receivedFirstDueLast, receivedLastDueFirst, between }) await t.SaveRequestAsync(r, Ct);
        });

        var two = await Store.ListRequestsAsync(new RequestQuery(SubjectId: subject.SubjectId, Limit: 2), Ct);

        Assert.Equal([receivedLastDueFirst.RequestId, between.RequestId], two.Select(r => r.RequestId));
    }

    [Fact]
    public async Task The_history_of_a_request_is_kept_in_order()
    {
        var subject = await NewSubjectAsync();
        var request = Request(subject.SubjectId);
        await InTransactionAsync(async t =>
        {
            await t.SaveRequestAsync(request, Ct);
            await t.AppendRequestHistoryAsync(new RequestStatusChange(request.RequestId, RequestStatus.Received, TestData.T0, "person"), Ct);
            await t.AppendRequestHistoryAsync(new RequestStatusChange(request.RequestId, RequestStatus.Verified, TestData.T0.AddMinutes(3), "person", "code"), Ct);
        });

        var history = await Store.GetRequestHistoryAsync(request.RequestId, Ct);

        Assert.Equal([RequestStatus.Received, RequestStatus.Verified], history.Select(h => h.Status));
    }

    [Fact]
    public async Task Resealing_a_record_switches_its_key_kind_and_keeps_its_version()
    {
        var subject = await NewSubjectAsync();
        var record = TestData.Record(subject.SubjectId);
        await InTransactionAsync(t => t.WriteRecordsAsync([record], Ct));

        await InTransactionAsync(t => t.ResealRecordAsync(record.RecordId, [7, 7, 7], SealingKeyKind.Hold, TestData.T0.AddYears(10), Ct));
        await InTransactionAsync(t => t.ShredSubjectAsync(subject.SubjectId, TestData.T0, Ct));
        while (await Store.PurgeShreddedAsync(100, Ct) > 0)
        {
        }

        var kept = await Store.GetRecordAsync(record.RecordId, Ct);
        Assert.Equal(SealingKeyKind.Hold, kept!.KeyKind);
        Assert.Equal([7, 7, 7], kept.Sealed);
        Assert.Equal(1, kept.Version);
        Assert.Equal(TestData.T0.AddYears(10), kept.ExpiresAt);
    }

    [Fact]
    public async Task Keyset_paging_returns_every_event_once_even_when_many_share_a_time()
    {
        var subject = await NewSubjectAsync();
        var events = Enumerable.Range(0, 25).Select(i => TestData.Event(subject.SubjectId, i / 10)).ToList();
        await InTransactionAsync(t => t.AppendEventsAsync(events, Ct));

        var seen = new List<string>();
        var afterAt = DateTimeOffset.MinValue;
        string? afterId = null;
        while (true)
        {
            var page = await Store.GetEventsAfterAsync(subject.SubjectId, afterAt, afterId, 4, Ct);
            seen.AddRange(page.Select(e => e.EventId));
            if (page.Count < 4) break;
            (afterAt, afterId) = (page[^1].At, page[^1].EventId);
        }

        Assert.Equal(events.Select(e => e.EventId).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Streaming_events_visits_each_once_in_time_order_with_its_metadata_and_resumes_where_the_visitor_stopped()
    {
        var subject = await NewSubjectAsync();
        var other = await NewSubjectAsync();
        var events = Enumerable.Range(0, 25)
            .Select(i => TestData.Event(subject.SubjectId, i / 10, i % 2 == 0 ? "user.device.reading" : "user.device.location", i % 3 == 0 ? null : "dev-" + (i % 3)))
            .ToList();
        await InTransactionAsync(async t =>
        {
            await t.AppendEventsAsync(events, Ct);
            await t.AppendEventsAsync([TestData.Event(other.SubjectId, 0)], Ct);
        });
        var expected = await Store.GetEventsAfterAsync(subject.SubjectId, DateTimeOffset.MinValue, null, 100, Ct);

        var visitor = new RecordingVisitor { StopAt = 7 };
        var cursor = new EventCursor();
        var pages = new List<int>();
        while (true)
        {
            var visited = await Store.VisitEventsAsync(subject.SubjectId, cursor, 4, visitor, Ct);
            pages.Add(visited);
            if (visitor.Seen.Count == visitor.StopAt)
            {
                visitor.StopAt = -1;
                continue;
            }

            if (visited < 4) break;
        }

        Assert.Equal(expected.Select(e => (e.EventId, e.EffectiveKeyOwnerId, e.CategoryKey, e.At, e.DeviceId, Convert.ToHexString(e.Sealed))), visitor.Seen);
        Assert.Equal(3, pages[1]);
        Assert.Equal(expected[^1].EventId, cursor.EventId);
    }

    [Fact]
    public async Task A_due_message_is_listed_until_it_is_marked_sent()
    {
        var message = new OutboxMessage { MessageId = TestData.NewId("msg"), Template = "request_received", Language = "en", CreatedAt = TestData.T0, NextAttemptAt = TestData.T0, Sealed = [1] };
        await InTransactionAsync(t => t.EnqueueMessageAsync(message, Ct));
        Assert.Single(await Store.GetDueMessagesAsync(TestData.T0, 10, Ct));

        await InTransactionAsync(t => t.UpdateMessageAsync(message with { Status = OutboxStatus.Sent, Sealed = null, SentAt = TestData.T0, Attempts = 1 }, Ct));

        Assert.Empty(await Store.GetDueMessagesAsync(TestData.T0.AddDays(1), 10, Ct));
        var sent = Assert.Single(await Store.GetMessagesAsync(null, Ct));
        Assert.Null(sent.Sealed);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
    }

    [Fact]
    public async Task A_due_message_is_claimed_by_one_sender_until_its_lease_runs_out()
    {
        var message = new OutboxMessage { MessageId = TestData.NewId("msg"), Template = "signin_code", Language = "en", CreatedAt = TestData.T0, NextAttemptAt = TestData.T0, Sealed = [1] };
        await InTransactionAsync(t => t.EnqueueMessageAsync(message, Ct));
        var lease = TestData.T0.AddMinutes(5);

        var first = false;
        var second = true;
        await InTransactionAsync(async t => first = await t.ClaimMessageAsync(message.MessageId, message.NextAttemptAt, lease, Ct));
        await InTransactionAsync(async t => second = await t.ClaimMessageAsync(message.MessageId, message.NextAttemptAt, lease.AddMinutes(1), Ct));

        Assert.True(first);
        Assert.False(second);
        Assert.Empty(await Store.GetDueMessagesAsync(TestData.T0.AddMinutes(4), 10, Ct));
        Assert.Equal(message.MessageId, Assert.Single(await Store.GetDueMessagesAsync(lease, 10, Ct)).MessageId);
        await InTransactionAsync(t => t.UpdateMessageAsync(message with { Status = OutboxStatus.Sent, Sealed = null, SentAt = TestData.T0, Attempts = 1 }, Ct));
        await InTransactionAsync(async t => second = await t.ClaimMessageAsync(message.MessageId, message.NextAttemptAt, lease, Ct));
        Assert.False(second);
    }

    private static StoredRequest Request(string subjectId) => new()
    {
        RequestId = TestData.NewId("req"),
        SubjectId = subjectId,
        Kind = RequestKind.Access,
        Status = RequestStatus.Verified,
        Channel = RequestChannel.Admin,
        ReceivedAt = TestData.T0,
        DueAt = TestData.T0.AddDays(30),
        Language = "en",
        ContactSealed = [9, 9],
    };

    private sealed class RecordingVisitor : ISealedEventVisitor
    {
        public int StopAt { get; set; } = -1;

        public List<(string, string, string, DateTimeOffset, string?, string)> Seen { get; } = [];

        public bool VisitEvent(in SealedEventRow row)
        {
            if (Seen.Count == StopAt) return false;
            Seen.Add((System.Text.Encoding.UTF8.GetString(row.Utf8EventId), row.KeyOwnerId, row.CategoryKey, row.At, row.DeviceId, Convert.ToHexString(row.Sealed)));
            return true;
        }
    }
}
