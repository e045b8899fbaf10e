using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.1's CRUD matrix: EF Core calls by their chain's last call and root, plus SQL naming a table.</summary>
public class CrudTests
{
    private const string Code = """
        using System.Data;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public class OrderService(ShopContext db, IDbConnection connection)
            {
                public async Task Place(Order order) { db.Orders.Add(order); await db.SaveChangesAsync(); }
                public Task<List<Order>> Recent() => db.Orders.AsNoTracking().Where(o => o.Id > 10).OrderBy(o => o.Id).ToListAsync();
                public ValueTask<Order?> Get(int id) => db.Orders.FindAsync(id);
                public void Rename(Customer customer) => db.Update(customer);
                public void Import(List<Customer> customers) => db.Customers.AddRange(customers);
                public Task<int> Purge() => db.Orders.Where(o => o.CustomerId == 0).ExecuteDeleteAsync();
                public void Forget(Customer customer) => db.Remove(customer);
                public Task<int> Archive() => connection.ExecuteAsync("INSERT INTO Archive (Id) SELECT Id FROM Orders");
                public Task<int> Close(int id) => connection.ExecuteAsync("UPDATE Orders SET CustomerId = 0 WHERE Id = @id", new { id });
                public Task<IEnumerable<int>> Audit() => connection.QueryAsync<int>("SELECT Id FROM AuditLog");

                // Traps: in-memory collections and look-alike methods.
                public int InMemory(List<Order> orders) { orders.Add(new Order()); return orders.Where(o => o.Id > 1).Count(); }
                public void NotEf(Basket basket) => basket.Add(new Order());
                // public void Commented() => db.Customers.Remove(null!);
            }

            public class Basket { public void Add(Order order) { } }

            public class Repository<T>(ShopContext db) where T : class
            {
                public IQueryable<T> All() => db.Set<T>();
                public Task<List<T>> List() => db.Set<T>().ToListAsync();
                public void Delete(T entity) => db.Set<T>().Remove(entity);
            }
        }
        """;

    [Fact]
    public void Matrix_lists_per_entity_the_members_that_create_read_update_and_delete_it()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("### 2.1 CRUD, soft deletes and audit", md);
        Assert.DoesNotContain("do not pass through SaveChanges", md); // no save hook to bypass
        Assert.Contains("| `Shop.Domain.Customer` | `OrderService.Import` [Data/Shop.cs:25](Data/Shop.cs#L25) |  | `OrderService.Rename` [Data/Shop.cs:24](Data/Shop.cs#L24) with `Update` (every column) | `OrderService.Forget` [Data/Shop.cs:27](Data/Shop.cs#L27) |", md);
        // INSERT INTO Archive ... SELECT ... FROM Orders creates rows of its INTO table and reads the table it selects from.
        Assert.Contains("| `Shop.Domain.Order` | `OrderService.Place` [Data/Shop.cs:21](Data/Shop.cs#L21) | `OrderService.Recent` [Data/Shop.cs:22](Data/Shop.cs#L22)<br>`OrderService.Get` [Data/Shop.cs:23](Data/Shop.cs#L23)<br>`OrderService.Archive` [Data/Shop.cs:28](Data/Shop.cs#L28) | `OrderService.Close` [Data/Shop.cs:29](Data/Shop.cs#L29) | `OrderService.Purge` [Data/Shop.cs:26](Data/Shop.cs#L26) |", md);
        // A table no entity maps to stays a table.
        Assert.Contains("| table `AuditLog` (SQL) |  | `OrderService.Audit` [Data/Shop.cs:30](Data/Shop.cs#L30) |  |  |", md);
        Assert.Contains("| table `Archive` (SQL) | `OrderService.Archive` [Data/Shop.cs:28](Data/Shop.cs#L28) |  |  |  |", md);
        // All() returns the set as a query: a read of the method that returns it, as a returned Where would be.
        Assert.Contains("| `T of Repository<T>` (any entity) |  | `Repository.All` [Data/Shop.cs:42](Data/Shop.cs#L42)<br>`Repository.List` [Data/Shop.cs:43](Data/Shop.cs#L43) |  | `Repository.Delete` [Data/Shop.cs:44](Data/Shop.cs#L44) |", md);
    }

    [Fact]
    public void Bulk_operations_are_listed_and_in_memory_collections_look_alikes_and_comments_are_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Code)));
        var md = output.Markdown!;
        Assert.Contains("| `OrderService.Import` | `Shop.Domain.Customer` | create | `AddRange` | [Data/Shop.cs:25](Data/Shop.cs#L25) |", md);
        Assert.Contains("| `OrderService.Purge` | `Shop.Domain.Order` | delete | `ExecuteDeleteAsync` | [Data/Shop.cs:26](Data/Shop.cs#L26) |", md);
        Assert.DoesNotContain("InMemory", md);
        Assert.DoesNotContain("NotEf", md);
        Assert.DoesNotContain("Commented", md);
        using var json = JsonDocument.Parse(output.Json!);
        var rows = json.RootElement.GetProperty("crud").EnumerateArray().ToList();
        Assert.Equal(14, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("api").GetString() == "Dapper ExecuteAsync (UPDATE)" && r.GetProperty("operation").GetString() == "Update");
    }

    [Fact]
    public void Calls_in_a_minimal_api_handler_are_placed_at_their_endpoint()
    {
        // ASP.NET Core is not referenced by these tests: a stand-in with the real namespace and method shape.
        var output = GeneratorHarness.Run(Sources.With(("Api/Endpoints.cs", """
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            namespace Microsoft.AspNetCore.Builder
            {
                public class App { }
                public static class EndpointRouteBuilderExtensions { public static void MapGet(this App app, string pattern, System.Delegate handler) { } }
            }
            namespace Other { public static class Fake { public static void MapGet(this Microsoft.AspNetCore.Builder.App app, string pattern, System.Delegate handler, int x) { } } }
            namespace Shop.Api
            {
                public class ShopContext : DbContext { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public static class Endpoints
                {
                    public static void Map(App app)
                    {
                        app.MapGet("/orders", (ShopContext db) => db.Orders.ToList());
                        Other.Fake.MapGet(app, "/fake", (ShopContext db) => db.Orders.Count(), 1);
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("`GET /orders` [Api/Endpoints.cs:", output.Markdown);
        Assert.DoesNotContain("/fake", output.Markdown);
        Assert.Contains("`Endpoints.Map` [Api/Endpoints.cs:", output.Markdown);
    }

    [Fact]
    public void An_endpoint_mapped_on_a_route_group_is_named_with_the_group_prefix()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Admin.cs", """
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            namespace Shop.Api
            {
                public class ShopContext : DbContext { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public static class Admin
                {
                    public static void Map(WebApplication app, string tenantPrefix)
                    {
                        var admin = app.MapGroup("/admin");
                        admin.MapGet("/stats", (ShopContext db) => db.Orders.Count());
                        app.MapGroup("/api").MapGroup("v1").MapPost("/orders", (ShopContext db, Shop.Domain.Order order) => db.Orders.Add(order));
                        app.MapGroup(tenantPrefix).MapDelete("/orders", (ShopContext db) => db.Orders.ExecuteDelete());
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("`GET /admin/stats` [Api/Admin.cs:", md);
        Assert.Contains("`POST /api/v1/orders` [Api/Admin.cs:", md);
        // A prefix that is not a constant is not guessed.
        Assert.Contains("`DELETE …/orders` [Api/Admin.cs:", md);
        Assert.DoesNotContain("`GET /stats`", md);
    }

    private const string TrackedCode = """
        using System.Linq;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }
            public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            public class CustomerDto { public string Name { get; set; } = ""; }

            public class CustomerService(ShopContext db, OtherContext other)
            {
                public async Task Rename(int id, string name)
                {
                    if (await db.Customers.FindAsync(id) is not { } customer) return;
                    customer.Name = name;
                    await db.SaveChangesAsync();
                }

                public async Task Reassign(int from, int to)
                {
                    var orders = await db.Orders.Where(o => o.CustomerId == from).ToListAsync();
                    foreach (var order in orders) order.CustomerId = to;
                    var first = await db.Customers.FirstAsync(c => c.Id == to).ConfigureAwait(false);
                    first.Name += " (merged)";
                    db.SaveChanges();
                }

                // Traps: untracked, another context, after the save, in a lambda, a new entity, a projection, a DTO.
                public async Task Traps(int id, string name)
                {
                    var untracked = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == id);
                    untracked.Name = name;
                    var elsewhere = await other.Customers.FirstAsync(c => c.Id == id);
                    elsewhere.Name = name;
                    var created = new Customer { Name = name };
                    created.Name = name.Trim();
                    var later = await db.Customers.FirstAsync(c => c.Id == id);
                    var dto = await db.Customers.Select(c => new CustomerDto { Name = c.Name }).FirstAsync();
                    dto.Name = name;
                    var apply = () => { later.Name = name; };
                    await db.SaveChangesAsync();
                    later.Name = name;
                }

                // Traps: the save cannot run after the set (other arm, other case, a return or throw on the way out).
                public async Task OtherArm(int id, string name, int mode)
                {
                    var a = await db.Customers.FirstAsync(c => c.Id == id);
                    if (mode == 1) { a.Name = name; } else { await db.SaveChangesAsync(); }
                }

                public async Task OtherCase(int id, string name, int mode)
                {
                    var b = await db.Customers.FirstAsync(c => c.Id == id);
                    switch (mode) { case 2: b.Name = name; break; default: db.SaveChanges(); break; }
                }

                public async Task Leaves(int id, string name, int mode)
                {
                    var c = await db.Customers.FirstAsync(x => x.Id == id);
                    if (mode == 3) { c.Name = name; return; }
                    var d = await db.Customers.FirstAsync(x => x.Id == id);
                    if (mode == 4) { d.Name = name; throw new System.InvalidOperationException(); }
                    await db.SaveChangesAsync();
                }

                // Not traps: the save after the branch that sets the property is an update.
                public async Task Rename2(int id, string name)
                {
                    var e = await db.Customers.FirstAsync(x => x.Id == id);
                    if (name.Length > 0) { e.Name = name; }
                    await db.SaveChangesAsync();
                }
            }
        }
        """;

    [Fact]
    public void A_property_set_on_an_entity_loaded_from_the_context_that_saves_is_an_update()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Customers.cs", TrackedCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var matrix = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n');
        var customer = matrix.First(l => l.StartsWith("| `Shop.Domain.Customer` |", StringComparison.Ordinal));
        var order = matrix.First(l => l.StartsWith("| `Shop.Domain.Order` |", StringComparison.Ordinal));
        var customerUpdates = customer.Split(" | ")[3];
        Assert.Equal("`CustomerService.Rename` [Data/Customers.cs:27](Data/Customers.cs#L27)<br>`CustomerService.Reassign` [Data/Customers.cs:36](Data/Customers.cs#L36)"
            + "<br>`CustomerService.Rename2` [Data/Customers.cs:83](Data/Customers.cs#L83)", customerUpdates);
        Assert.Equal("`CustomerService.Reassign` [Data/Customers.cs:34](Data/Customers.cs#L34)", order.Split(" | ")[3]);
        // A read awaited with ConfigureAwait is still a read.
        Assert.Contains("`CustomerService.Reassign` [Data/Customers.cs:35](Data/Customers.cs#L35)", customer.Split(" | ")[2]);
        Assert.Contains("\"api\": \"property set, saved by SaveChangesAsync\"", output.Json);
    }

    /// <summary>The CleanArchitecture audit: the Application project reaches its DbSets through <c>IApplicationDbContext</c>
    /// and declares no context; its caption said the rows came from "SQL whose constant text names its table" while every
    /// row was an EF Core call. SQL rows are named only when there are some.</summary>
    [Theory]
    [InlineData(false, "Which code creates, reads, updates and deletes each entity: EF Core calls on its `DbSet` or context.")]
    [InlineData(true, "Which code creates, reads, updates and deletes each entity: EF Core calls on its `DbSet` or context, and SQL whose constant text names its table.")]
    public void Without_a_context_in_the_project_EF_Core_rows_through_an_interface_are_not_called_SQL(bool withSql, string caption)
    {
        var output = GeneratorHarness.Run(Sources.With(("Application/Handlers.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            using Dapper;
            namespace Shop.Application
            {
                public interface IApplicationDbContext
                {
                    DbSet<Shop.Domain.Order> Orders { get; }
                    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
                }
                public class CreateOrder(IApplicationDbContext db)
                {
                    public async Task Handle(Shop.Domain.Order order, CancellationToken ct) { db.Orders.Add(order); await db.SaveChangesAsync(ct); }
                    public ValueTask<Shop.Domain.Order?> Get(int id) => db.Orders.FindAsync(id);
                    SQL
                }
            }
            """.Replace("SQL", withSql ? "public System.Threading.Tasks.Task<int> Purge(System.Data.IDbConnection c) => c.ExecuteAsync(\"DELETE FROM Archive\");" : ""))));

        Assert.Contains(caption, output.Markdown);
        Assert.Contains("A tracked change counts as an update", output.Markdown);
    }
}

/// <summary>EF Core's <c>Attach</c> and <c>Entry(x).State = Modified</c> in the CRUD matrix: Attach tracks an entity as
/// unchanged and writes nothing by itself; what is set after it, saved by the same context, is an update.</summary>
public class AttachTests
{
    private const string Code = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }
            public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            public class Roster { public void Attach(Customer customer) { } }

            public class CustomerService(ShopContext db, OtherContext other, Roster roster)
            {
                public async Task Rename(int id, string name)
                {
                    var customer = new Customer { Id = id };
                    db.Customers.Attach(customer);
                    customer.Name = name;
                    await db.SaveChangesAsync();
                }

                public void Move(Order order, int customerId)
                {
                    db.Attach(order);
                    order.CustomerId = customerId;
                    db.SaveChanges();
                }

                public async Task Replace(Customer customer)
                {
                    db.Entry(customer).State = EntityState.Modified;
                    await db.SaveChangesAsync();
                }

                public async Task MoveAll(List<Order> orders, int customerId)
                {
                    db.Set<Order>().AttachRange(orders);
                    foreach (var order in orders) order.CustomerId = customerId;
                    await db.SaveChangesAsync();
                }

                // Traps: attach alone; set before the attach; another context attaches; a look-alike Attach; a new entity
                // without its key (Attach adds it); commented-out code; the state set to something else.
                public async Task AttachOnly(Customer customer) { db.Attach(customer); await db.SaveChangesAsync(); }

                public async Task SetBefore(Customer early, string name) { early.Name = name; db.Attach(early); await db.SaveChangesAsync(); }

                public async Task Elsewhere(Customer foreign, string name) { other.Attach(foreign); foreign.Name = name; await db.SaveChangesAsync(); }

                public async Task LookAlike(Customer listed, string name) { roster.Attach(listed); listed.Name = name; await db.SaveChangesAsync(); }

                public async Task Keyless(string name)
                {
                    var fresh = new Customer();
                    db.Attach(fresh);
                    fresh.Name = name;
                    await db.SaveChangesAsync();
                }

                public async Task Commented(Customer quiet, string name)
                {
                    // db.Attach(quiet);
                    quiet.Name = name;
                    await db.SaveChangesAsync();
                }

                public async Task Unchanged(Customer same) { db.Entry(same).State = EntityState.Unchanged; await db.SaveChangesAsync(); }

                public async Task Replaced(Customer swapped, Customer replacement, string name)
                {
                    db.Attach(swapped);
                    swapped = replacement;
                    swapped.Name = name;
                    await db.SaveChangesAsync();
                }

                public async Task OtherBranch(Customer split, string name, bool attach)
                {
                    if (attach) { db.Attach(split); } else { split.Name = name; }
                    await db.SaveChangesAsync();
                }
            }
        }
        """;

    [Fact]
    public void A_property_set_after_Attach_and_an_entry_set_to_Modified_are_updates_and_Attach_alone_is_nothing()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Customers.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var matrix = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n');
        var customer = matrix.First(l => l.StartsWith("| `Shop.Domain.Customer` |", StringComparison.Ordinal)).Split(" | ");
        var order = matrix.First(l => l.StartsWith("| `Shop.Domain.Order` |", StringComparison.Ordinal)).Split(" | ");
        Assert.Equal("`CustomerService.Rename` [Data/Customers.cs:29](Data/Customers.cs#L29) after `Attach`"
            + "<br>`CustomerService.Replace` [Data/Customers.cs:42](Data/Customers.cs#L42) (`State = Modified`)", customer[3]);
        Assert.Equal("`CustomerService.Move` [Data/Customers.cs:36](Data/Customers.cs#L36) after `Attach`"
            + "<br>`CustomerService.MoveAll` [Data/Customers.cs:49](Data/Customers.cs#L49) after `Attach`", order[3]);
        Assert.Contains("`Attach` alone writes nothing", md);
        Assert.Contains("\"api\": \"Attach, property set, saved by SaveChangesAsync\"", output.Json);
        Assert.Contains("\"api\": \"Entry State = Modified, saved by SaveChangesAsync\"", output.Json);
        foreach (var trap in new[] { "AttachOnly", "SetBefore", "Elsewhere", "LookAlike", "Keyless", "Commented", "Unchanged", "OtherBranch", "Replaced" })
        {
            Assert.DoesNotContain("`CustomerService." + trap + "`", md);
        }
    }

    [Fact]
    public void Without_an_attach_or_an_entry_state_the_matrix_says_nothing_about_them()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Customers.cs", """
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public class CustomerService(ShopContext db)
                {
                    public async Task Add(Customer customer) { db.Customers.Add(customer); await db.SaveChangesAsync(); }
                }
            }
            """)));
        Assert.DoesNotContain("Attach", output.Markdown!);
    }
}

/// <summary><c>context.Entry(x).State = EntityState.Modified</c> (or <c>Added</c>, <c>Deleted</c>) in a method that does
/// not save, as repositories over a unit of work write it (eShop's <c>OrderRepository.Update</c>): the same write as
/// <c>Update(x)</c>, <c>Add(x)</c>, <c>Remove(x)</c>, made by the context's next save. Before, only a state set before a save in
/// the same body was a row, so these repositories' updates were missing from the matrix.</summary>
public class EntryStateTests
{
    private const string Code = """
        using System.Threading.Tasks;
        namespace Shop
        {
            public class Order { public int Id { get; set; } public bool IsDeleted { get; set; } }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            public class Journal { public Journal Entry(Order order) => this; public EntityState State { get; set; } }
            public class OrderRepository(ShopContext context, Journal journal)
            {
                public void Update(Order order) => context.Entry(order).State = EntityState.Modified;
                public void Insert(Order order) { context.Entry(order).State = EntityState.Added; }
                public void Delete(Order order) { context.Entry(order).State = EntityState.Deleted; }
                public async Task Replace(Order order) { context.Entry(order).State = EntityState.Modified; await context.SaveChangesAsync(); }
                // Traps: a state that writes nothing; a look-alike Entry on another type; commented-out code.
                public void Keep(Order order) => context.Entry(order).State = EntityState.Unchanged;
                public void Log(Order order) => journal.Entry(order).State = EntityState.Modified;
                // public void Old(Order order) => context.Entry(order).State = EntityState.Deleted;
            }
            public class Repository<T>(ShopContext context) where T : class
            {
                public void Modify(T entity) => context.Entry(entity).State = EntityState.Modified;
            }
            public class Desk(Repository<Order> orders)
            {
                public void Touch(Order order) => orders.Modify(order);
            }
        }
        """;

    [Fact]
    public void An_entry_state_set_without_a_save_is_the_write_it_stands_for()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var matrix = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n');
        var order = matrix.First(l => l.StartsWith("| `Shop.Order` |", StringComparison.Ordinal)).Split(" | ");
        Assert.Equal("`OrderRepository.Insert` [Shop.cs:18](Shop.cs#L18) (`State = Added`)", order[1]);
        Assert.Equal("`OrderRepository.Update` [Shop.cs:17](Shop.cs#L17) (`State = Modified`)<br>`OrderRepository.Replace` [Shop.cs:20](Shop.cs#L20) (`State = Modified`)"
            + "<br>`Desk.Touch` [Shop.cs:32](Shop.cs#L32) through `Repository.Modify` (`State = Modified`)", order[3]);
        Assert.StartsWith("`OrderRepository.Delete` [Shop.cs:19](Shop.cs#L19) (`State = Deleted`)", order[4]);
        Assert.Contains("\"api\": \"Entry State = Modified, saved by SaveChangesAsync\"", output.Json); // Replace: the save's row, once
        var crud = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["crud"]!.AsArray();
        Assert.Single(crud, r => r!["member"]!.GetValue<string>() == "OrderRepository.Replace");
        foreach (var trap in new[] { "Keep", "Log", "Old" }) Assert.DoesNotContain("`OrderRepository." + trap + "`", md);
        Assert.Contains("\"api\": \"Entry State = Modified\"", output.Json);
    }

    [Fact]
    public void Setting_an_entrys_current_values_is_an_update_of_the_entity()
    {
        // bitwarden's Repository.ReplaceAsync: load, Entry(entity).CurrentValues.SetValues(mapped), save; listed as a read only.
        var output = GeneratorHarness.Run(Sources.With(("Data/Replace.cs", """
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
                public class Replacer(ShopContext db)
                {
                    public async Task Replace(Order changed)
                    {
                        var order = await db.Orders.FindAsync(changed.Id);
                        if (order != null)
                        {
                            db.Entry(order).CurrentValues.SetValues(changed);
                            await db.SaveChangesAsync();
                        }
                    }
                    // dotnet/eShop's Catalog API: the entry in a local.
                    public async Task Copy(Order changed)
                    {
                        var order = await db.Orders.FindAsync(changed.Id);
                        var entry = db.Entry(order!);
                        entry.CurrentValues.SetValues(changed);
                        await db.SaveChangesAsync();
                    }
                }
                // Trap: a project's own Entry(...).CurrentValues.SetValues look-alike.
                public class Values { public void SetValues(object o) { } }
                public class Journal { public Values CurrentValues { get; } = new(); }
                public class Book { public Journal Entry(Order o) => new(); public void Copy(Order o) => Entry(o).CurrentValues.SetValues(o); }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var updates = Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
            .Where(c => c.GetProperty("operation").GetString() == "Update")
            .Select(c => c.GetProperty("entity").GetString() + " | " + c.GetProperty("api").GetString() + " | " + c.GetProperty("member").GetString()).ToArray();
        Assert.Equal(["Shop.Domain.Order | Entry CurrentValues.SetValues | Replacer.Replace", "Shop.Domain.Order | Entry CurrentValues.SetValues | Replacer.Copy"], updates);
        Assert.Contains("`Replacer.Replace` [Data/Replace.cs:18](Data/Replace.cs#L18) (`CurrentValues.SetValues`: the changed columns, by the next save)", output.Markdown);
    }
    [Fact]
    public void An_explicit_interface_implementation_is_named_as_written_without_the_interface_namespace()
    {
        // Squidex: MongoAppRepository's Task IDeleter.DeleteAppAsync(...) was listed as
        // MongoAppRepository.Squidex.Domain.Apps.Entities.IDeleter.DeleteAppAsync.
        var output = GeneratorHarness.Run(Sources.With(("Data/Deleter.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                }
                public interface IDeleter { Task DeleteAppAsync(int id); }
                public sealed class OrderCleaner(ShopContext db) : IDeleter
                {
                    Task IDeleter.DeleteAppAsync(int id) => db.Orders.Where(o => o.CustomerId == id).ExecuteDeleteAsync();
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("`OrderCleaner.IDeleter.DeleteAppAsync`", output.Markdown);
        Assert.DoesNotContain("Shop.Data.IDeleter.DeleteAppAsync", output.All);
    }
}
