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

    [Fact]
    public void A_job_lists_what_it_reads_publishes_and_writes_in_the_order_of_its_code()
    {
        var md = GeneratorHarness.Run(Code).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.OutboxRelay`", StringComparison.Ordinal));
        Assert.Equal("| `Shop.Jobs.OutboxRelay` | BackgroundService |  | "
            + "reads `Shop.Data.OutboxMessage` with `ToList` through `OutboxRepository.Pending` [Jobs/OutboxRelay.cs:16](Jobs/OutboxRelay.cs#L16)<br>"
            + "publishes `Shop.Jobs.OrderChanged` (MassTransit) [Jobs/OutboxRelay.cs:18](Jobs/OutboxRelay.cs#L18)<br>"
            + "updates `Shop.Data.OutboxMessage` with `Update` through `OutboxRepository.MarkSent` [Jobs/OutboxRelay.cs:19](Jobs/OutboxRelay.cs#L19) "
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
        // The read in the OrderReader.Open that Directory.Orders' cache factory calls, at the job's own call site.
        Assert.Contains("| reads `Shop.Data.Order` with `ToList` through `Directory.Orders → OrderReader.Open` [Jobs/Sweeper.cs:15](Jobs/Sweeper.cs#L15)<br>", row);
        // Two levels only: Archive.Count, three calls away, is not followed; the job's own Report, reached back, is its own fact.
        Assert.DoesNotContain("Archive.Count", row);
        Assert.DoesNotContain("→ Sweeper.Report", row);
    }

    [Fact]
    public void Services_that_touch_no_data_and_look_alikes_are_not_listed()
    {
        var md = GeneratorHarness.Run(Code).Markdown!;
        Assert.DoesNotContain("Heartbeat", md);
        Assert.DoesNotContain("FakeRelay", md);
    }
}
