using Microsoft.Extensions.Caching.Hybrid;
using Pricing.Catalogue;
using Pricing.Pricing;
using Pricing.Rates;

namespace Pricing.Workers;

/// <summary>Re-prices the products whose supplier cost changed, then drops every cached quote (they are tagged).</summary>
public sealed class PriceRefreshWorker(
    SupplierCosts supplierCosts, PriceStore prices, CurrencyRates rates, HybridCache hybridCache,
    IConfiguration configuration, ILogger<PriceRefreshWorker> logger) : BackgroundService
{
    private const decimal Markup = 1.35m;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = DateTime.UtcNow.AddDays(-1);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(configuration.GetValue("Pricing:RefreshMinutes", 15)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var startedAt = DateTime.UtcNow;
            var todaysRates = await rates.TodayAsync(stoppingToken) ?? new Dictionary<string, decimal>();
            var changed = await supplierCosts.ChangedSinceAsync(since, stoppingToken);
            foreach (var cost in changed)
            {
                var toEur = todaysRates.GetValueOrDefault(cost.Currency, 1m);
                await prices.SetAsync(cost.Sku, Math.Round(cost.Cost * toEur * Markup, 2), stoppingToken);
            }
            if (changed.Count > 0)
            {
                await hybridCache.RemoveByTagAsync(PriceQuotes.PricesTag, stoppingToken);
            }
            rates.MarkLoaded();
            logger.LogInformation("Re-priced {Count} products", changed.Count);
            since = startedAt;
        }
    }
}
