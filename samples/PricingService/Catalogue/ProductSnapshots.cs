using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace Pricing.Catalogue;

/// <summary>Serialised product pages shared by every instance of the service through the distributed cache.</summary>
public sealed class ProductSnapshots(IDistributedCache distributedCache)
{
    private static readonly DistributedCacheEntryOptions SnapshotEntry = new()
    {
        AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(6),
        SlidingExpiration = TimeSpan.FromMinutes(30),
    };

    public async Task<Product?> GetAsync(string sku, CancellationToken cancellationToken)
    {
        var json = await distributedCache.GetStringAsync($"snapshot:{sku}", cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<Product>(json);
    }

    public Task SaveAsync(Product product, CancellationToken cancellationToken) =>
        distributedCache.SetStringAsync($"snapshot:{product.Sku}", JsonSerializer.Serialize(product), SnapshotEntry, cancellationToken);

    public Task ForgetAsync(string sku, CancellationToken cancellationToken) =>
        distributedCache.RemoveAsync($"snapshot:{sku}", cancellationToken);
}
