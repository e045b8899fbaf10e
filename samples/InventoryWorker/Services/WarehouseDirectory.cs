using Inventory.Data;
using Inventory.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace Inventory.Services;

/// <summary>Keeps the warehouse counts of the last sync in memory.</summary>
public sealed class WarehouseDirectory(IMemoryCache cache, WarehouseReader reader)
{
    public Task<IReadOnlyList<WarehouseCount>?> CountsAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync("warehouse:counts", entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(2);
            return reader.CountsAsync(cancellationToken);
        });

    public void RememberLastSync(DateTimeOffset at) => cache.Set("warehouse:last-sync", at);
}
