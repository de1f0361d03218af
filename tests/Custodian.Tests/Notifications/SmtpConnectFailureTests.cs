using System.Net.Sockets;
using Custodian.Notifications;

namespace Custodian.Tests.Notifications;

public sealed class SmtpConnectFailureTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, "connection_refused")]
    [InlineData(SocketError.HostNotFound, "host_not_found")]
    [InlineData(SocketError.NoData, "host_not_found")]
    [InlineData(SocketError.TryAgain, "host_lookup_failed")]
    [InlineData(SocketError.TimedOut, "connection_timed_out")]
    [InlineData(SocketError.NetworkUnreachable, "host_unreachable")]
    [InlineData(SocketError.HostUnreachable, "host_unreachable")]
    [InlineData(SocketError.ConnectionReset, "connection_failed")]
    public void A_failed_connect_is_labelled_by_what_went_wrong(SocketError error, string code)
    {
        // Act
        var (label, what) = SmtpTransport.ConnectFailure(error);

        // Assert
        Assert.Equal(code, label);
        Assert.False(string.IsNullOrWhiteSpace(what));
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_not_called_a_refused_connection()
    {
        // Arrange: .invalid never resolves (RFC 6761)
        var transport = new SmtpTransport("smtp.nonexistent.invalid", 25, TimeSpan.FromSeconds(20), TimeProvider.System);
        var message = new RenderedMessage("person@example.com", "Subject", "Body");

        // Act
        var e = await Assert.ThrowsAsync<MessageDeliveryException>(() => transport.SendAsync("msg_test", "privacy@example.com", message, CancellationToken.None));

        // Assert
        Assert.NotEqual("connection_refused", e.Code);
        Assert.Contains(e.Code, (string[])["host_not_found", "host_lookup_failed"]);
        Assert.Contains("smtp.nonexistent.invalid:25", e.Message, StringComparison.Ordinal);
    }
}
