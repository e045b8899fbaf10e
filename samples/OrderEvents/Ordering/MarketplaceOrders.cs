using Marten;

namespace OrderEvents.Ordering;

/// <summary>One marketplace's recent orders, read through a session opened for its tenant.</summary>
public sealed class MarketplaceOrders(IDocumentStore store)
{
    public async Task<IReadOnlyList<OrderSummary>> RecentAsync(string marketplace, CancellationToken ct)
    {
        await using var session = store.QuerySession(marketplace);
        return await session.Query<OrderSummary>()
            .OrderByDescending(s => s.PlacedAt)
            .Take(20)
            .ToListAsync(ct);
    }
}
