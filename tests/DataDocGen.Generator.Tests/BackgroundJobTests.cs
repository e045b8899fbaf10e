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
    public void Services_that_touch_no_data_and_look_alikes_are_not_listed()
    {
        var md = GeneratorHarness.Run(Code).Markdown!;
        Assert.DoesNotContain("Heartbeat", md);
        Assert.DoesNotContain("FakeRelay", md);
    }
}
