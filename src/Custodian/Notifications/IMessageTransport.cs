namespace Custodian.Notifications;

/// <summary>Delivers one message: SMTP to a configured server, or <c>.eml</c> files for a deployment without mail.</summary>
public interface IMessageTransport
{
    /// <summary>Delivers the message or throws <see cref="MessageDeliveryException"/> with a non-personal code.</summary>
    Task SendAsync(string messageId, string from, RenderedMessage message, CancellationToken cancellationToken);
}
