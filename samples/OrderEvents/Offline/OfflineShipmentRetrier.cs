using MassTransit;
using OrderEvents.Fulfilment;

namespace OrderEvents.Offline;

/// <summary>Every minute, sends the shipments that waited for the courier back to the shipping queue.</summary>
public sealed class OfflineShipmentRetrier(OfflineShipmentRepository offline, IServiceScopeFactory scopes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            using var scope = scopes.CreateScope();
            var sendEndpoints = scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>();
            var shipping = await sendEndpoints.GetSendEndpoint(new Uri("queue:ship-order"));
            foreach (var pending in offline.Due(DateTime.UtcNow))
            {
                await shipping.Send(new ShipOrder(pending.OrderId, pending.Country), stoppingToken);
                offline.Remove(pending.OrderId);
            }
        }
    }
}
