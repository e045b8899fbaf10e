using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>Hand-written orchestrations (issue 4, sagas): recognised by the structure of a try statement (two or more
/// data-changing steps, and a failure path that changes data before the failure goes on, or a compensation stack), never
/// by names; the traps (logging, retries, one step, names alone, transaction rollbacks, comments) claim nothing.</summary>
public class OrchestrationTests
{
    private const string Data = """
        using System.Linq;
        using System.Threading.Tasks;
        namespace Shop.Orders
        {
            public class Reservation { public int Id { get; set; } public int OrderId { get; set; } }
            public class ErrorLog { public int Id { get; set; } public string Message { get; set; } = ""; }
            public record OrderPlaced(int Id);
            public class ShopContext : DbContext
            {
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                public DbSet<Reservation> Reservations => Set<Reservation>();
                public DbSet<ErrorLog> Errors => Set<ErrorLog>();
                protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
            }
            public class Inventory(ShopContext db)
            {
                public async Task ReserveAsync(int orderId) { db.Reservations.Add(new Reservation { OrderId = orderId }); await db.SaveChangesAsync(); }
                public Task ReleaseAsync(int orderId) => db.Reservations.Where(r => r.OrderId == orderId).ExecuteDeleteAsync();
                public Task CompensateAsync(int orderId) => Task.CompletedTask;
            }
        }
        """;

    private static GeneratorOutput Run(string code)
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Data), ("Orders/Checkout.cs", code)));
        var errors = output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("DDG", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return output;
    }

    private static string? Row(GeneratorOutput output, string member) =>
        output.Markdown!.Split('\n').SingleOrDefault(l => l.StartsWith("| `" + member + "` | 1. ", StringComparison.Ordinal));

    [Fact]
    public void A_catch_that_undoes_earlier_steps_before_rethrowing_is_an_orchestration_with_its_steps_and_compensations_in_order()
    {
        var output = Run("""
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Checkout(ShopContext db, Inventory inventory, MassTransit.IPublishEndpoint bus)
                {
                    public async Task PlaceAsync(Shop.Domain.Order order)
                    {
                        try
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                            await inventory.ReserveAsync(order.Id);
                            await bus.Publish(new OrderPlaced(order.Id));
                        }
                        catch (InvalidOperationException)
                        {
                            await inventory.ReleaseAsync(order.Id);
                            db.Orders.Remove(order);
                            await db.SaveChangesAsync();
                            throw;
                        }
                    }
                }
            }
            """);
        Assert.Contains("### 2.2 Transactions\n\n#### Hand-written orchestrations\n\nMethods recognised as hand-written orchestrations by their try/catch compensation structure (not by names)", output.Markdown);
        Assert.Equal("| `Checkout.PlaceAsync` | "
            + "1. creates `Shop.Domain.Order` with `Add` [Orders/Checkout.cs:15](Orders/Checkout.cs#L15)<br>"
            + "2. creates `Shop.Orders.Reservation` with `Add` through `Inventory.ReserveAsync` [Orders/Checkout.cs:17](Orders/Checkout.cs#L17)<br>"
            + "3. publishes `Shop.Orders.OrderPlaced` (MassTransit) [Orders/Checkout.cs:18](Orders/Checkout.cs#L18) | "
            + "in `catch (InvalidOperationException)`, then rethrows [Orders/Checkout.cs:20](Orders/Checkout.cs#L20):<br>"
            + "1. deletes `Shop.Orders.Reservation` with `ExecuteDeleteAsync` through `Inventory.ReleaseAsync` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:22](Orders/Checkout.cs#L22)<br>"
            + "2. deletes `Shop.Domain.Order` with `Remove` (pairs with step 1: deletes the entity type step 1 creates) [Orders/Checkout.cs:23](Orders/Checkout.cs#L23) | "
            + "[Orders/Checkout.cs:11](Orders/Checkout.cs#L11) |", Row(output, "Checkout.PlaceAsync"));

        Assert.Contains("\"orchestrations\": [", output.Json);
        Assert.Contains("\"recognisedBy\": \"try/catch compensation structure\"", output.Json);
        Assert.Contains("\"kind\": \"catch\"", output.Json);
        Assert.Contains("\"pairing\": \"pairs with step 2: deletes the entity type step 2 creates\"", output.Json);
    }

    [Fact]
    public void A_finally_guarded_by_a_success_flag_compensates_and_a_catch_returning_failure_too()
    {
        var output = Run("""
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Checkout(ShopContext db, Inventory inventory)
                {
                    public async Task PlaceAsync(Shop.Domain.Order order)
                    {
                        var completed = false;
                        try
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                            await inventory.ReserveAsync(order.Id);
                            completed = true;
                        }
                        finally
                        {
                            if (!completed)
                            {
                                await inventory.ReleaseAsync(order.Id);
                            }
                        }
                    }

                    public async Task CancelOnFailureAsync(Shop.Domain.Order order)
                    {
                        try
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                            await inventory.ReserveAsync(order.Id);
                        }
                        catch
                        {
                            db.Orders.Update(order);
                            await db.SaveChangesAsync();
                            throw;
                        }
                    }

                    public async Task<bool> TryPlaceAsync(Shop.Domain.Order order)
                    {
                        try
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                            await inventory.ReserveAsync(order.Id);
                            return true;
                        }
                        catch (TimeoutException)
                        {
                            await inventory.ReleaseAsync(order.Id);
                            return false;
                        }
                    }
                }
            }
            """);
        Assert.Equal("| `Checkout.PlaceAsync` | "
            + "1. creates `Shop.Domain.Order` with `Add` [Orders/Checkout.cs:16](Orders/Checkout.cs#L16)<br>"
            + "2. creates `Shop.Orders.Reservation` with `Add` through `Inventory.ReserveAsync` [Orders/Checkout.cs:18](Orders/Checkout.cs#L18) | "
            + "in `finally`, when the success flag `completed` was not set [Orders/Checkout.cs:23](Orders/Checkout.cs#L23):<br>"
            + "1. deletes `Shop.Orders.Reservation` with `ExecuteDeleteAsync` through `Inventory.ReleaseAsync` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:25](Orders/Checkout.cs#L25) | "
            + "[Orders/Checkout.cs:11](Orders/Checkout.cs#L11) |", Row(output, "Checkout.PlaceAsync"));
        Assert.Contains("in `catch (TimeoutException)`, then returns `false` [Orders/Checkout.cs:55](Orders/Checkout.cs#L55):<br>"
            + "1. deletes `Shop.Orders.Reservation` with `ExecuteDeleteAsync` through `Inventory.ReleaseAsync` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:57](Orders/Checkout.cs#L57) |",
            Row(output, "Checkout.TryPlaceAsync"));
        // An update of what a step created, before rethrowing: paired by entity type, no undo claimed.
        Assert.Contains("in `catch`, then rethrows [Orders/Checkout.cs:38](Orders/Checkout.cs#L38):<br>"
            + "1. updates `Shop.Domain.Order` with `Update` (pairs with step 1: changes the entity type step 1 changes) [Orders/Checkout.cs:40](Orders/Checkout.cs#L40) |",
            Row(output, "Checkout.CancelOnFailureAsync"));
    }

    [Fact]
    public void A_compensation_stack_lists_the_pushed_delegates_in_the_order_they_run()
    {
        var output = Run("""
            using System.Linq;
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Checkout(ShopContext db, Inventory inventory, MassTransit.IPublishEndpoint bus)
                {
                    public async Task PlaceAsync(Shop.Domain.Order order)
                    {
                        var undo = new Stack<Func<Task>>();
                        try
                        {
                            db.Orders.Add(order);
                            await db.SaveChangesAsync();
                            undo.Push(async () =>
                            {
                                db.Orders.Remove(order);
                                await db.SaveChangesAsync();
                            });
                            await inventory.ReserveAsync(order.Id);
                            undo.Push(() => inventory.ReleaseAsync(order.Id));
                            await bus.Publish(new OrderPlaced(order.Id));
                        }
                        catch
                        {
                            while (undo.Count > 0) await undo.Pop()();
                            throw;
                        }
                    }

                    public void Forward(Shop.Domain.Order order)
                    {
                        var undo = new List<Action>();
                        try
                        {
                            db.Orders.Add(order);
                            undo.Add(() => db.Orders.Remove(order));
                            db.Errors.Add(new ErrorLog());
                            undo.Add(() => db.Errors.Remove(db.Errors.First()));
                            db.SaveChanges();
                        }
                        catch (Exception)
                        {
                            foreach (var action in undo) action();
                            throw;
                        }
                    }

                    public void Reversed(Shop.Domain.Order order)
                    {
                        var undo = new List<Action>();
                        try
                        {
                            db.Orders.Add(order);
                            undo.Add(() => db.Orders.Remove(order));
                            db.Errors.Add(new ErrorLog());
                            undo.Add(() => db.Errors.Remove(db.Errors.First()));
                            db.SaveChanges();
                        }
                        catch (Exception)
                        {
                            foreach (var action in Enumerable.Reverse<Action>(undo)) action();
                            throw;
                        }
                    }
                }
            }
            """);
        Assert.Equal("| `Checkout.PlaceAsync` | "
            + "1. creates `Shop.Domain.Order` with `Add` [Orders/Checkout.cs:17](Orders/Checkout.cs#L17)<br>"
            + "2. creates `Shop.Orders.Reservation` with `Add` through `Inventory.ReserveAsync` [Orders/Checkout.cs:24](Orders/Checkout.cs#L24)<br>"
            + "3. publishes `Shop.Orders.OrderPlaced` (MassTransit) [Orders/Checkout.cs:26](Orders/Checkout.cs#L26) | "
            + "pushed onto `undo` (`Stack<Func<Task>>`) in the `try` block as the steps run, run last-in first-out in `catch`, then rethrows [Orders/Checkout.cs:14](Orders/Checkout.cs#L14):<br>"
            + "1. deletes `Shop.Orders.Reservation` with `ExecuteDeleteAsync` through `Inventory.ReleaseAsync` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:25](Orders/Checkout.cs#L25)<br>"
            + "2. deletes `Shop.Domain.Order` with `Remove` (pairs with step 1: deletes the entity type step 1 creates) [Orders/Checkout.cs:21](Orders/Checkout.cs#L21) | "
            + "[Orders/Checkout.cs:12](Orders/Checkout.cs#L12) |", Row(output, "Checkout.PlaceAsync"));
        var forward = Row(output, "Checkout.Forward");
        Assert.Contains("pushed onto `undo` (`List<Action>`) in the `try` block as the steps run, run in the order added in `catch (Exception)`, then rethrows [Orders/Checkout.cs:37](Orders/Checkout.cs#L37):<br>"
            + "1. deletes `Shop.Domain.Order` with `Remove` (pairs with step 1: deletes the entity type step 1 creates) [Orders/Checkout.cs:41](Orders/Checkout.cs#L41)<br>"
            + "2. deletes `Shop.Orders.ErrorLog` with `Remove` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:43](Orders/Checkout.cs#L43) |", forward);
        var reversed = Row(output, "Checkout.Reversed");
        Assert.Contains("run last-in first-out in `catch (Exception)`, then rethrows [Orders/Checkout.cs:55](Orders/Checkout.cs#L55):<br>"
            + "1. deletes `Shop.Orders.ErrorLog` with `Remove` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:61](Orders/Checkout.cs#L61)<br>"
            + "2. deletes `Shop.Domain.Order` with `Remove` (pairs with step 1: deletes the entity type step 1 creates) [Orders/Checkout.cs:59](Orders/Checkout.cs#L59) |", reversed);
        Assert.Contains("\"kind\": \"compensation stack\"", output.Json);
    }

    [Fact]
    public void A_compensation_stack_is_read_through_TryPop_and_a_reversed_list()
    {
        var output = Run("""
            using System.Linq;
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Checkout(ShopContext db, Inventory inventory)
                {
                    public async Task Popped(Shop.Domain.Order order)
                    {
                        var undo = new Stack<Func<Task>>();
                        try
                        {
                            db.Orders.Add(order);
                            undo.Push(() => db.Orders.Where(o => o.Id == order.Id).ExecuteDeleteAsync());
                            await inventory.ReserveAsync(order.Id);
                            undo.Push(() => inventory.ReleaseAsync(order.Id));
                        }
                        catch
                        {
                            while (undo.TryPop(out var step)) await step();
                            throw;
                        }
                    }

                    public void Listed(Shop.Domain.Order order)
                    {
                        var undo = new List<Action>();
                        try
                        {
                            db.Orders.Add(order);
                            undo.Add(() => db.Orders.Remove(order));
                            db.Errors.Add(new ErrorLog());
                            undo.Add(() => db.Errors.Remove(db.Errors.First()));
                        }
                        catch (Exception)
                        {
                            foreach (var action in undo.AsEnumerable().Reverse()) action.Invoke();
                            throw;
                        }
                    }
                }
            }
            """);
        Assert.Contains("run last-in first-out in `catch`, then rethrows [Orders/Checkout.cs:14](Orders/Checkout.cs#L14):<br>"
            + "1. deletes `Shop.Orders.Reservation` with `ExecuteDeleteAsync` through `Inventory.ReleaseAsync` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:20](Orders/Checkout.cs#L20)<br>"
            + "2. deletes `Shop.Domain.Order` with `ExecuteDeleteAsync` (pairs with step 1: deletes the entity type step 1 creates) [Orders/Checkout.cs:18](Orders/Checkout.cs#L18) |", Row(output, "Checkout.Popped"));
        Assert.Contains("run last-in first-out in `catch (Exception)`, then rethrows [Orders/Checkout.cs:31](Orders/Checkout.cs#L31):<br>"
            + "1. deletes `Shop.Orders.ErrorLog` with `Remove` (pairs with step 2: deletes the entity type step 2 creates) [Orders/Checkout.cs:37](Orders/Checkout.cs#L37)<br>"
            + "2. deletes `Shop.Domain.Order` with `Remove` (pairs with step 1: deletes the entity type step 1 creates) [Orders/Checkout.cs:35](Orders/Checkout.cs#L35) |", Row(output, "Checkout.Listed"));
    }

    [Fact]
    public void The_failure_path_of_a_nested_try_is_no_step_of_the_outer_one()
    {
        var output = Run("""
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Checkout(ShopContext db, Inventory inventory)
                {
                    public async Task PlaceAsync(Shop.Domain.Order order)
                    {
                        try
                        {
                            db.Orders.Add(order);
                            try { await inventory.ReserveAsync(order.Id); }
                            catch (TimeoutException)
                            {
                                await inventory.ReleaseAsync(order.Id);
                                throw;
                            }
                        }
                        catch
                        {
                            db.Orders.Remove(order);
                            throw;
                        }
                    }
                }
            }
            """);
        Assert.Equal("| `Checkout.PlaceAsync` | "
            + "1. creates `Shop.Domain.Order` with `Add` [Orders/Checkout.cs:15](Orders/Checkout.cs#L15)<br>"
            + "2. creates `Shop.Orders.Reservation` with `Add` through `Inventory.ReserveAsync` [Orders/Checkout.cs:16](Orders/Checkout.cs#L16) | "
            + "in `catch`, then rethrows [Orders/Checkout.cs:23](Orders/Checkout.cs#L23):<br>"
            + "1. deletes `Shop.Domain.Order` with `Remove` (pairs with step 1: deletes the entity type step 1 creates) [Orders/Checkout.cs:25](Orders/Checkout.cs#L25) | "
            + "[Orders/Checkout.cs:11](Orders/Checkout.cs#L11) |", Row(output, "Checkout.PlaceAsync"));
    }

    [Fact]
    public void Traps_claim_nothing()
    {
        var output = Run("""
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Traps(ShopContext db, Inventory inventory, MassTransit.IPublishEndpoint bus)
                {
                    // A catch that only logs.
                    public async Task OnlyLogs(Shop.Domain.Order order)
                    {
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); }
                        catch (Exception exception) { Console.WriteLine(exception.Message); throw; }
                    }

                    // A catch that retries the same call (and then gives up).
                    public async Task<bool> Retries(Shop.Domain.Order order)
                    {
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); return true; }
                        catch (TimeoutException) { await inventory.ReserveAsync(order.Id); return false; }
                    }

                    // A try with one step.
                    public async Task OneStep(int id)
                    {
                        try { await inventory.ReserveAsync(id); }
                        catch { await inventory.ReleaseAsync(id); throw; }
                    }

                    // Compensation-looking names with no data-changing call.
                    public async Task Names(Shop.Domain.Order order)
                    {
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); }
                        catch { await inventory.CompensateAsync(order.Id); Rollback(); throw; }
                        void Rollback() { }
                    }

                    // A database transaction rolled back: a transaction, not a saga.
                    public async Task Transaction(Shop.Domain.Order order)
                    {
                        await using var transaction = await db.Database.BeginTransactionAsync();
                        try
                        {
                            db.Orders.Add(order);
                            await inventory.ReserveAsync(order.Id);
                            await db.SaveChangesAsync();
                            await transaction.CommitAsync();
                        }
                        catch
                        {
                            await transaction.RollbackAsync();
                            throw;
                        }
                    }

                    // Compensation in comments only.
                    public async Task Comments(Shop.Domain.Order order)
                    {
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); }
                        catch
                        {
                            // await inventory.ReleaseAsync(order.Id);
                            /* db.Orders.Remove(order); */
                            throw;
                        }
                    }

                    // A catch that writes an error log and publishes: nothing a step changed.
                    public async Task ErrorLogOnly(Shop.Domain.Order order)
                    {
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); }
                        catch (Exception exception)
                        {
                            db.Errors.Add(new ErrorLog { Message = exception.Message });
                            await db.SaveChangesAsync();
                            await bus.Publish(new OrderPlaced(-1));
                            throw;
                        }
                    }

                    // A catch that updates what a step created and returns: a fallback as well as a compensation.
                    public async Task<bool> Fallback(Shop.Domain.Order order)
                    {
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); return true; }
                        catch (DbUpdateException) { db.Orders.Update(order); await db.SaveChangesAsync(); return false; }
                    }

                    // A catch that undoes but swallows the failure.
                    public async Task Swallows(Shop.Domain.Order order)
                    {
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); }
                        catch { await inventory.ReleaseAsync(order.Id); }
                    }

                    // A flag set after the try: not a success flag of the try block.
                    public async Task FlagOutside(Shop.Domain.Order order)
                    {
                        var done = false;
                        try { db.Orders.Add(order); await inventory.ReserveAsync(order.Id); }
                        finally { if (!done) await inventory.ReleaseAsync(order.Id); }
                        done = true;
                    }

                    // A compensation stack handed to other code: what it holds is not known here.
                    public async Task StackHandedOn(Shop.Domain.Order order)
                    {
                        var undo = new Stack<Func<Task>>();
                        try
                        {
                            db.Orders.Add(order);
                            await inventory.ReserveAsync(order.Id);
                            undo.Push(() => inventory.ReleaseAsync(order.Id));
                            Register(undo);
                        }
                        catch
                        {
                            while (undo.Count > 0) await undo.Pop()();
                            throw;
                        }
                    }

                    private static void Register(Stack<Func<Task>> undo) { }

                    // One upsert is one operation, though CRUD lists it as a create and an update.
                    public void OneUpsert(LiteDB.ILiteCollection<Reservation> reservations, Reservation reservation)
                    {
                        try { reservations.Upsert(reservation); }
                        catch { reservations.Delete(reservation.Id); throw; }
                    }
                }
            }
            """);
        Assert.DoesNotContain("Hand-written orchestrations", output.Markdown);
        Assert.Contains("\"orchestrations\": []", output.Json);
    }

    [Fact]
    public void An_upsert_step_is_one_step_that_creates_or_updates()
    {
        var output = Run("""
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Booking(ShopContext db)
                {
                    public void Book(LiteDB.ILiteCollection<Reservation> reservations, Reservation reservation, Shop.Domain.Order order)
                    {
                        try
                        {
                            reservations.Upsert(reservation);
                            db.Orders.Add(order);
                            db.SaveChanges();
                        }
                        catch
                        {
                            reservations.Delete(reservation.Id);
                            throw;
                        }
                    }
                }
            }
            """);
        var row = Row(output, "Booking.Book");
        Assert.NotNull(row);
        // One Upsert call, listed by CRUD as a create and an update: one numbered step, not two.
        Assert.Contains("1. creates or updates `Shop.Orders.Reservation` (LiteDB) with `Upsert` [Orders/Checkout.cs:15]", row);
        Assert.Contains("2. creates `Shop.Domain.Order`", row);
        Assert.DoesNotContain("3. ", row);
        Assert.Contains("(pairs with step 1: deletes the entity type step 1 creates)", row);
    }
}
