namespace Custodian.Notifications;

/// <summary>
/// The default transport: each message becomes <c>DATA/outbox/&lt;id&gt;.eml</c>, written to a temporary name and renamed,
/// so a mail relay or an operator picks up only complete files.
/// </summary>
public sealed class EmlFileTransport(string directory, TimeProvider clock) : IMessageTransport
{
    /// <summary>Where the files go.</summary>
    public string Directory { get; } = directory;

    /// <inheritdoc />
    public async Task SendAsync(string messageId, string from, RenderedMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, messageId + ".eml");
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, MimeMessageWriter.Write(messageId, from, message, clock.GetUtcNow()), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
