using StackExchange.Redis;

namespace Inventory.Services;

/// <summary>Available quantities per SKU in Redis, read by the storefront.</summary>
public sealed class StockCache(IConnectionMultiplexer redis)
{
    private readonly IDatabase _db = redis.GetDatabase();

    public Task PublishAsync(string sku, int available) =>
        _db.StringSetAsync($"stock:{sku}", available, TimeSpan.FromMinutes(10));

    public Task ForgetAsync(string sku) => _db.KeyDeleteAsync($"stock:{sku}");
}
