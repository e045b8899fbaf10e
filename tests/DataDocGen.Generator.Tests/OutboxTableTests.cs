using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 5.2: EF Core tables shaped like a hand-written outbox, labelled as found by column names, with the
/// background jobs that read them and publish.</summary>
public class OutboxTableTests
{
    private static readonly Dictionary<string, string> Code = Sources.With(
        ("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class OutboxMessage
                {
                    public Guid Id { get; set; }
                    public string Type { get; set; } = "";
                    public string Content { get; set; } = "";
                    public DateTime OccurredOnUtc { get; set; }
                    public DateTime? ProcessedOnUtc { get; set; }
                }
                public class IntegrationLog { public int Id { get; set; } public string Type { get; set; } = ""; public string Content { get; set; } = ""; }
                public class ShopContext : DbContext
                {
                    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
                    public DbSet<IntegrationLog> Log => Set<IntegrationLog>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
            }
            """),
        ("Services/Checkout.cs", """
            namespace Shop.Services
            {
                public class Checkout(Shop.Data.ShopContext db)
                {
                    // The message is committed with the change it announces.
                    public void Place()
                    {
                        using var transaction = db.Database.BeginTransaction();
                        db.Log.Add(new Shop.Data.IntegrationLog { Type = "placed" });
                        db.Outbox.Add(new Shop.Data.OutboxMessage { Type = "OrderPlaced" });
                        db.SaveChanges();
                        transaction.Commit();
                    }

                    // Only the message: no other change in that transaction.
                    public void Resend()
                    {
                        using var transaction = db.Database.BeginTransaction();
                        db.Outbox.Add(new Shop.Data.OutboxMessage { Type = "OrderPlaced" });
                        db.SaveChanges();
                        transaction.Commit();
                    }
                }
            }
            """),
        ("Jobs/OutboxRelay.cs", """
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            namespace Shop.Jobs
            {
                public record OrderChanged(Guid Id);
                public sealed class OutboxRelay(Shop.Data.ShopContext db, MassTransit.IPublishEndpoint bus) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        foreach (var message in await db.Outbox.Where(m => m.ProcessedOnUtc == null).ToListAsync(stoppingToken))
                        {
                            await bus.Publish(new OrderChanged(message.Id), stoppingToken);
                            message.ProcessedOnUtc = DateTime.UtcNow;
                        }
                        await db.SaveChangesAsync(stoppingToken);
                    }
                }
            }
            """));

    [Fact]
    public void Tables_with_a_type_a_payload_and_a_processed_mark_are_listed_with_the_jobs_that_publish_them()
    {
        var output = GeneratorHarness.Run(Code);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("Tables shaped like a hand-written transactional outbox (**heuristic: by column names**", md);
        Assert.Contains("| `ShopContext` | `Outbox` | `Type` | `Content` | `ProcessedOnUtc` | `Checkout.Place` (EF Core transaction) [Services/Checkout.cs:13](Services/Checkout.cs#L13) | `Shop.Jobs.OutboxRelay` [Jobs/OutboxRelay.cs:13](Jobs/OutboxRelay.cs#L13) | [Data/ShopContext.cs:12](Data/ShopContext.cs#L12) |", md);
        // The relay marks each message processed on the entity it loaded: a tracked update saved by SaveChangesAsync.
        Assert.Contains("updates `Shop.Data.OutboxMessage` with `property set, saved by SaveChangesAsync`", md);
        // No processed mark: a log, not an outbox.
        Assert.DoesNotContain("| `ShopContext` | `Log` |", md);
        Assert.NotNull(output.Json);
        Assert.Contains("\"outboxTablesByColumnNames\": [", output.Json);
        Assert.Contains("\"publishers\": [\n        \"Shop.Jobs.OutboxRelay\"", output.Json.Replace("\r\n", "\n"));
        Assert.Contains("\"writtenInTransactions\": [\n        {\n          \"member\": \"Checkout.Place\"", output.Json.Replace("\r\n", "\n"));
        Assert.DoesNotContain("`Checkout.Resend` (EF Core transaction)", md);
    }
}
