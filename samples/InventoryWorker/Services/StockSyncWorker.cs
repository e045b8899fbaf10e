using System.Transactions;
using Inventory.Data;

namespace Inventory.Services;

/// <summary>Every minute: copies the warehouse counts into the inventory database and publishes what is available (Redis for
/// the storefront, Kafka for the other services).</summary>
public sealed class StockSyncWorker(IServiceScopeFactory scopes, WarehouseDirectory warehouse, StockCache cache, StockEvents events, ILogger<StockSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            await SyncAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        var counts = await warehouse.CountsAsync(cancellationToken) ?? [];
        using var scope = scopes.CreateScope();
        var stock = scope.ServiceProvider.GetRequiredService<IStockRepository>();

        // All quantities of one run are written together, or none is.
        using (var transaction = new TransactionScope(TransactionScopeOption.Required,
                   new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted, Timeout = TimeSpan.FromSeconds(30) },
                   TransactionScopeAsyncFlowOption.Enabled))
        {
            foreach (var count in counts)
            {
                await stock.SetQuantityAsync(count.Sku, count.OnHand);
            }
            transaction.Complete();
        }

        // Each run's counts are kept for audits.
        await scope.ServiceProvider.GetRequiredService<CountLedger>().RecordAsync(counts, DateTime.UtcNow, cancellationToken);

        foreach (var count in counts)
        {
            await cache.PublishAsync(count.Sku, count.OnHand);
            await events.PublishAsync(count.Sku, count.OnHand, cancellationToken);
        }
        warehouse.RememberLastSync(DateTimeOffset.UtcNow);
        logger.LogInformation("Synchronised {Count} SKUs", counts.Count);
    }
}
