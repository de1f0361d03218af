namespace Custodian.Notifications;

/// <summary>A message ready to send: address, subject line and plain-text body, in the person's language.</summary>
/// <param name="To">The recipient's email address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The plain-text body.</param>
public sealed record RenderedMessage(string To, string Subject, string Body);
