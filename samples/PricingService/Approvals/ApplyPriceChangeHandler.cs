using Microsoft.Extensions.Caching.Hybrid;
using Pricing.Pricing;
using Rebus.Handlers;

namespace Pricing.Approvals;

/// <summary>Writes an approved price and drops the cached quote, so the next request reads the new price.</summary>
public sealed class ApplyPriceChangeHandler(PriceStore prices, HybridCache hybridCache) : IHandleMessages<ApplyPriceChange>
{
    public async Task Handle(ApplyPriceChange message)
    {
        await prices.SetAsync(message.Sku, message.Amount, CancellationToken.None);
        await hybridCache.RemoveAsync($"price:{message.Sku}");
    }
}
