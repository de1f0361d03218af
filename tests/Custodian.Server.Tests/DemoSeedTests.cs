using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Custodian.Server.Tests;

/// <summary>The demo's named customers hold each value once, so a read shows it once.</summary>
public sealed class DemoSeedTests(DemoServer demo) : IClassFixture<DemoServer>
{
    [Theory]
    [InlineData("karen.holm@example.dk", "essential.service")]
    [InlineData("karen.holm@example.dk", "marketing.communications.email")]
    [InlineData("birthe.nielsen@example.dk", "essential.service")]
    public async Task A_named_customer_s_email_is_seeded_once_and_read_once(string email, string purpose)
    {
        using var http = new HttpClient { BaseAddress = new Uri(demo.Url + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.ServiceKey);
        using var lookup = await http.PostAsJsonAsync("v1/subjects/lookup", new { email });
        var id = (await lookup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var read = await http.GetFromJsonAsync<JsonElement>($"v1/subjects/{id}/data?purpose={purpose}");

        var emails = read.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("categoryKey").GetString() == "user.contact.email").ToList();
        var value = Assert.Single(emails);
        Assert.Equal(email, value.GetProperty("value").GetString());
    }
}
