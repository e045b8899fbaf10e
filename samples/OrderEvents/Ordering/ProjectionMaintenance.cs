using Marten;

namespace OrderEvents.Ordering;

/// <summary>Operations: replays the order streams into the read models after a projection changes shape.</summary>
public sealed class ProjectionMaintenance(IDocumentStore store, ILogger<ProjectionMaintenance> logger)
{
    public async Task RebuildOrderSummariesAsync(CancellationToken ct)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<OrderSummaryProjection>(ct);
        logger.LogInformation("Order summaries rebuilt");
    }

    public async Task RebuildCustomerHistoriesAsync(CancellationToken ct)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<CustomerOrderHistoryProjection>(TimeSpan.FromMinutes(10), ct);
    }
}
