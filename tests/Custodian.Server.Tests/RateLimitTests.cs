using System.Net;
using Custodian.Server.Auth;
using Custodian.Server.Problems;

namespace Custodian.Server.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private CustodianFactory Factory { get; } = new(RepoPaths.Cekura, rateLimitPerSecond: 1);

    [Fact]
    [CoversCode(ApiErrorCodes.RateLimited)]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_another_key_is_unaffected()
    {
        var busy = Factory.CreateKey(ApiScope.Auditor);
        var quiet = Factory.CreateKey(ApiScope.Auditor);
        var http = Factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++) responses.Add(await RawApi.SendAsync(http, HttpMethod.Get, "/v1/policy", busy));
        using var other = await RawApi.SendAsync(http, HttpMethod.Get, "/v1/policy", quiet);

        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await RawApi.ProblemAsync(limited, HttpStatusCode.TooManyRequests, ApiErrorCodes.RateLimited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        responses.ForEach(r => r.Dispose());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
