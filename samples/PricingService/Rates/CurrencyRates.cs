using Microsoft.Extensions.Caching.Memory;
using Pricing.Pricing;

namespace Pricing.Rates;

/// <summary>Today's exchange rates: they are published once a day, so they are cached until midnight UTC.</summary>
public sealed class CurrencyRates(IMemoryCache memoryCache, PriceStore store, TimeProvider clock)
{
    public Task<IReadOnlyDictionary<string, decimal>?> TodayAsync(CancellationToken cancellationToken) =>
        memoryCache.GetOrCreateAsync("rates:today", entry =>
        {
            entry.AbsoluteExpiration = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            return store.RatesAsync(cancellationToken);
        });

    /// <summary>When the rates were last loaded, for the health endpoint.</summary>
    public void MarkLoaded() => memoryCache.Set("rates:loaded-at", clock.GetUtcNow());

    public DateTimeOffset? LoadedAt() => memoryCache.TryGetValue("rates:loaded-at", out DateTimeOffset at) ? at : null;
}
