using Custodian.Policy;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Acceptance.Tests.Requests;

/// <summary>A CR Smart Home person with provided, observed and secret values, a consent history and device readings.</summary>
internal static class SmartHomePerson
{
    public const string Email = "dara.sok@example.com";
    public const string Password = "correct-horse-battery-staple-7";
    public const string Scale = "CRSH-SCALE-0042";

    public static readonly DateTimeOffset Start = new(2024, 4, 1, 8, 0, 0, TimeSpan.Zero);

    public static CompiledPolicy Policy() => PolicyCompiler.CompileFile(RepositoryRoot.Combine("examples", "crsmarthome", "policy.yaml"));

    /// <summary>Creates the person and returns their id; <paramref name="deviceReadings"/> telemetry readings come from the scale, two more from no device.</summary>
    public static async Task<string> CreateAsync(DataVault vault, int deviceReadings)
    {
        var ct = CancellationToken.None;
        var id = await vault.CreateSubjectAsync(new NewSubject(Email, null, null, null), "test", ct);
        await vault.RecordRelationshipAsync(id, "account", "opened", "test", ct);
        await vault.CollectAsync(id, "essential.service", [new CollectValue("user.name", "Dara Sok <b>&amp;</b>"), new CollectValue("user.contact.email", Email)], "test", ct);
        await vault.CollectAsync(id, "essential.service", [new CollectValue("user.device.ip_address", "203.0.113.7", RecordSource.Observed)], "test", ct);
        await vault.CollectAsync(id, "essential.service.authentication", [new CollectValue("user.authorization.credentials", Password)], "test", ct);
        await vault.RecordConsentAsync(id, "analytics.reporting", false, true, false, "app-toggle", null, "test", ct);
        var readings = Enumerable.Range(0, deviceReadings).Select(i => new EventInput("user.telemetry", Start.AddMinutes(i), $"{{\"t\":{i},\"note\":\"a,b\"}}", Scale))
            .Concat([new EventInput("user.telemetry", Start.AddDays(1), "app-opened"), new EventInput("user.telemetry", Start.AddDays(1).AddSeconds(1), "app-closed")])
            .ToList();
        var result = await vault.AppendEventsAsync(id, "essential.service", readings, "test", ct);
        Assert.Equal(readings.Count, result.Stored);
        return id;
    }
}
