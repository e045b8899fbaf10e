using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Pricing.Rules;

/// <summary>Tax rules per region in memory. Every entry depends on one change token, so a reload of the rules file
/// drops them all at once.</summary>
public sealed class TaxRules(IMemoryCache memoryCache, TaxRuleStore store)
{
    private CancellationTokenSource _reload = new();

    public async Task<IReadOnlyList<TaxRule>> ForRegionAsync(string region, CancellationToken cancellationToken)
    {
        if (memoryCache.TryGetValue($"tax-rules:{region}", out IReadOnlyList<TaxRule>? cached) && cached is not null)
        {
            return cached;
        }

        var rules = await store.ForRegionAsync(region, cancellationToken);
        memoryCache.Set($"tax-rules:{region}", rules, new CancellationChangeToken(_reload.Token));
        return rules;
    }

    /// <summary>Called when the rules file has been replaced.</summary>
    public void Reload()
    {
        var previous = Interlocked.Exchange(ref _reload, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}
