namespace Custodian.Notifications;

/// <summary>Where a message in the outbox stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or to be retried).</summary>
    Pending = 1,

    /// <summary>Delivered to the transport; its sealed content was destroyed.</summary>
    Sent = 2,

    /// <summary>Gave up after the last retry.</summary>
    Failed = 3,
}
