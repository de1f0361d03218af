using System.Net;
using Custodian.Server.Auth;
using Custodian.Server.Problems;
using Custodian.Sqlite;
using Custodian.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Custodian.Server.Tests;

/// <summary>
/// A store that does not answer — here the SQLite file held by another process's write past the busy timeout — is
/// answered with 503 <c>store_unavailable</c> and Retry-After (a page in the visitor's language on the privacy center), logged as a warning rather than as a fault, and the next
/// request after the lock is gone is served as usual.
/// </summary>
public sealed class StoreUnavailableTests : IAsyncDisposable
{
    private readonly CustodianFactory _server = new(RepoPaths.Cekura);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    [CoversCode(ApiErrorCodes.StoreUnavailable)]
    public async Task A_database_locked_by_another_process_past_the_busy_timeout_is_a_503_with_retry_after_and_no_error_logged()
    {
        var key = _server.CreateKey(ApiScope.Admin);
        using var http = _server.CreateClient();
        using var browser = _server.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));
        var formToken = await PrivacyCenterSignIn.FormTokenAsync(browser);
        using (var before = await RawApi.SendAsync(http, HttpMethod.Get, "/v1/policy", key))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var other = new SqliteConnection($"Data Source={Path.Combine(_server.DataDirectory, SqliteVaultStoreOptions.DatabaseFileName)};Pooling=False"))
        {
            await other.OpenAsync();
            await using (var hold = other.CreateCommand())
            {
                hold.CommandText = "BEGIN IMMEDIATE";
                await hold.ExecuteNonQueryAsync();
            }

            // Every API call is audited, so even this read needs the write lock the other process holds; a sign-in stores
            // its challenge. Both wait out the busy timeout together.
            var api = RawApi.SendAsync(http, HttpMethod.Get, "/v1/policy", key);
            var signIn = browser.PostAsync(new Uri("/privacy/sign-in?lang=da", UriKind.Relative), PrivacyCenterSignIn.Form(("email", "ingen@example.dk"), ("__csrf", formToken)));
            using var locked = await api;
            using var page = await signIn;
            var problem = await RawApi.ProblemAsync(locked, HttpStatusCode.ServiceUnavailable, ApiErrorCodes.StoreUnavailable);

            Assert.Equal(TimeSpan.FromSeconds(StoreFailures.RetryAfterSeconds), locked.Headers.RetryAfter?.Delta);
            Assert.Contains("try again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(StoreFailures.RetryAfterSeconds), page.Headers.RetryAfter?.Delta);
            Assert.Contains("Ikke tilgængelig lige nu", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            await using var release = other.CreateCommand();
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }

        using (var after = await RawApi.SendAsync(http, HttpMethod.Get, "/v1/policy", key))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        var lines = _server.Logs.Lines;
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Text.Contains("did not answer", StringComparison.Ordinal) && l.Text.Contains("SqliteException", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Error);
    }
}
