using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>The caching layer: providers with their settings, and each cache use with its key and expirations.</summary>
public class CachingTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Hybrid;
        using Microsoft.Extensions.Caching.Memory;
        namespace Shop.Services
        {
            public static class Setup
            {
                public static void Add(IServiceCollection services, IConfiguration config)
                {
                    services.AddMemoryCache();
                    services.AddStackExchangeRedisCache(o =>
                    {
                        o.Configuration = config.GetConnectionString("Redis");
                        o.InstanceName = "shop:";
                    });
                    services.AddHybridCache();
                }

                public static void AddLocal(IServiceCollection services) =>
                    services.AddStackExchangeRedisCache(o => o.Configuration = "cache.internal:6380,password=Redis-Secret-77,ssl=True");
            }

            public class Catalog(IMemoryCache memory, IDistributedCache distributed, HybridCache hybrid)
            {
                private const string AllKey = "catalog:all";

                public Task<string?> All() => memory.GetOrCreateAsync(AllKey, entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
                    entry.SlidingExpiration = TimeSpan.FromSeconds(30);
                    return Task.FromResult<string?>("x");
                });

                public Task<string?> Product(int id) => distributed.GetStringAsync($"product:{id}");

                public Task Save(int id, string json)
                {
                    var options = new DistributedCacheEntryOptions().SetAbsoluteExpiration(TimeSpan.FromHours(1));
                    return distributed.SetStringAsync($"product:{id}", json, options);
                }

                public void Forget() => memory.Remove(AllKey);

                public ValueTask<string> Price(int id) => hybrid.GetOrCreateAsync($"price:{id}", _ => ValueTask.FromResult("1"),
                    new HybridCacheEntryOptions { Expiration = TimeSpan.FromMinutes(10) });

                public object? NotACache(Dictionary<string, object> map) => map.Remove("x");
            }
        }
        """;

    [Fact]
    public void Providers_and_uses_are_reported_with_keys_and_expirations_and_no_secret()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Catalog.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        Assert.Contains("| In-memory cache (IMemoryCache) | `AddMemoryCache()` |", output.Markdown);
        Assert.Contains("| Redis (IDistributedCache) | `AddStackExchangeRedisCache()` | `` Configuration = configuration `ConnectionStrings:Redis` ``; `InstanceName = \"shop:\"` |", output.Markdown);
        Assert.DoesNotContain("Redis-Secret-77", output.All);
        Assert.Contains("| `Catalog.All` | IMemoryCache | `GetOrCreateAsync` | read-through (cache-aside) | `catalog:all` | expires after 5 minutes; sliding expiration 30 seconds |", output.Markdown);
        Assert.Contains("| `Catalog.Product` | IDistributedCache | `GetStringAsync` | read | `product:{id}` |", output.Markdown);
        Assert.Contains("| `Catalog.Save` | IDistributedCache | `SetStringAsync` | write | `product:{id}` | absolute expiration 1 hour |", output.Markdown);
        Assert.Contains("| `Catalog.Forget` | IMemoryCache | `Remove` | invalidation | `catalog:all` |", output.Markdown);
        Assert.Contains("| `Catalog.Price` | HybridCache | `GetOrCreateAsync` | read-through (cache-aside) | `price:{id}` | expires after 10 minutes |", output.Markdown);
        Assert.DoesNotContain("NotACache", output.Markdown);
    }
}
