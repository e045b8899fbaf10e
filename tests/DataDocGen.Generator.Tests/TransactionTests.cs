using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

public class TransactionTests
{
    [Fact]
    public void Explicit_transaction_boundaries_are_listed_with_their_options()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Checkout.cs", """
            using System.Data;
            using System.Threading.Tasks;
            using System.Transactions;
            using Microsoft.Data.SqlClient;
            namespace Shop.Services
            {
                public class ShopContext : DbContext { }
                public class Checkout(ShopContext db, SqlConnection connection)
                {
                    public async Task Pay(bool strict)
                    {
                        var strategy = db.Database.CreateExecutionStrategy();
                        await strategy.ExecuteAsync(async () =>
                        {
                            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
                            await transaction.CommitAsync();
                        });
                        if (strict)
                        {
                            using var scope = new TransactionScope(TransactionScopeOption.Required, TransactionScopeAsyncFlowOption.Enabled);
                            scope.Complete();
                        }
                    }
                    public void Legacy() { using var transaction = connection.BeginTransaction(); transaction.Commit(); }
                    public object BeginTransaction() => new object(); // not a transaction API
                    public void Calls() => BeginTransaction();
                }
            }
            """)));

        var rows = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | " + t.GetProperty("call").GetString() + " | " + t.GetProperty("condition").GetString())
            .ToArray();
        Assert.Equal(
        [
            "Checkout.Pay | EF Core execution strategy | CreateExecutionStrategy() | ",
            "Checkout.Pay | EF Core transaction | BeginTransactionAsync(IsolationLevel.Serializable) | ",
            "Checkout.Pay | TransactionScope | new TransactionScope(TransactionScopeOption.Required, TransactionScopeAsyncFlowOption.Enabled) | strict",
            "Checkout.Legacy | ADO.NET transaction | BeginTransaction() | ",
        ], rows);
        Assert.Contains("### 2.2 Transactions", output.Markdown);
    }

    [Fact]
    public void Operations_inside_each_boundary_are_listed_in_order_and_calls_outside_are_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Checkout.cs", """
            using System.Data;
            using System.Threading.Tasks;
            using System.Transactions;
            using Dapper;
            using Microsoft.Data.SqlClient;
            using Shop.Domain;
            namespace Shop.Services
            {
                public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
                public interface IOrderRepository { Task Save(Order order); }
                public class Checkout(ShopContext db, SqlConnection connection, IOrderRepository orders)
                {
                    public async Task Pay(Order order)
                    {
                        var strategy = db.Database.CreateExecutionStrategy();
                        await strategy.ExecuteAsync(async () =>
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                            // A second change saved in the same transaction: listed again, in its place.
                            db.Orders.Add(new Order { CustomerId = order.CustomerId });
                            await db.SaveChangesAsync();
                        });
                        await db.Orders.Where(o => o.Id < 0).ExecuteDeleteAsync(); // after the strategy's lambda
                    }

                    public void Legacy(int id)
                    {
                        connection.Execute("DELETE FROM Audit WHERE Id < 0");   // before the transaction
                        using var transaction = connection.BeginTransaction();
                        using var command = new SqlCommand("UPDATE Orders SET Closed = 1", connection, transaction);
                        command.ExecuteNonQuery();
                        connection.Execute("INSERT INTO Audit (Id) VALUES (@id)", new { id }, transaction);
                        transaction.Commit();
                    }

                    public async Task Scoped(Order order)
                    {
                        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
                        {
                            await orders.Save(order);
                            scope.Complete();
                        }
                        await orders.Save(order); // outside the scope
                    }
                }
            }
            """)));

        var rows = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | "
                         + string.Join("; ", t.GetProperty("operations").EnumerateArray().Select(o => o.GetString())))
            .ToArray();
        Assert.Equal(
            """
            Checkout.Pay | EF Core execution strategy | Add Shop.Domain.Order; SaveChangesAsync; Add Shop.Domain.Order; SaveChangesAsync
            Checkout.Legacy | ADO.NET transaction | ADO.NET new SqlCommand UPDATE Orders; Dapper Execute INSERT Audit; Commit
            Checkout.Scoped | TransactionScope | IOrderRepository.Save; Complete
            """, string.Join("\n", rows));
        Assert.Contains("| ADO.NET new SqlCommand UPDATE Orders; Dapper Execute INSERT Audit; Commit |", output.Markdown);
    }

    [Fact]
    public void An_operation_that_runs_only_on_a_branch_or_an_exception_says_so()
    {
        // The audit read "UPDATE; Rollback; INSERT; Commit" as always rolling back: a rollback under an if, in a catch,
        // an else or a finally names what it waits on.
        var output = GeneratorHarness.Run(Sources.With(("Services/Reserve.cs", """
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.Data.SqlClient;
            namespace Shop.Services
            {
                public class Reserve(SqlConnection connection)
                {
                    public bool Hold(int id)
                    {
                        using var transaction = connection.BeginTransaction();
                        var updated = connection.Execute("UPDATE Stock SET Held = 1 WHERE Id = @id", new { id }, transaction);
                        if (updated == 0)
                        {
                            transaction.Rollback();
                            return false;
                        }
                        else connection.Execute("INSERT INTO Holds (Id) VALUES (@id)", new { id }, transaction);
                        transaction.Commit();
                        return true;
                    }

                    public async Task Move(int id)
                    {
                        await using var transaction = await connection.BeginTransactionAsync();
                        try
                        {
                            await connection.ExecuteAsync("DELETE FROM Holds WHERE Id = @id", new { id }, transaction);
                            await transaction.CommitAsync();
                        }
                        catch (SqlException error) when (error.Number == 1205)
                        {
                            await transaction.RollbackAsync();
                        }
                        catch
                        {
                            await transaction.RollbackAsync();
                            throw;
                        }
                        finally
                        {
                            await connection.ExecuteAsync("DELETE FROM Locks WHERE Id = @id", new { id }, transaction);
                        }
                    }

                    // One statement of the list, a round trip per item: the loop is named.
                    public void HoldAll(int[] ids)
                    {
                        using var transaction = connection.BeginTransaction();
                        foreach (var id in ids)
                        {
                            if (id > 0) connection.Execute("UPDATE Stock SET Held = 1 WHERE Id = @id", new { id }, transaction);
                        }
                        for (var i = 0; i < 3; i++) connection.Execute("DELETE FROM Holds WHERE Id = @i", new { i }, transaction);
                        transaction.Commit();
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + string.Join("; ", t.GetProperty("operations").EnumerateArray().Select(o => o.GetString())))
            .ToArray();
        Assert.Equal(
            """
            Reserve.Hold | Dapper Execute UPDATE Stock; Rollback (if `updated == 0`); Dapper Execute INSERT Holds (if not `updated == 0`); Commit
            Reserve.Move | Dapper ExecuteAsync DELETE Holds; CommitAsync; RollbackAsync (on `SqlException` when `error.Number == 1205`); RollbackAsync (on an exception); Dapper ExecuteAsync DELETE Locks (in `finally`)
            Reserve.HoldAll | Dapper Execute UPDATE Stock (if `id > 0`, for each `id` in `ids`); Dapper Execute DELETE Holds (in a `for` loop); Commit
            """, string.Join("\n", rows));
        Assert.Contains("| Dapper Execute UPDATE Stock; Rollback (if `updated == 0`); Dapper Execute INSERT Holds (if not `updated == 0`); Commit |", output.Markdown);
    }

    [Fact]
    public void UseTransaction_joins_the_transaction_begun_elsewhere_and_begins_none()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Billing.cs", """
            using System.Threading.Tasks;
            using Microsoft.Data.SqlClient;
            using Shop.Domain;
            namespace Shop.Services
            {
                public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
                public class Billing(ShopContext db, SqlConnection connection)
                {
                    public async Task Invoice(Order order)
                    {
                        await using var transaction = await connection.BeginTransactionAsync();
                        await db.Database.UseTransactionAsync(transaction);
                        db.Orders.Add(order);
                        await db.SaveChangesAsync();
                        await using var command = connection.CreateCommand();
                        command.Transaction = (SqlTransaction)transaction;
                        command.CommandText = "UPDATE Invoices SET Sent = 1";
                        await command.ExecuteNonQueryAsync();
                        await transaction.CommitAsync();
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var kinds = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["ADO.NET transaction", "EF Core joins an existing transaction"], kinds);
        // Inside the shared transaction: EF Core's writes and the command whose text is set by assignment.
        var inside = Json.Parse(output.Json).GetProperty("transactions")[0].GetProperty("operations").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Equal(["Add Shop.Domain.Order", "SaveChangesAsync", "ADO.NET CommandText UPDATE Invoices", "CommitAsync"], inside);
    }

    [Fact]
    public void Calls_to_the_projects_own_methods_and_to_delegates_are_named_inside_and_a_kept_transaction_is_not_read()
    {
        // dotnet/eShop's TransactionBehavior: the strategy's lambda begins and commits through the context's own wrapper
        // methods and runs the rest of the pipeline through next(); the report showed an empty Inside, as if nothing ran.
        var output = GeneratorHarness.Run(Sources.With(("Services/Pipeline.cs", """
            using System;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Storage;
            using Microsoft.Extensions.Logging;
            namespace Shop.Services
            {
                public interface IEventPublisher { Task PublishAsync(Guid id); }
                public class ShopContext : DbContext
                {
                    private IDbContextTransaction? _current;
                    public async Task<IDbContextTransaction?> BeginAsync()
                    {
                        if (_current != null) return null;
                        _current = await Database.BeginTransactionAsync();
                        return _current;
                    }
                    public async Task CommitAsync(IDbContextTransaction transaction) { await SaveChangesAsync(); await transaction.CommitAsync(); }
                }
                public static class Names { public static string Of(object o) => o.GetType().Name; }
                public class TransactionBehavior(ShopContext db, IEventPublisher events, ILogger<TransactionBehavior> logger)
                {
                    public async Task<T> Handle<T>(Func<Task<T>> next)
                    {
                        T response = default!;
                        var strategy = db.Database.CreateExecutionStrategy();
                        await strategy.ExecuteAsync(async () =>
                        {
                            await using var transaction = await db.BeginAsync();
                            logger.LogInformation("Begin {Name}", Names.Of(this));
                            response = await next();
                            await db.CommitAsync(transaction!);
                            await events.PublishAsync(transaction!.TransactionId);
                            Log();
                        });
                        return response;

                        void Log() { }
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | " + t.GetProperty("operationsRead").GetBoolean() + " | "
                         + string.Join("; ", t.GetProperty("operations").EnumerateArray().Select(o => o.GetString())))
            .ToArray();
        // Logging (a library) and the local function are not named; the project's static helper is, where it runs.
        Assert.Equal(
            """
            ShopContext.BeginAsync | EF Core transaction | False | 
            TransactionBehavior.Handle | EF Core execution strategy | True | ShopContext.BeginAsync; Names.Of; next() (delegate); ShopContext.CommitAsync; IEventPublisher.PublishAsync
            """, string.Join("\n", rows));
        Assert.Contains("| `ShopContext.BeginAsync` | EF Core transaction | `BeginTransactionAsync()` | not read: it does not end in a `using` block, its local's block or an `Execute*` lambda here |", output.Markdown);
        Assert.Contains("Inside lists, in the order the code runs them,", output.Markdown);
    }

    [Fact]
    public void Calls_to_a_context_compiled_in_a_referenced_project_are_named_inside_as_not_read()
    {
        // eShopOnContainers: TransactionBehaviour (Ordering.API) begins and commits through OrderingContext's own
        // BeginTransactionAsync/CommitTransactionAsync, compiled in Ordering.Infrastructure. Those calls vanished from
        // Inside, which read as if the strategy began no transaction.
        var library = GeneratorHarness.Compile(new Dictionary<string, string> { ["Data.cs"] = Sources.Usings + """
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Storage;
            namespace Ordering.Data
            {
                public class OrderingContext : DbContext
                {
                    private IDbContextTransaction? _current;
                    public async Task<IDbContextTransaction?> BeginTransactionAsync()
                    {
                        if (_current != null) return null;
                        _current = await Database.BeginTransactionAsync();
                        return _current;
                    }
                    public async Task CommitTransactionAsync(IDbContextTransaction transaction) { await SaveChangesAsync(); await transaction.CommitAsync(); }
                }
                public static class Clock { public static void Tick() { } }
            }
            """ }, assemblyName: "Ordering.Data");
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        var reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(stream.ToArray());
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Behaviour.cs"] = Sources.Usings + """
            using System.Threading.Tasks;
            using Ordering.Data;
            namespace Ordering.Api
            {
                public class TransactionBehaviour(OrderingContext db)
                {
                    public async Task<T> Handle<T>(Func<Task<T>> next)
                    {
                        T response = default!;
                        var strategy = db.Database.CreateExecutionStrategy();
                        await strategy.ExecuteAsync(async () =>
                        {
                            using (var transaction = await db.BeginTransactionAsync())
                            {
                                // Traps: EF Core's own DbContext method and a referenced project's non-context helper.
                                db.ChangeTracker.DetectChanges();
                                _ = db.Entry(new object()).State;
                                Clock.Tick();
                                response = await next();
                                await db.CommitTransactionAsync(transaction!);
                            }
                        });
                        return response;
                    }
                }
            }
            """ }, extraReferences: [reference]);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var inside = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Single(t => t.GetProperty("member").GetString() == "TransactionBehaviour.Handle").GetProperty("operations").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Equal(["OrderingContext.BeginTransactionAsync (not read: compiled in `Ordering.Data`)", "next() (delegate)",
            "OrderingContext.CommitTransactionAsync (not read: compiled in `Ordering.Data`)"], inside);
        Assert.Contains("| OrderingContext.BeginTransactionAsync (not read: compiled in `Ordering.Data`); next() (delegate); OrderingContext.CommitTransactionAsync (not read: compiled in `Ordering.Data`) |", output.Markdown);
    }

    [Fact]
    public void A_boundary_ends_at_its_commit_and_work_after_it_is_not_inside()
    {
        // bitwarden's OrganizationRepository.DeleteAsync: one transaction commits, a second begins in the same block; the
        // first was credited with the second's deletes.
        var output = GeneratorHarness.Run(Sources.With(("Services/Purge.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using System.Transactions;
            using Shop.Domain;
            namespace Shop.Services
            {
                public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); public DbSet<Customer> Customers => Set<Customer>(); }
                public class Purge(ShopContext db)
                {
                    public async Task Run(int id, bool quick)
                    {
                        var first = await db.Database.BeginTransactionAsync();
                        await db.Orders.Where(o => o.CustomerId == id).ExecuteDeleteAsync();
                        await first.CommitAsync();
                        var second = await db.Database.BeginTransactionAsync();
                        await db.Customers.Where(c => c.Id == id).ExecuteDeleteAsync();
                        if (quick) await second.CommitAsync();
                        await db.Orders.Where(o => o.Id < 0).ExecuteDeleteAsync();
                    }

                    public async Task Scoped(Order order)
                    {
                        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                            scope.Complete();
                            await db.Customers.Where(c => c.Id < 0).ExecuteDeleteAsync();
                        }
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + string.Join("; ", t.GetProperty("operations").EnumerateArray().Select(o => o.GetString())))
            .ToArray();
        // A commit under a condition ends the extent too: the delete after it may run outside.
        Assert.Equal(
            """
            Purge.Run | ExecuteDeleteAsync Shop.Domain.Order; CommitAsync
            Purge.Run | ExecuteDeleteAsync Shop.Domain.Customer; CommitAsync (if `quick`)
            Purge.Scoped | Add Shop.Domain.Order; SaveChangesAsync; Complete
            """, string.Join("\n", rows));
    }
}
