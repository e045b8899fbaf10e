using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Distributed transactions: the data sources a TransactionScope's own body uses (each enlists; a second one can
/// promote the transaction to MSDTC), <c>TransactionManager.ImplicitDistributedTransactions</c>, and <c>EnlistTransaction</c>.</summary>
public class DistributedTransactionTests
{
    private const string Usings = """
        using System.Data;
        using System.Linq;
        using System.Threading.Tasks;
        using System.Transactions;
        using Dapper;
        using Microsoft.Data.SqlClient;
        using Shop.Domain;

        """;

    private const string Contexts = Usings + """
        namespace Shop.Services
        {
            public class OrdersContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
            public class BillingContext : DbContext { public DbSet<Customer> Customers => Set<Customer>(); }
            public interface IOrderRepository { Task Save(Order order); }
        }
        """;

    private static string[] Rows(string? json) =>
        Json.Parse(json!).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | "
                         + string.Join(", ", t.GetProperty("dataSources").EnumerateArray().Select(o => o.GetString())))
            .ToArray();

    [Fact]
    public void A_scope_that_saves_two_contexts_and_runs_dapper_lists_its_data_sources_and_says_what_a_second_connection_does()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Contexts.cs", Contexts), ("Services/Checkout.cs", Usings + """
            namespace Shop.Services
            {
                public class Checkout(OrdersContext orders, BillingContext billing, SqlConnection audit)
                {
                    public async Task Pay(Order order)
                    {
                        using var scope = new TransactionScope(TransactionScopeOption.Required, TransactionScopeAsyncFlowOption.Enabled);
                        orders.Orders.Add(order);
                        await orders.SaveChangesAsync();
                        var known = await billing.Customers.Where(c => c.Id == order.CustomerId).AnyAsync();
                        await orders.SaveChangesAsync(); // the same context again: one source
                        await audit.ExecuteAsync("INSERT INTO Audit (OrderId) VALUES (@id)", new { id = order.Id });
                        scope.Complete();
                    }
                }
            }
            """)));

        Assert.Equal(["Checkout.Pay | TransactionScope | `OrdersContext` (EF Core), `BillingContext` (EF Core), `audit` (SqlConnection)"], Rows(output.Json));
        Assert.Contains("data sources used directly inside: `OrdersContext` (EF Core), `BillingContext` (EF Core), `audit` (SqlConnection) (see below)", output.Markdown);
        Assert.Contains("**Distributed transactions.** A `TransactionScope` is ambient", output.Markdown);
        Assert.Contains("Scopes that use two or more data sources in their own body: `Checkout.Pay` [Services/Checkout.cs:", output.Markdown);
        Assert.Contains("This project's code does not set it.", output.Markdown);
    }

    [Fact]
    public void One_data_source_says_nothing_of_distributed_transactions()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Contexts.cs", Contexts), ("Services/Checkout.cs", Usings + """
            namespace Shop.Services
            {
                public class Checkout(OrdersContext orders, BillingContext billing, IOrderRepository repository)
                {
                    public void Pay(Order order)
                    {
                        using (var scope = new TransactionScope())
                        {
                            orders.Orders.Add(order);
                            orders.SaveChanges();
                            var count = orders.Set<Order>().Count();
                            // In memory, no connection: the billing context is no data source here.
                            var local = billing.Customers.Local.Any() || billing.ChangeTracker.Entries().Any();
                            repository.Save(order); // not followed: no source of its own
                            scope.Complete();
                        }
                    }
                }
            }
            """)));

        Assert.Equal(["Checkout.Pay | TransactionScope | `OrdersContext` (EF Core)"], Rows(output.Json));
        Assert.DoesNotContain("Distributed transactions", output.Markdown);
        Assert.DoesNotContain("data sources used directly inside", output.Markdown);
    }

    [Fact]
    public void Scopes_whose_connections_do_not_enlist_or_cannot_be_told_list_no_data_sources()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Contexts.cs", Contexts), ("Services/Checkout.cs", Usings + """
            namespace Shop.Services
            {
                public class Checkout(OrdersContext orders, BillingContext billing, TransactionScopeOption option)
                {
                    // Suppress: no transaction at all.
                    public void Suppressed()
                    {
                        using var scope = new TransactionScope(TransactionScopeOption.Suppress);
                        orders.SaveChanges();
                        billing.SaveChanges();
                    }

                    // An option DataDocGen cannot read.
                    public void Unknown()
                    {
                        using var scope = new TransactionScope(option);
                        orders.SaveChanges();
                        billing.SaveChanges();
                    }

                    // No async flow: after the first await the continuation has no ambient transaction.
                    public async Task NoFlow()
                    {
                        using var scope = new TransactionScope();
                        await orders.SaveChangesAsync();
                        await billing.SaveChangesAsync();
                        scope.Complete();
                    }

                    // A nested scope: its connections enlist in its own transaction (or none).
                    public void Nested()
                    {
                        using (var outer = new TransactionScope())
                        {
                            orders.SaveChanges();
                            using (var inner = new TransactionScope(TransactionScopeOption.RequiresNew))
                            {
                                billing.SaveChanges();
                                inner.Complete();
                            }
                            outer.Complete();
                        }
                    }
                }

                // Look-alikes: a SaveChanges that is no DbContext's, an Open on no connection, and code in comments.
                public class Notebook { public void SaveChanges() { } public void Open() { } }
                public class Pages(Notebook notebook, Notebook other)
                {
                    public void Write()
                    {
                        using var scope = new TransactionScope();
                        notebook.SaveChanges();
                        other.Open();
                        // orders.SaveChanges(); billing.SaveChanges();
                        scope.Complete();
                    }
                }
            }
            """)));

        Assert.Equal(
        [
            "Checkout.Suppressed | TransactionScope | ",
            "Checkout.Unknown | TransactionScope | ",
            "Checkout.NoFlow | TransactionScope | ",
            "Checkout.Nested | TransactionScope | ",
            "Checkout.Nested | TransactionScope | `BillingContext` (EF Core)",
            "Pages.Write | TransactionScope | ",
        ], Rows(output.Json));
        Assert.DoesNotContain("Distributed transactions", output.Markdown);
    }

    [Fact]
    public void The_distributed_transactions_switch_and_enlist_calls_are_listed_and_a_look_alike_is_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Contexts.cs", Contexts), ("Services/Setup.cs", Usings + """
            namespace Shop.Services
            {
                public static class Setup
                {
                    public static void Configure(bool onWindows)
                    {
                        if (onWindows) System.Transactions.TransactionManager.ImplicitDistributedTransactions = true;
                        Fake.TransactionManager.ImplicitDistributedTransactions = true;
                    }
                }

                public class Ledger(OrdersContext orders, SqlConnection connection)
                {
                    public void Join(CommittableTransaction transaction)
                    {
                        connection.EnlistTransaction(transaction);
                        orders.Database.EnlistTransaction(transaction);
                    }
                }
            }
            namespace Fake
            {
                public static class TransactionManager { public static bool ImplicitDistributedTransactions { get; set; } }
            }
            """)));

        var rows = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | " + t.GetProperty("call").GetString() + " | " + t.GetProperty("condition").GetString())
            .ToArray();
        Assert.Equal(
        [
            "Setup.Configure | distributed transactions switch | TransactionManager.ImplicitDistributedTransactions = true | onWindows",
            "Ledger.Join | ADO.NET joins a System.Transactions transaction | EnlistTransaction(transaction) | ",
            "Ledger.Join | EF Core joins a System.Transactions transaction | EnlistTransaction(transaction) | ",
        ], rows);
        Assert.Contains("The switch is set at `TransactionManager.ImplicitDistributedTransactions = true` [Services/Setup.cs:", output.Markdown);
    }

    /// <summary>Every guard is said, outermost first, and an early exit after a mid-block declaration guards what follows
    /// it: saying only the nearest read as if the outer ones did not matter, and a return before the save was not said.</summary>
    [Fact]
    public void Operations_say_every_guard_and_the_early_exits_after_the_transaction_begins()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Contexts.cs", Contexts), ("Services/Checkout.cs", Usings + """
            namespace Shop.Services
            {
                public class Checkout(OrdersContext orders, SqlConnection connection, bool strict)
                {
                    public void Pay(int id, bool paid)
                    {
                        if (!strict) return; // before the transaction: its own condition, not its operations'
                        using var scope = new TransactionScope();
                        var order = orders.Orders.Find(id);
                        if (order is null) return;
                        if (paid)
                        {
                            try { orders.SaveChanges(); }
                            catch (DbUpdateException) { if (order.Id > 0) connection.Execute("DELETE FROM Locks WHERE Id = @id", new { id }); }
                        }
                        scope.Complete();
                    }
                }
            }
            """)));

        var transaction = Json.Parse(output.Json!).GetProperty("transactions").EnumerateArray().Single();
        Assert.Equal("strict", transaction.GetProperty("condition").GetString());
        Assert.Equal(
        [
            "SaveChanges (if `order is not null` and if `paid`)",
            "Dapper Execute DELETE Locks (if `order is not null` and if `paid` and on `DbUpdateException` and if `order.Id > 0`)",
            "Complete (if `order is not null`)",
        ], transaction.GetProperty("operations").EnumerateArray().Select(o => o.GetString()!).ToArray());
    }

    /// <summary>A background service's steps: a boundary "opens a transaction", a join "joins" one, the switch is "set".</summary>
    [Fact]
    public void A_job_step_joins_or_sets_rather_than_opens_where_the_row_is_no_boundary()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Contexts.cs", Contexts), ("Jobs/Ledger.cs", Usings + """
            using System.Threading;
            using Microsoft.Extensions.Hosting;
            namespace Shop.Jobs
            {
                public sealed class LedgerJob(Shop.Services.OrdersContext orders, SqlConnection connection) : BackgroundService
                {
                    protected override Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        TransactionManager.ImplicitDistributedTransactions = false;
                        connection.Open();
                        using var transaction = connection.BeginTransaction();
                        orders.Database.UseTransaction(transaction);
                        orders.SaveChanges();
                        transaction.Commit();
                        return Task.CompletedTask;
                    }
                }
            }
            """)));

        Assert.Contains("sets `TransactionManager.ImplicitDistributedTransactions = false`", output.Markdown);
        Assert.Contains("opens a transaction (ADO.NET transaction)", output.Markdown);
        Assert.Contains("joins an existing transaction (EF Core)", output.Markdown);
        Assert.DoesNotContain("opens a transaction (EF Core joins", output.Markdown);
        // The switch set to false, with no scope over two sources: the note still says where it is set.
        Assert.Contains("The switch is set at `TransactionManager.ImplicitDistributedTransactions = false`", output.Markdown);
    }

    /// <summary>Microsoft.Data.Sqlite has no System.Transactions support: a SQLite context or connection never enlists, so
    /// a scope over the shop's database and a SQLite one is no distributed transaction.</summary>
    [Fact]
    public void SQLite_contexts_and_connections_are_not_counted()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Contexts.cs", Contexts), ("Services/Audit.cs", Usings + """
            namespace Shop.Services
            {
                public class AuditContext : DbContext
                {
                    public DbSet<Customer> Seen => Set<Customer>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlite("Data Source=audit.db");
                }
                public class Checkout(OrdersContext orders, AuditContext audit, Microsoft.Data.Sqlite.SqliteConnection local)
                {
                    public void Pay(Order order)
                    {
                        using var scope = new TransactionScope();
                        orders.SaveChanges();
                        audit.SaveChanges();
                        local.Open();
                        scope.Complete();
                    }
                }
            }
            """)));

        Assert.Equal(["Checkout.Pay | TransactionScope | `OrdersContext` (EF Core)"], Rows(output.Json));
        Assert.DoesNotContain("Distributed transactions", output.Markdown);
    }
}
