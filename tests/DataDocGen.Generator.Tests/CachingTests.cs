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
                    services.AddHybridCache(o =>
                    {
                        o.MaximumPayloadBytes = 1024;
                        o.DefaultEntryOptions = new HybridCacheEntryOptions { Expiration = TimeSpan.FromMinutes(30), LocalCacheExpiration = TimeSpan.FromMinutes(5) };
                    });
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
        // The default entry options are named after the option that holds them, not listed as settings of their own.
        Assert.Contains("| HybridCache | `AddHybridCache()` | `MaximumPayloadBytes = 1024`; `DefaultEntryOptions.Expiration = 30 minutes`; `DefaultEntryOptions.LocalCacheExpiration = 5 minutes` |", output.Markdown);
        Assert.Contains("| `Catalog.All` | IMemoryCache | `GetOrCreateAsync` | read-through (cache-aside) | `catalog:all` | expires after 5 minutes; sliding expiration 30 seconds |", output.Markdown);
        Assert.Contains("| `Catalog.Product` | IDistributedCache | `GetStringAsync` | read | `product:{id}` |", output.Markdown);
        Assert.Contains("| `Catalog.Save` | IDistributedCache | `SetStringAsync` | write | `product:{id}` | expires after 1 hour |", output.Markdown);
        Assert.Contains("| `Catalog.Forget` | IMemoryCache | `Remove` | invalidation | `catalog:all` |", output.Markdown);
        Assert.Contains("| `Catalog.Price` | HybridCache | `GetOrCreateAsync` | read-through (cache-aside) | `price:{id}` | expires after 10 minutes |", output.Markdown);
        Assert.DoesNotContain("NotACache", output.Markdown);
    }

    private const string ExpirationCode = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Hybrid;
        using Microsoft.Extensions.Caching.Memory;
        using Microsoft.Extensions.Primitives;
        namespace Shop.Services
        {
            public static class CacheDefaults
            {
                public static readonly MemoryCacheEntryOptions Short = new() { SlidingExpiration = TimeSpan.FromSeconds(45) };
                public static MemoryCacheEntryOptions Mutable = new();
            }

            public class Expiry(IMemoryCache memory, IDistributedCache distributed, HybridCache hybrid)
            {
                public void Relative() => memory.Set("a", 1, TimeSpan.FromMinutes(2));
                public void Absolute(DateTimeOffset at) => memory.Set("b", 1, at);
                public void Token(IChangeToken token) => memory.Set("c", 1, token);
                public void Field() => memory.Set("d", 1, CacheDefaults.Short);
                public void MutableField() => memory.Set("e", 1, CacheDefaults.Mutable);
                public void Parameter(MemoryCacheEntryOptions options) => memory.Set("f", 1, options);
                public void Forever() => memory.Set("g", 1);
                public void LocalThenMutated()
                {
                    var options = new MemoryCacheEntryOptions();
                    options.SetSlidingExpiration(TimeSpan.FromMinutes(3));
                    memory.Set("h", 1, options);
                }
                public void LocalWithoutExpiration()
                {
                    var options = new MemoryCacheEntryOptions { Size = 1 };
                    memory.Set("i", 1, options);
                }
                public int FactoryIgnoresEntry() => memory.GetOrCreate("j", _ => 1);
                public int FactoryHandsEntryOn() => memory.GetOrCreate("k", entry => Configure(entry));
                public int FactorySetsSize() => memory.GetOrCreate("l", entry => { entry.Size = 1; return 1; });
                public Task DistributedForever(string json) => distributed.SetStringAsync("m", json);
                public ValueTask<int> HybridDefault() => hybrid.GetOrCreateAsync("n", _ => ValueTask.FromResult(1));
                public void RelativeAbsolute() => memory.GetOrCreate("o", entry => { entry.SetAbsoluteExpiration(TimeSpan.FromMinutes(7)); return 1; });
                private static int Configure(ICacheEntry entry) => 1;
            }
        }
        """;

    [Theory]
    [InlineData("Relative", "`a` | expires after 2 minutes |")]
    [InlineData("Absolute", "`b` | absolute expiration `at` |")]
    [InlineData("Token", "`c` | expires when the change token `token` fires |")]
    [InlineData("Field", "`d` | sliding expiration 45 seconds; no absolute expiration: an entry read within every window never expires |")]
    [InlineData("MutableField", "`e` | from the options `CacheDefaults.Mutable` (not resolved) |")]
    [InlineData("Parameter", "`f` | from the options `options` (not resolved) |")]
    [InlineData("Forever", "`g` | **no expiration**: kept until removed or evicted |")]
    [InlineData("LocalThenMutated", "`h` | sliding expiration 3 minutes; no absolute expiration: an entry read within every window never expires |")]
    [InlineData("LocalWithoutExpiration", "`i` | **no expiration**: kept until removed or evicted |")]
    [InlineData("FactoryIgnoresEntry", "`j` | **no expiration**: kept until removed or evicted |")]
    [InlineData("FactoryHandsEntryOn", "`k` | set in the factory through `entry` (not resolved) |")]
    [InlineData("FactorySetsSize", "`l` | **no expiration**: kept until removed or evicted |")]
    [InlineData("DistributedForever", "`m` | **no expiration** set (only a provider-wide default could apply) |")]
    [InlineData("HybridDefault", "`n` | none in this call: the cache's default entry options apply |")]
    [InlineData("RelativeAbsolute", "`o` | expires after 7 minutes |")]
    public void Expiration_is_read_from_every_overload_options_object_and_factory_and_none_is_said_only_when_certain(string member, string row)
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Expiry.cs", ExpirationCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.NotNull(output.Markdown);
        var line = output.Markdown.Split('\n').Single(l => l.StartsWith("| `Expiry." + member + "` |", System.StringComparison.Ordinal));
        Assert.Contains(row, line);
    }

    private const string FusionCode = """
        using System.Threading;
        using System.Threading.Tasks;
        using ZiggyCreatures.Caching.Fusion;
        namespace Shop.Services
        {
            public record Product(int Id, decimal Price);
            public static class FusionSetup
            {
                public static void Add(IServiceCollection services) => services.AddFusionCache();
            }
            public class Prices(IFusionCache fusion)
            {
                public ValueTask<decimal> Price(int id) =>
                    fusion.GetOrSetAsync<decimal>($"price:{id}", (ctx, ct) => Task.FromResult(1m), options => options.SetDuration(TimeSpan.FromMinutes(2)).SetFailSafe(true));
                public ValueTask<Product?> Product(int id) =>
                    fusion.GetOrSetAsync<Product?>($"product:{id}", _ => Task.FromResult<Product?>(null), TimeSpan.FromSeconds(45));
                public ValueTask<decimal> Default(int id) => fusion.GetOrSetAsync<decimal>($"default:{id}", _ => Task.FromResult(2m));
                public ValueTask Forever(int id) => fusion.SetAsync($"forever:{id}", 3m, options => options.SetDurationInfinite());
                public ValueTask<MaybeValue<decimal>> Peek(int id) => fusion.TryGetAsync<decimal>($"price:{id}");
                public ValueTask Forget(int id) => fusion.RemoveAsync($"price:{id}");
                public ValueTask Stale(int id) => fusion.ExpireAsync($"product:{id}");
                public ValueTask<decimal> Kept(int id) =>
                    fusion.GetOrSetAsync<decimal>($"kept:{id}", (ctx, ct) => Task.FromResult(1m), options => options.SetDuration(TimeSpan.FromMinutes(5)).SetFailSafe(true, TimeSpan.FromHours(2)));
                public ValueTask<decimal> Off(int id) =>
                    fusion.GetOrSetAsync<decimal>($"off:{id}", (ctx, ct) => Task.FromResult(1m), options => options.SetDuration(TimeSpan.FromMinutes(3)).SetFailSafe(false));
                public ValueTask Assigned(int id) =>
                    fusion.SetAsync($"assigned:{id}", 4m, new FusionCacheEntryOptions { Duration = TimeSpan.FromMinutes(4), IsFailSafeEnabled = true, FailSafeMaxDuration = TimeSpan.FromHours(12) });
            }
            // A look-alike: a TryGet that is not a cache's.
            public class Registry { public bool TryGet(string key) => false; }
            public class UsesRegistry(Registry fusionRegistry) { public bool Has(string k) => fusionRegistry.TryGet(k); }
        }
        """;

    [Fact]
    public void FusionCache_registration_uses_keys_and_durations_are_reported()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Prices.cs", FusionCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| FusionCache | `AddFusionCache()` |", md);
        // Fail-safe keeps the value cached past its duration: said beside it, with the maximum set here or not.
        Assert.Contains("| `Prices.Price` | FusionCache | `GetOrSetAsync` | read-through (cache-aside) | `price:{id}` | expires after 2 minutes; fail-safe (`SetFailSafe`): once expired, the value stays cached up to `FailSafeMaxDuration` (not set here: the cache's default entry options) and is served when reloading it fails |", md);
        Assert.Contains("| `kept:{id}` | expires after 5 minutes; fail-safe (`SetFailSafe`): once expired, the value stays cached up to 2 hours and is served when reloading it fails |", md);
        Assert.Contains("| `off:{id}` | expires after 3 minutes |", md);
        Assert.Contains("| `assigned:{id}` | expires after 4 minutes; fail-safe (`IsFailSafeEnabled`): once expired, the value stays cached up to 12 hours and is served when reloading it fails |", md);
        Assert.Contains("| `Prices.Product` | FusionCache | `GetOrSetAsync` | read-through (cache-aside) | `product:{id}` | expires after 45 seconds |", md);
        Assert.Contains("| `Prices.Default` | FusionCache | `GetOrSetAsync` | read-through (cache-aside) | `default:{id}` | none in this call: the cache's default entry options apply |", md);
        Assert.Contains("| `Prices.Forever` | FusionCache | `SetAsync` | write | `forever:{id}` | no expiration (`SetDurationInfinite`) |", md);
        Assert.Contains("| `Prices.Peek` | FusionCache | `TryGetAsync` | read | `price:{id}` |", md);
        Assert.Contains("| `Prices.Forget` | FusionCache | `RemoveAsync` | invalidation | `price:{id}` |", md);
        Assert.Contains("| `Prices.Stale` | FusionCache | `ExpireAsync` | invalidation | `product:{id}` |", md);
        Assert.DoesNotContain("UsesRegistry", md);
    }

    [Fact]
    public void A_read_whose_miss_path_writes_the_same_key_is_a_hand_written_cache_aside_and_a_counter_is_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Rates.cs", """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Distributed;
            using Microsoft.Extensions.Caching.Memory;
            namespace Shop.Services
            {
                public class Rates(IMemoryCache memoryCache, IDistributedCache distributedCache)
                {
                    public decimal Negated(string code)
                    {
                        if (!memoryCache.TryGetValue($"rate:{code}", out decimal rate))
                        {
                            rate = Load(code);
                            memoryCache.Set($"rate:{code}", rate, System.TimeSpan.FromMinutes(5));
                        }
                        return rate;
                    }

                    public decimal EarlyReturn(string code)
                    {
                        if (memoryCache.TryGetValue($"fee:{code}", out decimal fee) && fee > 0) return fee;
                        fee = Load(code);
                        memoryCache.Set($"fee:{code}", fee, System.TimeSpan.FromMinutes(1));
                        return fee;
                    }

                    public async Task<string> Snapshot(string code)
                    {
                        var cached = await distributedCache.GetStringAsync("snapshot:" + code);
                        if (cached is not null) return cached;
                        var fresh = code.ToUpperInvariant();
                        await distributedCache.SetStringAsync("snapshot:" + code, fresh);
                        return fresh;
                    }

                    // Traps: a counter read then written on the hit path; a read and a write of different keys.
                    public void Count(string code)
                    {
                        if (!memoryCache.TryGetValue($"hits:{code}", out int hits)) return;
                        memoryCache.Set($"hits:{code}", hits + 1);
                    }

                    public void Other(string code)
                    {
                        if (!memoryCache.TryGetValue($"a:{code}", out int a)) memoryCache.Set($"b:{code}", 1);
                    }

                    private static decimal Load(string code) => code.Length;
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Rates.Negated` | IMemoryCache | `TryGetValue` | cache-aside read (a miss is filled by `Set`, line 18) | `rate:{code}` |", md);
        Assert.Contains("| `Rates.Negated` | IMemoryCache | `Set` | cache-aside fill (after a miss of `TryGetValue`, line 15) | `rate:{code}` | expires after 5 minutes |", md);
        Assert.Contains("| `Rates.EarlyReturn` | IMemoryCache | `TryGetValue` | cache-aside read (a miss is filled by `Set`, line 27) | `fee:{code}` |", md);
        Assert.Contains("| `Rates.EarlyReturn` | IMemoryCache | `Set` | cache-aside fill (after a miss of `TryGetValue`, line 25) | `fee:{code}` |", md);
        Assert.Contains("| `Rates.Snapshot` | IDistributedCache | `GetStringAsync` | cache-aside read (a miss is filled by `SetStringAsync`, line 36) |", md);
        Assert.Contains("| `Rates.Snapshot` | IDistributedCache | `SetStringAsync` | cache-aside fill (after a miss of `GetStringAsync`, line 33) |", md);
        Assert.Contains("| `Rates.Count` | IMemoryCache | `TryGetValue` | read | `hits:{code}` |", md);
        Assert.Contains("| `Rates.Count` | IMemoryCache | `Set` | write | `hits:{code}` |", md);
        Assert.Contains("| `Rates.Other` | IMemoryCache | `TryGetValue` | read | `a:{code}` |", md);
        Assert.Contains("| `Rates.Other` | IMemoryCache | `Set` | write | `b:{code}` |", md);
    }

    [Fact]
    public void HybridCache_entries_show_the_tags_they_are_written_with()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Quotes.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Hybrid;
            namespace Shop.Services
            {
                public class Quotes(HybridCache hybridCache)
                {
                    public const string PricesTag = "prices";
                    private static readonly string[] QuoteTags = [PricesTag, "quotes"];
                    public ValueTask<int> Get(string sku, CancellationToken token) =>
                        hybridCache.GetOrCreateAsync($"price:{sku}", async t => await Task.FromResult(sku.Length), null, QuoteTags, token);
                    public ValueTask<int> Inline(string sku, CancellationToken token) =>
                        hybridCache.GetOrCreateAsync($"stock:{sku}", async t => await Task.FromResult(1), tags: new[] { "stock" }, cancellationToken: token);
                    public ValueTask<int> Computed(string sku, string region, CancellationToken token) =>
                        hybridCache.GetOrCreateAsync($"tax:{sku}", async t => await Task.FromResult(2), tags: [region], cancellationToken: token);
                    public ValueTask Drop(CancellationToken token) => hybridCache.RemoveByTagAsync(PricesTag, token);
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Quotes.Get` | HybridCache | `GetOrCreateAsync` | read-through (cache-aside) | `price:{sku}`; tags `prices`, `quotes` |", md);
        Assert.Contains("| `Quotes.Inline` | HybridCache | `GetOrCreateAsync` | read-through (cache-aside) | `stock:{sku}`; tags `stock` |", md);
        // A tag known only at run time: none claimed.
        Assert.Contains("| `Quotes.Computed` | HybridCache | `GetOrCreateAsync` | read-through (cache-aside) | `tax:{sku}` |", md);
        Assert.Contains("| `Quotes.Drop` | HybridCache | `RemoveByTagAsync` | invalidation | tag `prices` |", md);
    }
}

/// <summary>Post-eviction callbacks of IMemoryCache entries: each a cache use at its registration, with the entry's key and
/// what the callback calls when it is one call.</summary>
public class EvictionCallbackTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Memory;
        using Microsoft.Extensions.Logging;
        namespace Shop.Services
        {
            public class Catalog(IMemoryCache memoryCache, ILogger<Catalog> logger)
            {
                private static readonly MemoryCacheEntryOptions Shared = new MemoryCacheEntryOptions()
                    .SetSlidingExpiration(TimeSpan.FromMinutes(1))
                    .RegisterPostEvictionCallback(OnEvicted);

                public Task<int> Rates() => memoryCache.GetOrCreateAsync("rates", entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
                    entry.RegisterPostEvictionCallback((key, value, reason, state) => memoryCache.Remove("rates:loaded-at"));
                    return Task.FromResult(1);
                });

                public void Tax(string region, int rules)
                {
                    var options = new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(5) };
                    options.PostEvictionCallbacks.Add(new PostEvictionCallbackRegistration { EvictionCallback = (key, value, reason, state) => { logger.LogInformation("evicted {Key}", key); } });
                    memoryCache.Set($"tax:{region}", rules, options);
                }

                public void Shared1(int value) => memoryCache.Set("shared", value, Shared);

                public void Complex() => memoryCache.GetOrCreate("complex", entry =>
                {
                    entry.RegisterPostEvictionCallback((key, value, reason, state) => { if (reason == EvictionReason.Expired) logger.LogWarning("expired"); });
                    return 1;
                });

                // Traps: a same-named method on another type, a callback on another entry, commented-out code.
                public int Other(Registry registry) => memoryCache.GetOrCreate("other", entry =>
                {
                    registry.RegisterPostEvictionCallback(OnEvicted);
                    var unrelated = new MemoryCacheEntryOptions();
                    unrelated.RegisterPostEvictionCallback(OnEvicted);
                    // entry.RegisterPostEvictionCallback(OnEvicted);
                    return 1;
                });

                private static void OnEvicted(object key, object? value, EvictionReason reason, object? state) { }
            }

            public class Registry { public void RegisterPostEvictionCallback(PostEvictionDelegate callback) { } }
        }
        """;

    [Fact]
    public void Eviction_callbacks_are_rows_with_the_entry_key_and_what_they_call()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Catalog.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Catalog.Rates` | IMemoryCache | `RegisterPostEvictionCallback` | eviction callback (entry of `GetOrCreateAsync`, line 17): calls `memoryCache.Remove` | `rates` |  | [Services/Catalog.cs:20](Services/Catalog.cs#L20) |", md);
        // The callback's own call is a cache use too.
        Assert.Contains("| `Catalog.Rates` | IMemoryCache | `Remove` | invalidation | `rates:loaded-at` |", md);
        Assert.Contains("| `Catalog.Tax` | IMemoryCache | `PostEvictionCallbacks.Add` | eviction callback (entry of `Set`, line 28): calls `logger.LogInformation` | `tax:{region}` |  | [Services/Catalog.cs:27](Services/Catalog.cs#L27) |", md);
        Assert.Contains("| `Catalog.Shared1` | IMemoryCache | `RegisterPostEvictionCallback` | eviction callback (entry of `Set`, line 31): calls `OnEvicted` | `shared` |  | [Services/Catalog.cs:15](Services/Catalog.cs#L15) |", md);
        // Not one call: located only.
        Assert.Contains("| `Catalog.Complex` | IMemoryCache | `RegisterPostEvictionCallback` | eviction callback (entry of `GetOrCreate`, line 33) | `complex` |  | [Services/Catalog.cs:35](Services/Catalog.cs#L35) |", md);
        Assert.Single(md.Split('\n'), l => l.StartsWith("| `Catalog.Other` |", StringComparison.Ordinal));
        Assert.DoesNotContain("\"expired\"", md);
        Assert.Contains("\"operation\": \"RegisterPostEvictionCallback\"", output.Json);
    }

    [Fact]
    public void Without_callbacks_no_eviction_row_is_written()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Catalog.cs", """
            using Microsoft.Extensions.Caching.Memory;
            namespace Shop.Services
            {
                public class Catalog(IMemoryCache memoryCache)
                {
                    public void Put(int value) => memoryCache.Set("k", value, new MemoryCacheEntryOptions { Size = 1 });
                }
            }
            """)));
        Assert.DoesNotContain("eviction callback", output.Markdown!);
    }
}
