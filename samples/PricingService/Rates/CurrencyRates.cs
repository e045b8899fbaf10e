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
            entry.RegisterPostEvictionCallback(ForgetLoadedAt);
            return store.RatesAsync(cancellationToken);
        });

    /// <summary>When the rates were last loaded, for the health endpoint.</summary>
    public void MarkLoaded() => memoryCache.Set(LoadedAtKey, clock.GetUtcNow());

    public DateTimeOffset? LoadedAt() => memoryCache.TryGetValue(LoadedAtKey, out DateTimeOffset at) ? at : null;

    /// <summary>Once today's rates leave the cache (midnight, memory pressure), the health endpoint must not report them loaded.</summary>
    private void ForgetLoadedAt(object key, object? value, EvictionReason reason, object? state) => memoryCache.Remove(LoadedAtKey);

    private const string LoadedAtKey = "rates:loaded-at";
}
