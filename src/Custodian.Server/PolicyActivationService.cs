using Microsoft.Extensions.Hosting;

namespace Custodian.Server;

/// <summary>Puts a published policy version into force on its effective date: checked at start and every minute.</summary>
internal sealed class PolicyActivationService(CustodianRuntime runtime, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            await runtime.Vault.ActivateDuePolicyAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
