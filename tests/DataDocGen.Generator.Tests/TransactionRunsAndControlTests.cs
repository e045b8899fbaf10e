using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>An execution strategy run more than once (one row per run) and EF Core's Database.CommitTransaction[Async]/
/// RollbackTransaction[Async] (the context's current transaction ended through its facade).</summary>
public class TransactionRunsAndControlTests
{
    private static string[] Rows(GeneratorOutput output) => Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
        .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | " + t.GetProperty("call").GetString() + " | "
                     + t.GetProperty("condition").GetString() + " | " + string.Join("; ", t.GetProperty("operations").EnumerateArray().Select(o => o.GetString()))
                     + " | " + t.GetProperty("location").GetString())
        .ToArray();

    [Fact]
    public void A_strategy_run_twice_is_one_row_per_run_each_with_its_own_operations()
    {
        // Ombi's OmbiContext.Seed: `var strat = Database.CreateExecutionStrategy(); strat.Execute(...); ... strat.Execute(...)`
        // was one row listing only the first lambda's operations.
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            using System.Linq;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class Runner { public void Execute(System.Action action) => action(); }
                public static class StrategyHelpers { public static void Execute(this Microsoft.EntityFrameworkCore.Storage.IExecutionStrategy strategy, string label, System.Action action) => action(); }
                public class ShopContext : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Customer> Customers => Set<Customer>();
                    public void Seed(bool needToSave)
                    {
                        var strat = Database.CreateExecutionStrategy();
                        strat.Execute(() =>
                        {
                            using (var tran = Database.BeginTransaction())
                            {
                                Customers.Add(new Customer());
                                SaveChanges();
                                tran.Commit();
                            }
                        });
                        Orders.Add(new Order());
                        strat.Execute("log", () => { }); // the project's own Execute: no run of the strategy
                        new Runner().Execute(() => SaveChanges());
                        if (needToSave)
                        {
                            strat.Execute(() =>
                            {
                                using (var tran = Database.BeginTransaction())
                                {
                                    SaveChanges();
                                    tran.Commit();
                                }
                            });
                        }
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
            """
            ShopContext.Seed | EF Core execution strategy | Execute(…) |  | Add Shop.Domain.Customer; SaveChanges; Commit | Data/ShopContext.cs:19
            ShopContext.Seed | EF Core transaction | BeginTransaction() |  | Add Shop.Domain.Customer; SaveChanges; Commit | Data/ShopContext.cs:21
            ShopContext.Seed | EF Core execution strategy | Execute(…) | needToSave | SaveChanges; Commit | Data/ShopContext.cs:33
            ShopContext.Seed | EF Core transaction | BeginTransaction() | needToSave | SaveChanges; Commit | Data/ShopContext.cs:35
            """, string.Join("\n", Rows(output)));
    }

    [Fact]
    public void A_strategy_run_once_stays_one_row_and_a_projects_own_Execute_is_no_run()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Checkout.cs", """
            using System;
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Services
            {
                public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
                public class Runner { public void Execute(Action action) => action(); public Task ExecuteAsync(Func<Task> action) => action(); }
                public static class StrategyHelpers
                {
                    // The project's own Execute on a strategy: not EF Core's retried run.
                    public static void Execute(this Microsoft.EntityFrameworkCore.Storage.IExecutionStrategy strategy, string label, Action action) => action();
                }
                public class Checkout(ShopContext db, Runner runner)
                {
                    public async Task Pay(Order order)
                    {
                        var strategy = db.Database.CreateExecutionStrategy();
                        await strategy.ExecuteAsync(async () =>
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                        });
                        strategy.Execute("log", () => { });
                        runner.Execute(() => db.Orders.Add(order));
                        await runner.ExecuteAsync(() => db.SaveChangesAsync());
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
            """
            Checkout.Pay | EF Core execution strategy | CreateExecutionStrategy() |  | Add Shop.Domain.Order; SaveChangesAsync | Services/Checkout.cs:22
            """, string.Join("\n", Rows(output)));
    }

    [Fact]
    public void A_unit_of_work_ending_the_contexts_transaction_through_Database_is_listed()
    {
        // Kavita's UnitOfWork.RollbackAsync: `await _context.Database.RollbackTransactionAsync();` (2.2 read "searched without result").
        var output = GeneratorHarness.Run(Sources.With(("Data/UnitOfWork.cs", """
            using System;
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
                public class Facade { public void RollbackTransaction() { } }
                public class UnitOfWork(ShopContext _context)
                {
                    private readonly Facade _facade = new();
                    public Task BeginAsync() => _context.Database.BeginTransactionAsync();
                    public async Task CommitTransactionAsync() { await _context.SaveChangesAsync(); await _context.Database.CommitTransactionAsync(); }
                    public async Task<bool> RollbackAsync()
                    {
                        try { await _context.Database.RollbackTransactionAsync(); }
                        catch (Exception) { }
                        return true;
                    }
                    public void Rollback() { _facade.RollbackTransaction(); _context.Database.RollbackTransaction(); }
                }
                public class Orders(ShopContext db, UnitOfWork unit)
                {
                    public async Task Place(Order order)
                    {
                        using var transaction = await db.Database.BeginTransactionAsync();
                        db.Orders.Add(order);
                        await db.SaveChangesAsync();
                        await db.Database.CommitTransactionAsync();
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
            """
            UnitOfWork.BeginAsync | EF Core transaction | BeginTransactionAsync() |  |  | Data/UnitOfWork.cs:16
            UnitOfWork.CommitTransactionAsync | EF Core commits the current transaction | CommitTransactionAsync() |  |  | Data/UnitOfWork.cs:17
            UnitOfWork.RollbackAsync | EF Core rolls back the current transaction | RollbackTransactionAsync() |  |  | Data/UnitOfWork.cs:20
            UnitOfWork.Rollback | EF Core rolls back the current transaction | RollbackTransaction() |  |  | Data/UnitOfWork.cs:24
            Orders.Place | EF Core transaction | BeginTransactionAsync() |  | Add Shop.Domain.Order; SaveChangesAsync; CommitTransactionAsync | Data/UnitOfWork.cs:30
            Orders.Place | EF Core commits the current transaction | CommitTransactionAsync() |  |  | Data/UnitOfWork.cs:33
            """, string.Join("\n", Rows(output)));
        Assert.Contains("| `UnitOfWork.RollbackAsync` | EF Core rolls back the current transaction | `RollbackTransactionAsync()` |  |  |", output.Markdown);
        Assert.DoesNotContain("2.2 Transactions: explicit boundaries", output.Json);
    }

    [Fact]
    public void Commit_and_rollback_named_so_on_other_types_are_no_rows()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/UnitOfWork.cs", """
            using System.Threading.Tasks;
            namespace Shop.Data
            {
                public class ShopContext : DbContext { }
                public class Facade { public Task RollbackTransactionAsync() => Task.CompletedTask; public void CommitTransaction() { } }
                public static class FacadeExtensions { public static Task RollbackTransactionAsync(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade db, int code) => Task.CompletedTask; }
                public class UnitOfWork(ShopContext context, Facade facade)
                {
                    // Database.RollbackTransactionAsync() in a comment, and "Database.CommitTransaction()" in a string.
                    public string Text => "Database.CommitTransaction()";
                    public async Task RollbackAsync() { await facade.RollbackTransactionAsync(); facade.CommitTransaction(); await context.Database.RollbackTransactionAsync(1); }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Empty(Rows(output));
        Assert.Contains("2.2 Transactions: explicit boundaries", output.Json);
    }
}
