using Microsoft.Extensions.Caching.Hybrid;

namespace Pricing.Pricing;

/// <summary>Prices as the API serves them: every entry is tagged so that a refresh can drop them all at once.</summary>
public sealed class PriceQuotes(HybridCache hybridCache, PriceStore prices)
{
    public const string PricesTag = "prices";

    private static readonly HybridCacheEntryOptions QuoteEntry = new()
    {
        Expiration = TimeSpan.FromMinutes(10),
        LocalCacheExpiration = TimeSpan.FromMinutes(1),
    };

    private static readonly string[] QuoteTags = [PricesTag];

    public ValueTask<Price?> GetAsync(string sku, CancellationToken cancellationToken) =>
        hybridCache.GetOrCreateAsync(
            $"price:{sku}",
            async token => await prices.FindAsync(sku, token),
            QuoteEntry,
            QuoteTags,
            cancellationToken);
}
