using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Custodian.Server.Auth;

namespace Custodian.Postgres.Tests;

/// <summary>
/// A real <c>custodian serve</c> whose PostgreSQL server stops: while the database is gone, API calls are answered with
/// 503 <c>store_unavailable</c> and Retry-After and <c>/readyz</c> says so (a load balancer takes the server out of
/// rotation); the process itself stays up; once the database is back, the same calls are served again without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [ThrowawayClusterFact]
    public async Task While_the_database_is_down_the_server_answers_503_store_unavailable_and_it_recovers_when_the_database_returns()
    {
        var data = Path.Combine(Path.GetTempPath(), "custodian-outage-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var cluster = await ThrowawayCluster.StartAsync(PostgresAvailability.BinDirectory!, durable: true, Ct);
        try
        {
            var (_, token) = new ApiKeyStore(data).Create("outage", ApiScope.Admin, []);
            var policy = Path.Combine(RepositoryPaths.Root(), "examples", "cekura", "policy.yaml");
            await using var server = await ServeProcess.StartAsync(policy, data, cluster.ConnectionString, "custodian", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), token, Ct);
            using (var created = await server.Client.PostAsJsonAsync("/v1/subjects", new { email = "outage@example.dk" }, Ct))
            {
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            await cluster.CrashAsync(Ct);

            using (var down = await server.Client.GetAsync(new Uri("/v1/policy", UriKind.Relative), Ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
                Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(await down.Content.ReadAsStringAsync(Ct));
                Assert.Equal("store_unavailable", problem.RootElement.GetProperty("code").GetString());
                Assert.NotNull(down.Headers.RetryAfter?.Delta);
            }

            using (var ready = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.Contains("store_unavailable", await ready.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }

            using (var alive = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct))
            {
                Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            }

            await cluster.RestartAsync(Ct);

            // Pooled connections the crash broke are found out and dropped on use; a client that honours Retry-After
            // is served within a few tries.
            var statuses = new List<HttpStatusCode>();
            for (var attempt = 0; attempt < 20 && statuses.LastOrDefault() != HttpStatusCode.OK; attempt++)
            {
                using var again = await server.Client.GetAsync(new Uri("/v1/policy", UriKind.Relative), Ct);
                statuses.Add(again.StatusCode);
                if (again.StatusCode != HttpStatusCode.OK) await Task.Delay(250, Ct);
            }

            Assert.Equal(HttpStatusCode.OK, statuses.Last());
            Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
            using var readyAgain = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
            Assert.DoesNotContain("Unexpected", server.Output(), StringComparison.Ordinal);
        }
        finally
        {
            await cluster.StopAsync(wait: true);
            Directory.Delete(data, recursive: true);
        }
    }
}
