using System.Net;

namespace Custodian.Server.Tests;

/// <summary>
/// Behind a reverse proxy that terminates TLS, <c>Custodian:TrustedProxies</c> names the proxy: its forwarded scheme makes
/// the cookies <c>Secure</c> and its forwarded client address counts the public limit per visitor. The same headers from
/// anyone else, or with no proxy named, are ignored.
/// </summary>
public sealed class TrustedProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    private static CustodianFactory Server(string? trusted) => new(RepoPaths.Cekura)
    {
        RemoteAddress = Proxy,
        Settings = trusted is null
            ? new Dictionary<string, string> { ["PublicRequestsPerMinute"] = "3" }
            : new Dictionary<string, string> { ["PublicRequestsPerMinute"] = "3", ["TrustedProxies"] = trusted },
    };

    private static async Task<HttpResponseMessage> SignInPageAsync(HttpClient client, string visitor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/privacy/sign-in?lang=en");
        request.Headers.Add("X-Forwarded-For", visitor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("\n", response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.1, 10.0.0.0/8")]
    public async Task Behind_a_named_proxy_cookies_are_secure_and_each_visitor_has_their_own_limit(string trusted)
    {
        await using var server = Server(trusted);
        var client = server.CreateClient();

        using var first = await SignInPageAsync(client, "203.0.113.7");
        for (var i = 0; i < 2; i++) (await SignInPageAsync(client, "203.0.113.7")).Dispose();
        using var limited = await SignInPageAsync(client, "203.0.113.7");
        using var other = await SignInPageAsync(client, "198.51.100.9");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("custodian_csrf", Cookies(first), StringComparison.Ordinal);
        Assert.Contains("secure", Cookies(first), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.9.9.9")]
    public async Task Forwarded_headers_from_a_proxy_not_named_are_ignored(string? trusted)
    {
        await using var server = Server(trusted);
        var client = server.CreateClient();

        using var first = await SignInPageAsync(client, "203.0.113.7");
        for (var i = 0; i < 2; i++) (await SignInPageAsync(client, "203.0.113.7")).Dispose();
        using var otherVisitor = await SignInPageAsync(client, "198.51.100.9");

        Assert.Contains("custodian_csrf", Cookies(first), StringComparison.Ordinal);
        Assert.DoesNotContain("secure", Cookies(first), StringComparison.OrdinalIgnoreCase);

        // Every request counts for the address the connection came from, whatever the header claims.
        Assert.Equal(HttpStatusCode.TooManyRequests, otherVisitor.StatusCode);
    }

    [Fact]
    public async Task A_host_given_a_proxy_that_is_no_address_does_not_start()
    {
        await using var server = Server("10.0.0.5, proxy.example.com");

        var refused = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains("Custodian:TrustedProxies: 'proxy.example.com' is neither an IP address", refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proxy.example.com")]
    [InlineData("10.0.0.0/99")]
    public void An_entry_that_is_no_address_or_network_is_named_with_the_fix(string trusted)
    {
        var error = TrustedProxies.Check("10.0.0.5, " + trusted);

        Assert.NotNull(error);
        Assert.Contains($"'{trusted}'", error, StringComparison.Ordinal);
        Assert.Contains("comma-separated", error, StringComparison.Ordinal);
        Assert.Null(TrustedProxies.Check("10.0.0.5, 10.1.0.0/16, ::1"));
        Assert.Null(TrustedProxies.Check(null));
    }
}
