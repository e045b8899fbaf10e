using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.4: database calls made in a loop body through Dapper, ADO.NET commands, StackExchange.Redis,
/// MongoDB and LiteDB, directly or through one project method, against the real packages; batches, timer loops,
/// lambdas, brokers and look-alike methods are not reported.</summary>
public class LoopRoundTripTests
{
    private const string Direct = """
        using System.Data;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;
        using MongoDB.Driver;
        using LiteDB;
        using StackExchange.Redis;
        namespace Stock
        {
            public class Item { public string Sku { get; set; } = ""; public int Quantity { get; set; } }
            public class Loops(IDbConnection connection, IDatabase redis, IMongoCollection<Item> items, ILiteCollection<Item> local, SqlConnection sql)
            {
                public async Task Run(IReadOnlyList<Item> counts)
                {
                    foreach (var count in counts)
                    {
                        await connection.ExecuteAsync("UPDATE dbo.Stock SET Quantity = @Quantity WHERE Sku = @Sku", new { count.Sku, count.Quantity });
                    }
                    for (var i = 0; i < counts.Count; i++)
                    {
                        var row = connection.QueryFirstOrDefault<Item>("SELECT Sku, Quantity FROM dbo.Stock WHERE Sku = @sku", new { sku = counts[i].Sku });
                        if (row is null) await redis.StringGetAsync("stock:" + i);
                    }
                    foreach (var count in counts)
                    {
                        using var command = new SqlCommand("INSERT INTO dbo.Audit (Sku) VALUES (@sku)", sql);
                        command.ExecuteNonQuery();
                        using var other = sql.CreateCommand();
                        other.CommandText = ProcedureName();
                        other.ExecuteScalar();
                    }
                    foreach (var count in counts)
                    {
                        await redis.HashSetAsync("stock", count.Sku, count.Quantity);
                        await items.UpdateOneAsync(x => x.Sku == count.Sku, Builders<Item>.Update.Set(x => x.Quantity, count.Quantity));
                        var found = await items.Find(x => x.Sku == count.Sku).FirstOrDefaultAsync();
                        local.DeleteMany(x => x.Sku == count.Sku);
                    }
                    foreach (var table in new[] { "dbo.A", "dbo.B" })
                    {
                        connection.Execute("DELETE FROM dbo.Stock WHERE Quantity < 0");
                    }
                    foreach (var count in counts)
                    {
                        connection.Execute("UPDATE dbo.Stock SET Quantity = 0 WHERE Sku = @Sku", new Dictionary<string, object> { ["Sku"] = count.Sku });
                    }
                    // A loop inside a lambda is still a loop: the lambda is not, but its loop runs a call per item.
                    await Task.Run(async () =>
                    {
                        foreach (var count in counts) await connection.ExecuteAsync("DELETE FROM dbo.Reserved WHERE Sku = @Sku", count);
                    });
                }

                private static string ProcedureName() => "dbo.Refresh";
            }
        }
        """;

    [Fact]
    public void A_database_call_in_a_loop_body_is_a_query_a_write_or_a_call_per_item_by_what_it_does()
    {
        var output = GeneratorHarness.Run(Sources.With(("Stock/Loops.cs", Direct)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = Rows(output.Markdown!);
        Assert.Contains("| `Loops.Run` | Write inside a loop (a round trip per item) |  | `Dapper ExecuteAsync UPDATE dbo.Stock in the loop at line 21` | [Stock/Loops.cs:23](Stock/Loops.cs#L23) |", rows);
        Assert.Contains("| `Loops.Run` | Query inside a loop (N+1 risk) |  | `Dapper QueryFirstOrDefault SELECT dbo.Stock in the loop at line 25` | [Stock/Loops.cs:27](Stock/Loops.cs#L27) |", rows);
        // Under a condition in the loop: said so.
        Assert.Contains("| `Loops.Run` | Query inside a loop (N+1 risk) |  | `Redis StringGetAsync in the loop at line 25`, when `row is null` | [Stock/Loops.cs:28](Stock/Loops.cs#L28) |", rows);
        // ADO.NET: the command's SQL when the local's text is known; otherwise a database call, read or write not known.
        Assert.Contains("| `Loops.Run` | Write inside a loop (a round trip per item) |  | `ADO.NET SqlCommand.ExecuteNonQuery INSERT dbo.Audit in the loop at line 30` | [Stock/Loops.cs:33](Stock/Loops.cs#L33) |", rows);
        Assert.Contains("| `Loops.Run` | Database call inside a loop (a round trip per item) |  | `ADO.NET SqlCommand.ExecuteScalar in the loop at line 30` | [Stock/Loops.cs:36](Stock/Loops.cs#L36) |", rows);
        Assert.Contains("| `Loops.Run` | Write inside a loop (a round trip per item) |  | `Redis HashSetAsync in the loop at line 38` | [Stock/Loops.cs:40](Stock/Loops.cs#L40) |", rows);
        Assert.Contains("| `Loops.Run` | Write inside a loop (a round trip per item) | `Stock.Item` | `MongoDB UpdateOneAsync in the loop at line 38` | [Stock/Loops.cs:41](Stock/Loops.cs#L41) |", rows);
        Assert.Contains("| `Loops.Run` | Query inside a loop (N+1 risk) | `Stock.Item` | `MongoDB Find in the loop at line 38` | [Stock/Loops.cs:42](Stock/Loops.cs#L42) |", rows);
        Assert.Contains("| `Loops.Run` | Write inside a loop (a database call per item, in process) | `Stock.Item` | `LiteDB DeleteMany in the loop at line 38` | [Stock/Loops.cs:43](Stock/Loops.cs#L43) |", rows);
        // A loop over a small constant array is still a loop: its size is not guessed.
        Assert.Contains("| `Loops.Run` | Write inside a loop (a round trip per item) |  | `Dapper Execute DELETE dbo.Stock in the loop at line 45` | [Stock/Loops.cs:47](Stock/Loops.cs#L47) |", rows);
        Assert.Contains("| `Loops.Run` | Write inside a loop (a round trip per item) |  | `Dapper ExecuteAsync DELETE dbo.Reserved in the loop at line 56` | [Stock/Loops.cs:56](Stock/Loops.cs#L56) |", rows);
        // A dictionary of parameter names and values is one set of parameters, not a batch (as Dapper reads it).
        Assert.Contains("| `Loops.Run` | Write inside a loop (a round trip per item) |  | `Dapper Execute UPDATE dbo.Stock in the loop at line 49` | [Stock/Loops.cs:51](Stock/Loops.cs#L51) |", rows);
        Assert.Equal(12, rows.Count);
        Assert.Contains("\"kind\": \"Write inside a loop (a round trip per item)\"", output.Json);
    }

    private const string Through = """
        using System.Data;
        using System.Threading.Tasks;
        using Dapper;
        using StackExchange.Redis;
        namespace Stock
        {
            public interface IStockRepository { Task SetQuantityAsync(string sku, int quantity); Task<int> CountAsync(string sku); }
            public sealed class StockRepository(IDbConnection connection) : IStockRepository
            {
                public Task SetQuantityAsync(string sku, int quantity) =>
                    connection.ExecuteAsync("UPDATE dbo.Stock SET Quantity = @quantity WHERE Sku = @sku", new { sku, quantity });
                public async Task<int> CountAsync(string sku)
                {
                    if (sku.Length == 0) return 0;
                    var exists = sku.Length > 3 && await connection.ExecuteScalarAsync<bool>("SELECT 1 FROM dbo.Stock WHERE Sku = @sku", new { sku });
                    return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM dbo.Stock WHERE Sku = @sku", new { sku });
                }
            }
            public interface IPriceStore { Task SetAsync(string sku, decimal price); }
            public sealed class SqlPriceStore(IDbConnection connection) : IPriceStore
            {
                public Task SetAsync(string sku, decimal price) => connection.ExecuteAsync("UPDATE dbo.Prices SET Price = @price WHERE Sku = @sku", new { sku, price });
            }
            public sealed class CachedPriceStore(IDatabase redis) : IPriceStore
            {
                public Task SetAsync(string sku, decimal price) => redis.StringSetAsync("price:" + sku, (double)price);
            }
            public sealed class StockCache(IDatabase redis)
            {
                public Task PublishAsync(string sku, int available) => redis.StringSetAsync("stock:" + sku, available);
            }
            public sealed class Sync(IStockRepository stock, StockCache cache, IPriceStore prices)
            {
                public async Task Run(IReadOnlyList<(string Sku, int OnHand)> counts)
                {
                    foreach (var count in counts)
                    {
                        await stock.SetQuantityAsync(count.Sku, count.OnHand);
                        await cache.PublishAsync(count.Sku, count.OnHand);
                        await stock.CountAsync(count.Sku);
                        await prices.SetAsync(count.Sku, 1m);
                    }
                }
            }
        }
        """;

    [Fact]
    public void A_project_method_called_in_a_loop_is_followed_one_level_and_an_interface_only_to_its_sole_implementation()
    {
        var rows = Rows(GeneratorHarness.Run(Sources.With(("Stock/Sync.cs", Through))).Markdown!);
        Assert.Contains("| `Sync.Run` | Write inside a loop (a round trip per item) |  | `Dapper ExecuteAsync UPDATE dbo.Stock through IStockRepository.SetQuantityAsync (its sole implementation in this project: StockRepository.SetQuantityAsync) in the loop at line 41` | [Stock/Sync.cs:43](Stock/Sync.cs#L43) |", rows);
        Assert.Contains("| `Sync.Run` | Write inside a loop (a round trip per item) |  | `Redis StringSetAsync through StockCache.PublishAsync in the loop at line 41` | [Stock/Sync.cs:44](Stock/Sync.cs#L44) |", rows);
        // CountAsync's queries run only when its conditions let them (after an early return, or right of an &&: not on
        // the straight path); IPriceStore has two implementations, so which one runs is not known here.
        Assert.Equal(2, rows.Count);
    }

    private const string Traps = """
        using System.Data;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using Dapper;
        using LiteDB;
        using MongoDB.Driver;
        using StackExchange.Redis;
        namespace Stock
        {
            public class Item { public string Sku { get; set; } = ""; public int Quantity { get; set; } }
            public class Fake
            {
                public int Execute(string sql, object param) => 0;
                public int ExecuteNonQuery() => 0;
                public Task StringSetAsync(string key, string value) => Task.CompletedTask;
                public void InsertOne(Item item) { }
            }
            public class Traps(IDbConnection connection, IDatabase redis, IMongoCollection<Item> items, ILiteCollection<Item> local, Fake fake, IProducer<string, string> producer)
            {
                public async Task Run(List<Item> counts, CancellationToken token)
                {
                    foreach (var count in counts)
                    {
                        fake.Execute("UPDATE dbo.Stock SET Quantity = 1", count);
                        fake.ExecuteNonQuery();
                        await fake.StringSetAsync("k", "v");
                        fake.InsertOne(count);
                        // connection.Execute("DELETE FROM dbo.Stock");
                        await producer.ProduceAsync("stock", new Message<string, string> { Key = count.Sku, Value = "1" });
                        connection.Execute("UPDATE dbo.Stock SET Quantity = @Quantity WHERE Sku = @Sku", counts);
                        await items.InsertManyAsync(counts);
                        local.Insert(counts);
                        local.InsertBulk(counts);
                        var lazy = items.Find(x => x.Sku == count.Sku);
                        Func<Task> later = () => connection.ExecuteAsync("DELETE FROM dbo.Stock WHERE Sku = @Sku", count);
                    }
                    var batch = redis.CreateBatch();
                    foreach (var count in counts) _ = batch.StringSetAsync("stock:" + count.Sku, count.Quantity);
                    batch.Execute();
                    await connection.ExecuteAsync("UPDATE dbo.Stock SET Quantity = 0");
                    counts.ForEach(c => connection.Execute("DELETE FROM dbo.Stock WHERE Sku = @Sku", c));
                    Task.Run(() => connection.Execute("DELETE FROM dbo.Stock"));
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                    while (await timer.WaitForNextTickAsync(token)) await connection.ExecuteAsync("DELETE FROM dbo.Expired");
                    while (!token.IsCancellationRequested)
                    {
                        await redis.KeyDeleteAsync("stale");
                        await Task.Delay(1000, token);
                    }
                    // Retries: one call repeated until it works, not a call per item.
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { connection.Execute("UPDATE dbo.Stock SET Quantity = 0"); break; }
                        catch (DataException) { }
                    }
                    while (true)
                    {
                        if (await connection.ExecuteAsync("DELETE FROM dbo.Locks WHERE Expired = 1") > 0) return;
                    }
                }
            }
        }
        """;

    [Fact]
    public void Look_alikes_batches_lambdas_timer_and_retry_loops_brokers_and_calls_outside_loops_are_not_reported()
    {
        var output = GeneratorHarness.Run(Sources.With(("Stock/Traps.cs", Traps)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Empty(Rows(output.Markdown!));
    }

    [Fact]
    public void DDG1001_fires_for_reads_written_in_the_loop_only_not_for_writes_calls_of_unknown_effect_or_calls_through_project_methods()
    {
        var diagnostics = AnalyzerHarness.Run(Sources.With(("Stock/Loops.cs", Direct), ("Stock/Sync.cs", Through.Replace("namespace Stock", "namespace Stock.Through"))))
            .Where(d => d.Id == "DDG1001").ToList();
        var found = diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1 + ":" + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(new[]
        {
            "27:'QueryFirstOrDefault' runs a database query on every iteration of the loop at line 25 (N+1 risk)",
            "28:'StringGetAsync' runs a database query on every iteration of the loop at line 25 (N+1 risk)",
            "42:'Find' runs a database query on every iteration of the loop at line 38 (N+1 risk)",
        }, found.OrderBy(f => f, StringComparer.Ordinal));
    }

    private const string Saves = """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public void Touch(IEnumerable<Order> orders) { foreach (var order in orders) { order.CustomerId++; SaveChanges(); } }
            }
            public interface IUnitOfWork { Task<bool> CommitAsync(); }
            public sealed class UnitOfWork(ShopContext context) : IUnitOfWork
            {
                public async Task<bool> CommitAsync() => await context.SaveChangesAsync() > 0;
            }
            public sealed class Journal { public int SaveChanges() => 0; }

            public sealed class Invoices(ShopContext db, IUnitOfWork unitOfWork, Journal journal)
            {
                public async Task Expire(CancellationToken token)
                {
                    foreach (var order in await db.Orders.Where(o => o.CustomerId == 0).ToListAsync(token))
                    {
                        order.CustomerId = -1;
                        await db.SaveChangesAsync(token);
                    }
                    for (var i = 0; i < 10; i++)
                    {
                        db.Orders.Add(new Order());
                        await unitOfWork.CommitAsync();
                    }
                }

                // Traps: a batch saved every 100 items, a retry loop, a save after the loop, a save in a lambda, a
                // look-alike SaveChanges, a commit under a condition.
                public async Task Quiet(List<Order> orders, CancellationToken token)
                {
                    var count = 0;
                    foreach (var order in orders)
                    {
                        db.Orders.Add(order);
                        if (++count % 100 == 0) await db.SaveChangesAsync(token);
                        if (order.Id == 0) await unitOfWork.CommitAsync();
                        journal.SaveChanges();
                        Func<Task> later = () => db.SaveChangesAsync(token);
                    }
                    await db.SaveChangesAsync(token);
                    while (true)
                    {
                        try { await db.SaveChangesAsync(token); break; }
                        catch (DbUpdateConcurrencyException) { }
                    }
                }
            }
        }
        """;

    /// <summary>EF Core's <c>SaveChanges[Async]</c> in a loop body is a write per iteration (BTCPay's services save inside
    /// the loop over a query), also through a project method (a unit of work's commit); not where a condition in the loop
    /// guards it (a batch), in a retry loop, in a lambda, nor a project's own <c>SaveChanges</c>.</summary>
    [Fact]
    public void An_EF_Core_save_in_a_loop_body_is_a_write_per_item_but_not_a_batch_or_a_retry()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Invoices.cs", Saves)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = Rows(output.Markdown!);
        Assert.Contains("| `Invoices.Expire` | Write inside a loop (a round trip per item) |  | `EF Core SaveChangesAsync in the loop at line 28` | [Data/Invoices.cs:31](Data/Invoices.cs#L31) |", rows);
        Assert.Contains("| `Invoices.Expire` | Write inside a loop (a round trip per item) |  | `EF Core SaveChangesAsync through IUnitOfWork.CommitAsync (its sole implementation in this project: UnitOfWork.CommitAsync) in the loop at line 33` | [Data/Invoices.cs:36](Data/Invoices.cs#L36) |", rows);
        // Bare in the context's own code.
        Assert.Contains("| `ShopContext.Touch` | Write inside a loop (a round trip per item) |  | `EF Core SaveChanges in the loop at line 15` | [Data/Invoices.cs:15](Data/Invoices.cs#L15) |", rows);
        Assert.Equal(3, rows.Count);
        // A write: not DDG1001 (reads only).
        Assert.DoesNotContain(AnalyzerHarness.Run(Sources.With(("Data/Invoices.cs", Saves))), d => d.Id == "DDG1001");
    }

    private static List<string> Rows(string markdown) => markdown.Split('\n')
        .Where(l => l.Contains(" inside a loop (", StringComparison.Ordinal)).Select(l => l.TrimEnd('\r')).ToList();
}
