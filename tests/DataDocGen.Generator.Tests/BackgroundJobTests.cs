using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Background services with the data they move (5.2): their own facts and those of the project methods they
/// call, in the order of their code; only services confirmed by namespace, only when they touch data.</summary>
public class BackgroundJobTests
{
    private static readonly Dictionary<string, string> Code = Sources.With(
        ("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class OutboxMessage { public int Id { get; set; } public string Type { get; set; } = ""; public bool Sent { get; set; } }
                public class ShopContext : DbContext
                {
                    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public class OutboxRepository(ShopContext db)
                {
                    public System.Collections.Generic.List<OutboxMessage> Pending() => db.Outbox.Where(m => !m.Sent).ToList();
                    public void MarkSent(OutboxMessage message) { message.Sent = true; db.Outbox.Update(message); db.SaveChanges(); }
                }
            }
            """),
        ("Jobs/OutboxRelay.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            namespace Shop.Jobs
            {
                public record OrderChanged(int Id);
                public sealed class OutboxRelay(Shop.Data.OutboxRepository outbox, MassTransit.IPublishEndpoint bus) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        foreach (var message in outbox.Pending())
                        {
                            await bus.Publish(new OrderChanged(message.Id), stoppingToken);
                            outbox.MarkSent(message);
                        }
                    }
                }
                public sealed class Heartbeat : BackgroundService
                {
                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(1000, stoppingToken);
                }
            }
            namespace LookAlike
            {
                public abstract class BackgroundService { protected abstract void ExecuteAsync(); }
                public sealed class FakeRelay(Shop.Data.OutboxRepository outbox) : BackgroundService { protected override void ExecuteAsync() => outbox.Pending(); }
            }
            """));

    /// <summary>What paces a service's loop goes in "Scheduled": a PeriodicTimer's period, a Task.Delay inside a loop with
    /// the condition around it, intervals followed through read-only fields; not a delay outside a loop, nor look-alikes.</summary>
    [Fact]
    public void A_service_loop_paced_by_a_timer_or_a_delay_shows_its_interval()
    {
        var code = new Dictionary<string, string>(Code)
        {
            ["Jobs/Pacers.cs"] = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;
                namespace Shop.Jobs
                {
                    public sealed class TimedRelay(Shop.Data.OutboxRepository outbox) : BackgroundService
                    {
                        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
                            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
                            while (await timer.WaitForNextTickAsync(stoppingToken)) outbox.Pending();
                        }
                    }
                    public sealed class PollingRelay(Shop.Data.OutboxRepository outbox, Options options) : BackgroundService
                    {
                        private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);
                        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            while (!stoppingToken.IsCancellationRequested)
                            {
                                var pending = outbox.Pending();
                                if (pending.Count == 0) await Task.Delay(Idle, stoppingToken);
                                else await Task.Delay(250, stoppingToken);
                                await Task.Delay(options.Pause, stoppingToken);
                                Scheduler.Delay(TimeSpan.FromHours(1));
                            }
                        }
                    }
                    public sealed class Options { public TimeSpan Pause { get; set; } }
                    // Intervals whose code holds a string (a configuration key) are neither read nor copied.
                    public sealed class ConfiguredRelay(Shop.Data.OutboxRepository outbox, Microsoft.Extensions.Configuration.IConfiguration configuration) : BackgroundService
                    {
                        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(configuration.GetValue("Relay:Minutes", 5)));
                            while (await timer.WaitForNextTickAsync(stoppingToken))
                            {
                                outbox.Pending();
                                await Task.Delay(TimeSpan.FromSeconds(configuration.GetValue("Relay:PauseSeconds", 1)), stoppingToken);
                            }
                        }
                    }
                    public static class Scheduler { public static void Delay(TimeSpan wait) { } }
                }
                """,
        };
        var md = GeneratorHarness.Run(code).Markdown!;
        var timed = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.TimedRelay`", StringComparison.Ordinal));
        Assert.Contains("| BackgroundService | `PeriodicTimer` ticks every 30 seconds [Jobs/Pacers.cs:12](Jobs/Pacers.cs#L12) | reads", timed);
        Assert.DoesNotContain("10 seconds", timed); // a delay before the loop paces nothing
        var polling = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.PollingRelay`", StringComparison.Ordinal));
        Assert.Contains("| BackgroundService | waits 2 minutes (`Idle`) in its loop (`Task.Delay`), when `pending.Count == 0` [Jobs/Pacers.cs:24](Jobs/Pacers.cs#L24)"
            + "<br>waits 250 milliseconds in its loop (`Task.Delay`), when `not (pending.Count == 0)` [Jobs/Pacers.cs:25](Jobs/Pacers.cs#L25)"
            + "<br>waits `options.Pause` (not a constant) in its loop (`Task.Delay`) [Jobs/Pacers.cs:26](Jobs/Pacers.cs#L26) | reads", polling);
        Assert.DoesNotContain("1 hour", polling);
        var configured = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.ConfiguredRelay`", StringComparison.Ordinal));
        Assert.Contains("| BackgroundService | `PeriodicTimer` ticks at an interval not read here [Jobs/Pacers.cs:37](Jobs/Pacers.cs#L37)"
            + "<br>waits for an interval not read here in its loop (`Task.Delay`) [Jobs/Pacers.cs:41](Jobs/Pacers.cs#L41) | reads", configured);
    }

    /// <summary>A call through a service interface reaches the code that runs when the project has exactly one class
    /// implementing it, at either level; with two implementations (which one runs is not known here) nothing is claimed.</summary>
    [Fact]
    public void A_call_through_an_interface_reaches_its_sole_implementation_at_either_level()
    {
        var code = new Dictionary<string, string>(Code)
        {
            ["Jobs/Services.cs"] = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;
                namespace Shop.Jobs
                {
                    public interface IArchive { void Keep(Shop.Data.OutboxMessage message); }
                    public sealed class Archive(Shop.Data.ShopContext db) : IArchive
                    {
                        public void Keep(Shop.Data.OutboxMessage message) { db.Outbox.Add(message); db.SaveChanges(); }
                    }
                    public sealed class Janitor(IArchive archive) { public void Sweep() => archive.Keep(new Shop.Data.OutboxMessage()); }
                    public interface INotifier { void Notify(); }
                    public sealed class MailNotifier(Shop.Data.ShopContext db) : INotifier { public void Notify() => db.Outbox.Add(new Shop.Data.OutboxMessage()); }
                    public sealed class SmsNotifier(Shop.Data.ShopContext db) : INotifier { public void Notify() => db.Outbox.Remove(new Shop.Data.OutboxMessage()); }
                    public sealed class DirectKeeper(IArchive archive, INotifier notifier) : BackgroundService
                    {
                        protected override Task ExecuteAsync(CancellationToken stoppingToken) { archive.Keep(new Shop.Data.OutboxMessage()); notifier.Notify(); return Task.CompletedTask; }
                    }
                    public sealed class Sweeper(Janitor janitor) : BackgroundService
                    {
                        protected override Task ExecuteAsync(CancellationToken stoppingToken) { janitor.Sweep(); return Task.CompletedTask; }
                    }
                }
                """,
        };
        var md = GeneratorHarness.Run(code).Markdown!;
        var direct = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.DirectKeeper`", StringComparison.Ordinal));
        Assert.Contains("creates `Shop.Data.OutboxMessage` with `Add` through `Archive.Keep` [Jobs/Services.cs:17](Jobs/Services.cs#L17)", direct);
        Assert.DoesNotContain("Notifier", direct); // two implementations: which one runs is not known here
        var sweeper = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.Sweeper`", StringComparison.Ordinal));
        Assert.Contains("creates `Shop.Data.OutboxMessage` with `Add` through `Janitor.Sweep → Archive.Keep` [Jobs/Services.cs:21](Jobs/Services.cs#L21)", sweeper);
    }

    [Fact]
    public void A_job_lists_what_it_reads_publishes_and_writes_in_the_order_of_its_code()
    {
        var md = GeneratorHarness.Run(Code).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.OutboxRelay`", StringComparison.Ordinal));
        Assert.Equal("| `Shop.Jobs.OutboxRelay` | BackgroundService |  | "
            + "reads `Shop.Data.OutboxMessage` with `ToList` through `OutboxRepository.Pending` [Jobs/OutboxRelay.cs:16](Jobs/OutboxRelay.cs#L16)<br>"
            // Once per pending message: the loop is named (the read on the loop's own line runs once).
            + "publishes `Shop.Jobs.OrderChanged` (MassTransit) (for each `message` in `outbox.Pending()`) [Jobs/OutboxRelay.cs:18](Jobs/OutboxRelay.cs#L18)<br>"
            + "updates `Shop.Data.OutboxMessage` with `Update` through `OutboxRepository.MarkSent` (for each `message` in `outbox.Pending()`) [Jobs/OutboxRelay.cs:19](Jobs/OutboxRelay.cs#L19) "
            + "| [Jobs/OutboxRelay.cs:12](Jobs/OutboxRelay.cs#L12) |", row);
    }

    [Fact]
    public void A_call_through_a_repository_interface_reaches_the_repository_that_implements_it()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Orders.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public interface IOrderRepository { Task<int> PurgeAsync(CancellationToken ct); }
                public class OrderRepository(ShopContext db) : IOrderRepository
                {
                    public Task<int> PurgeAsync(CancellationToken ct) => db.Orders.Where(o => o.Id < 0).ExecuteDeleteAsync(ct);
                }
                public sealed class Purger(IOrderRepository orders) : Microsoft.Extensions.Hosting.BackgroundService
                {
                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => orders.PurgeAsync(stoppingToken);
                }
            }
            """))).Markdown!;
        Assert.Contains("| `Shop.Data.Purger` | BackgroundService |  | deletes `Shop.Domain.Order` with `ExecuteDeleteAsync` through `OrderRepository.PurgeAsync` [Data/Orders.cs:", md);
    }

    [Fact]
    public void What_the_called_methods_call_is_listed_through_both_one_level_further_only()
    {
        var md = GeneratorHarness.Run(Sources.With(
            ("Data/Shop.cs", """
                using Microsoft.Extensions.Caching.Memory;
                namespace Shop.Data
                {
                    public class Order { public int Id { get; set; } }
                    public class ShopContext : DbContext
                    {
                        public DbSet<Order> Orders => Set<Order>();
                        protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                    }
                    public class OrderReader(ShopContext db)
                    {
                        public System.Collections.Generic.List<Order> Open() => db.Orders.ToList();
                        public int Deep() => new Archive(db).Count();
                    }
                    public class Archive(ShopContext db) { public int Count() => db.Orders.Count(); }
                    public class Directory(Microsoft.Extensions.Caching.Memory.IMemoryCache cache, OrderReader reader)
                    {
                        public System.Collections.Generic.List<Order>? Orders() => cache.GetOrCreate("orders", _ => reader.Open());
                        public int Nested() => reader.Deep();
                        public void Back(Shop.Jobs.Sweeper sweeper) => sweeper.Report();
                    }
                }
                """),
            ("Jobs/Sweeper.cs", """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;
                namespace Shop.Jobs
                {
                    public sealed class Sweeper(Shop.Data.Directory directory, Shop.Data.ShopContext db) : BackgroundService
                    {
                        protected override Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            var orders = directory.Orders();
                            var count = directory.Nested();
                            directory.Back(this);
                            return Task.CompletedTask;
                        }
                        public void Report() => db.Orders.Add(new Shop.Data.Order());
                    }
                }
                """))).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.Sweeper` |", StringComparison.Ordinal));
        // The read in the OrderReader.Open that Directory.Orders' cache factory calls, at the job's own call site: it runs
        // only on a cache miss; the cache use itself is Directory.Orders' own.
        Assert.Contains("| uses the cache IMemoryCache key `orders` (GetOrCreate) through `Directory.Orders` [Jobs/Sweeper.cs:15](Jobs/Sweeper.cs#L15)<br>"
            + "reads `Shop.Data.Order` with `ToList` through `Directory.Orders → OrderReader.Open` (on a cache miss) [Jobs/Sweeper.cs:15](Jobs/Sweeper.cs#L15)<br>", row);
        // Two levels only: Archive.Count, three calls away, is not followed; the job's own Report, reached back, is its own fact.
        Assert.DoesNotContain("Archive.Count", row);
        Assert.DoesNotContain("→ Sweeper.Report", row);
    }

    [Fact]
    public void Calls_inside_a_cache_aside_factory_are_marked_as_running_on_a_cache_miss_and_nothing_else_is()
    {
        var output = GeneratorHarness.Run(Sources.With(
            ("Data/Shop.cs", """
                using System.Threading.Tasks;
                namespace Shop.Data
                {
                    public class Order { public int Id { get; set; } }
                    public class ShopContext : DbContext
                    {
                        public DbSet<Order> Orders => Set<Order>();
                        protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                    }
                    public class OrderReader(ShopContext db)
                    {
                        public Task<List<Order>> OpenAsync() => db.Orders.ToListAsync();
                        public int Count() => db.Orders.Count();
                        public Order? First() => db.Orders.FirstOrDefault();
                        public Order? Last() => db.Orders.OrderBy(o => o.Id).LastOrDefault();
                        public Task<List<Order>?> CachedAsync(Microsoft.Extensions.Caching.Memory.IMemoryCache cache) =>
                            Microsoft.Extensions.Caching.Memory.CacheExtensions.GetOrCreateAsync(cache, "cached", entry =>
                            {
                                return db.Orders.Where(o => o.Id > 2).ToListAsync();
                            });
                    }
                    // Not a cache: its GetOrCreate's lambda runs whatever happens.
                    public class Memo { public T GetOrCreate<T>(string key, System.Func<string, T> factory) => factory(key); }
                }
                """),
            ("Jobs/Warmer.cs", """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Caching.Memory;
                using Microsoft.Extensions.Caching.Hybrid;
                using ZiggyCreatures.Caching.Fusion;
                namespace Shop.Jobs
                {
                    public sealed class Warmer(IMemoryCache cache, HybridCache hybrid, IFusionCache fusion, Shop.Data.Memo memo, Shop.Data.OrderReader reader, Shop.Data.ShopContext db) : Microsoft.Extensions.Hosting.BackgroundService
                    {
                        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            var open = await cache.GetOrCreateAsync("orders", entry =>
                            {
                                entry.SlidingExpiration = System.TimeSpan.FromMinutes(1);
                                return reader.OpenAsync();
                            });
                            var count = cache.GetOrCreate("count", _ => 0) + reader.Count();
                            var first = await hybrid.GetOrCreateAsync("first", async ct => await Task.FromResult(reader.First()), cancellationToken: stoppingToken);
                            var last = await fusion.GetOrSetAsync<Shop.Data.Order?>("last", (ctx, ct) => Task.FromResult(reader.Last()), options => options.SetDuration(System.TimeSpan.FromMinutes(reader.Count())));
                            var memoised = memo.GetOrCreate("count", _ => reader.Count());
                            var direct = await cache.GetOrCreateAsync("direct", entry =>
                            {
                                return db.Orders.Where(o => o.Id > 1).ToListAsync();
                            });
                            var inline = await cache.GetOrCreateAsync("inline", entry => db.Orders.Where(o => o.Id > 3).ToListAsync());
                            var cached = await reader.CachedAsync(cache);
                            // An eviction callback registered in the factory runs when the entry is evicted, not on the miss.
                            var evicting = await cache.GetOrCreateAsync("evicting", entry =>
                            {
                                entry.RegisterPostEvictionCallback((key, value, reason, state) => reader.Last());
                                return reader.OpenAsync();
                            });
                        }
                    }
                }
                """)));
        var md = output.Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.Warmer` |", StringComparison.Ordinal));
        Assert.Contains("reads `Shop.Data.Order` with `ToListAsync` through `OrderReader.OpenAsync` (on a cache miss) [Jobs/Warmer.cs:20](Jobs/Warmer.cs#L20)", row);
        // What an eviction callback calls runs at eviction, at no step of the job (section 1.4 lists the callback).
        Assert.DoesNotContain("[Jobs/Warmer.cs:35](Jobs/Warmer.cs#L35)", row.Replace("uses the cache IMemoryCache key `evicting` (RegisterPostEvictionCallback) (on a cache miss) [Jobs/Warmer.cs:35](Jobs/Warmer.cs#L35)", ""));
        Assert.Contains("reads `Shop.Data.Order` with `ToListAsync` through `OrderReader.OpenAsync` (on a cache miss) [Jobs/Warmer.cs:36](Jobs/Warmer.cs#L36)", row);
        // After the cache call on the same line, not inside its factory: runs every time.
        Assert.Contains("reads `Shop.Data.Order` with `Count` through `OrderReader.Count` [Jobs/Warmer.cs:22](Jobs/Warmer.cs#L22)", row);
        Assert.Contains("reads `Shop.Data.Order` with `FirstOrDefault` through `OrderReader.First` (on a cache miss) [Jobs/Warmer.cs:23](Jobs/Warmer.cs#L23)", row);
        Assert.Contains("reads `Shop.Data.Order` with `LastOrDefault` through `OrderReader.Last` (on a cache miss) [Jobs/Warmer.cs:24](Jobs/Warmer.cs#L24)", row);
        // FusionCache's options lambda is no factory (the Count in it runs on every call).
        Assert.Contains("through `OrderReader.Count` [Jobs/Warmer.cs:24](Jobs/Warmer.cs#L24)", row);
        // A look-alike GetOrCreate is no cache.
        Assert.Contains("reads `Shop.Data.Order` with `Count` through `OrderReader.Count` [Jobs/Warmer.cs:25](Jobs/Warmer.cs#L25)", row);
        // The job's own code and a called method's own code on lines of a factory; a factory sharing its line with the
        // cache call is not marked (its code is not told apart by line).
        Assert.Contains("reads `Shop.Data.Order` with `ToListAsync` (on a cache miss) [Jobs/Warmer.cs:28](Jobs/Warmer.cs#L28)", row);
        Assert.Contains("reads `Shop.Data.Order` with `ToListAsync` [Jobs/Warmer.cs:30](Jobs/Warmer.cs#L30)", row);
        Assert.Contains("reads `Shop.Data.Order` with `ToListAsync` through `OrderReader.CachedAsync` (on a cache miss) [Jobs/Warmer.cs:31](Jobs/Warmer.cs#L31)", row);
        Assert.Equal(7, row.Split("(on a cache miss)").Length - 1); // the "evicting" entry adds two: its factory registers the callback and reads on the miss
        Assert.Contains("\"onCacheMiss\": true", output.Json);
        Assert.Contains("\"onCacheMiss\": false", output.Json);
    }

    [Fact]
    public void Services_that_touch_no_data_and_look_alikes_are_not_listed()
    {
        var md = GeneratorHarness.Run(Code).Markdown!;
        Assert.DoesNotContain("Heartbeat", md);
        Assert.DoesNotContain("FakeRelay", md);
    }

    [Fact]
    public void A_step_under_a_condition_or_in_a_loop_says_so_and_the_services_own_loop_is_left_to_its_schedule()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class OutboxMessage { public int Id { get; set; } public bool Sent { get; set; } }
                public class ShopContext : DbContext
                {
                    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public class OutboxRepository(ShopContext db)
                {
                    public System.Collections.Generic.List<OutboxMessage> Pending() => db.Outbox.Where(m => !m.Sent).ToList();
                    public void MarkSent(OutboxMessage message) { message.Sent = true; db.Outbox.Update(message); db.SaveChanges(); }
                    public void Purge() => db.Outbox.Where(m => m.Sent).ExecuteDelete();
                }
            }
            """), ("Jobs/Relay.cs", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            namespace Shop.Jobs
            {
                public sealed class Relay(Shop.Data.OutboxRepository outbox) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                        while (await timer.WaitForNextTickAsync(stoppingToken))
                        {
                            var pending = outbox.Pending();
                            foreach (var message in pending)
                            {
                                if (message.Id > 0)
                                {
                                    outbox.MarkSent(message);
                                }
                            }
                            if (pending.Count > 0) outbox.Purge();
                        }
                    }
                }
            }
            """))).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.Relay`", StringComparison.Ordinal));
        // The timer's loop is the schedule ("ticks every 1 minute"), not a guard of each step.
        Assert.Contains("reads `Shop.Data.OutboxMessage` with `ToList` through `OutboxRepository.Pending` [Jobs/Relay.cs:19](Jobs/Relay.cs#L19)", row);
        Assert.Contains("updates `Shop.Data.OutboxMessage` with `Update` through `OutboxRepository.MarkSent` (if `message.Id > 0`, for each `message` in `pending`) [Jobs/Relay.cs:24](Jobs/Relay.cs#L24)", row);
        Assert.Contains("deletes `Shop.Data.OutboxMessage` with `ExecuteDelete` through `OutboxRepository.Purge` (if `pending.Count > 0`) [Jobs/Relay.cs:27](Jobs/Relay.cs#L27)", row);
        Assert.DoesNotContain("while `", row);
    }

    [Fact]
    public void A_step_after_an_early_exit_runs_under_the_negated_condition()
    {
        // Before, the steps after `if (...) continue;` were listed without a condition, as if they ran on every tick.
        var md = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class OutboxMessage { public int Id { get; set; } public bool Sent { get; set; } }
                public class ShopContext : DbContext
                {
                    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public class OutboxRepository(ShopContext db)
                {
                    public System.Collections.Generic.List<OutboxMessage> Pending() => db.Outbox.Where(m => !m.Sent).ToList();
                    public void MarkSent(OutboxMessage message) { message.Sent = true; db.Outbox.Update(message); db.SaveChanges(); }
                    public void Purge() => db.Outbox.Where(m => m.Sent).ExecuteDelete();
                }
            }
            """), ("Jobs/Relay.cs", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            namespace Shop.Jobs
            {
                public sealed class Relay(Shop.Data.OutboxRepository outbox) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                        while (await timer.WaitForNextTickAsync(stoppingToken))
                        {
                            var pending = outbox.Pending();
                            if (pending.Count == 0) continue;
                            foreach (var message in pending)
                            {
                                if (message.Id <= 0) continue;
                                outbox.MarkSent(message);
                            }
                            outbox.Purge();
                        }
                    }
                }
            }
            """))).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.Relay`", StringComparison.Ordinal));
        Assert.Contains("reads `Shop.Data.OutboxMessage` with `ToList` through `OutboxRepository.Pending` [Jobs/Relay.cs:19](Jobs/Relay.cs#L19)", row);
        Assert.Contains("updates `Shop.Data.OutboxMessage` with `Update` through `OutboxRepository.MarkSent` (if `not (message.Id <= 0)`, for each `message` in `pending`) [Jobs/Relay.cs:24](Jobs/Relay.cs#L24)", row);
        Assert.Contains("deletes `Shop.Data.OutboxMessage` with `ExecuteDelete` through `OutboxRepository.Purge` (if `pending.Count != 0`) [Jobs/Relay.cs:26](Jobs/Relay.cs#L26)", row);
    }
}
