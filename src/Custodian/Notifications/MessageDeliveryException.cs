namespace Custodian.Notifications;

/// <summary>A delivery failed; the code (<c>smtp_451</c>, <c>connection_refused</c>, <c>host_not_found</c>) is safe to store and log, the message names no address.</summary>
public sealed class MessageDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageDeliveryException(string code, string message, Exception? inner = null)
        : base(message, inner) => Code = code;

    /// <summary>Creates the exception with a generic code.</summary>
    public MessageDeliveryException()
        : this("delivery_failed", "The message could not be delivered.")
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public MessageDeliveryException(string message)
        : this("delivery_failed", message)
    {
    }

    /// <summary>Creates the exception with a generic code.</summary>
    public MessageDeliveryException(string message, Exception inner)
        : this("delivery_failed", message, inner)
    {
    }

    /// <summary>A stable, non-personal code.</summary>
    public string Code { get; }
}
