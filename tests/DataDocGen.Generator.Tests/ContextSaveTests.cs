using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>
/// What counts as a context's save (<c>SaveChanges[Async]</c>) in seeding conditions, transaction contents and tracked
/// updates: a call of the project context's override of it (the Kavita audit: a seeder's unconditional saves were not
/// writes once the context overrode <c>SaveChangesAsync</c>, and the seeder read as "writes only if"), a bare
/// <c>SaveChanges()</c>/<c>this.</c>/<c>base.</c> inside the context itself (the Ombi audit: missing from a transaction
/// begun in the context's own method), and an entity loaded with DbContext's generic <c>Find[Async]&lt;T&gt;</c> (the
/// BTCPay audit: its tracked update was missing).
/// </summary>
public class ContextSaveTests
{
    private const string SeederCode = """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
                public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => base.SaveChangesAsync(cancellationToken);
            }

            public class Journal { public Task<int> SaveChangesAsync() => Task.FromResult(0); }

            // Trap: a look-alike unit of work of the project's own (no DbContext) saving outside the condition is no write.
            public static class GuardedSeed
            {
                public static async Task SeedCustomers(ShopContext context, Journal journal)
                {
                    if (!context.Customers.Any())
                    {
                        context.Customers.Add(new Customer { Name = "First" });
                        await context.SaveChangesAsync();
                    }
                    await journal.SaveChangesAsync(); // "SaveChangesAsync" in a comment is nothing either
                }
            }

            public static class Seed
            {
                public static Customer[] Defaults = [];
                public static async Task SeedCustomers(ShopContext context)
                {
                    foreach (var customer in Defaults)
                    {
                        var existing = context.Customers.FirstOrDefault(c => c.Id == customer.Id);
                        if (existing == null)
                        {
                            await context.Customers.AddAsync(customer);
                        }
                    }
                    await context.SaveChangesAsync();

                    context.Customers.First(c => c.Id == 1).Name = "Admin";
                    await context.SaveChangesAsync();
                }
            }
        }
        """;

    private static string SeedingRow(string markdown, string seeder) =>
        markdown.Split('\n').First(l => l.StartsWith("| seeder class | `" + seeder + "` |", StringComparison.Ordinal));

    [Fact]
    public void A_call_of_the_contexts_SaveChanges_override_is_a_write_of_the_seeder()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Seed.cs", SeederCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var row = SeedingRow(output.Markdown!, "Shop.Data.Seed");
        // The saves run whatever the condition (the second writes the name set on a loaded customer): not "writes only if".
        Assert.Contains("| some writes only under a condition: `existing == null` |", row);
        Assert.DoesNotContain("writes only if", row);
        Assert.Contains("| writes only if `!context.Customers.Any()` |", SeedingRow(output.Markdown!, "Shop.Data.GuardedSeed"));
    }

    [Fact]
    public void An_override_that_does_not_call_base_is_still_a_save_to_its_callers()
    {
        // The caller cannot tell what the override does: it calls the context's save, and the override's own code is a
        // save hook (section 2.1). Counting it as a write only withholds a condition; not counting it would claim one.
        var code = SeederCode.Replace("=> base.SaveChangesAsync(cancellationToken);", "=> Task.FromResult(0);");
        var output = GeneratorHarness.Run(Sources.With(("Data/Seed.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| some writes only under a condition: `existing == null` |", SeedingRow(output.Markdown!, "Shop.Data.Seed"));
    }

    private static string[] Transactions(string? json) =>
        Json.Parse(json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | "
                         + string.Join("; ", t.GetProperty("operations").EnumerateArray().Select(o => o.GetString())))
            .ToArray();

    [Fact]
    public void A_bare_SaveChanges_inside_the_context_is_listed_in_its_transaction()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            using System.Threading.Tasks;
            using System.Transactions;
            using Shop.Domain;
            namespace Shop.Data
            {
                // Ombi's shape: the context seeds in its own method, with DbContext's SaveChanges (no override).
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();

                    public void SeedBare()
                    {
                        var tran = Database.BeginTransaction();
                        Customers.AddRange(new Customer { Name = "A" }, new Customer { Name = "B" });
                        SaveChanges();
                        tran.Commit();
                    }

                    public async Task SeedThis()
                    {
                        await using var tran = await Database.BeginTransactionAsync();
                        Customers.Add(new Customer { Name = "C" });
                        await this.SaveChangesAsync();
                        await tran.CommitAsync();
                    }
                }

                // A context overriding SaveChanges: its bare call is the override, base. inside it DbContext's own.
                public class AuditContext(DbContextOptions<AuditContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();

                    public void Seed(ShopContext shop)
                    {
                        using var scope = new TransactionScope();
                        Orders.Add(new Order());
                        SaveChanges();
                        shop.SaveChanges();
                        scope.Complete();
                    }

                    public override int SaveChanges()
                    {
                        using var tran = Database.BeginTransaction();
                        var written = base.SaveChanges();
                        tran.Commit();
                        return written;
                    }
                }

                // Trap: a class of the project's own with a SaveChanges method, called bare inside a transaction: named as
                // a call of the project's method, not the context's save.
                public class Importer(ShopContext db)
                {
                    public void Import()
                    {
                        using var tran = db.Database.BeginTransaction();
                        db.Customers.Add(new Customer { Name = "A" });
                        SaveChanges();
                        tran.Commit();
                    }
                    public int SaveChanges() => 0;
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
            """
            ShopContext.SeedBare | EF Core transaction | AddRange Shop.Domain.Customer; SaveChanges; Commit
            ShopContext.SeedThis | EF Core transaction | Add Shop.Domain.Customer; SaveChangesAsync; CommitAsync
            AuditContext.Seed | TransactionScope | Add Shop.Domain.Order; SaveChanges; SaveChanges; Complete
            AuditContext.SaveChanges | EF Core transaction | SaveChanges; Commit
            Importer.Import | EF Core transaction | Add Shop.Domain.Customer; Importer.SaveChanges; Commit
            """, string.Join("\n", Transactions(output.Json)));
        // The scope's bare save is the enclosing context's: two contexts enlist.
        Assert.Contains("data sources used directly inside: `AuditContext` (EF Core), `ShopContext` (EF Core)", output.Markdown);
    }

    private static string[] Updates(string? json) =>
        Json.Parse(json).GetProperty("crud").EnumerateArray()
            .Where(c => c.GetProperty("operation").GetString() == "Update")
            .Select(c => c.GetProperty("member").GetString() + " | " + c.GetProperty("entity").GetString() + " | " + c.GetProperty("api").GetString())
            .ToArray();

    [Fact]
    public void A_property_set_inside_the_context_saved_by_its_own_SaveChanges_is_an_update()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();

                    public void RenameBare(int id)
                    {
                        var customer = Customers.First(c => c.Id == id);
                        customer.Name = "bare";
                        SaveChanges();
                    }

                    public async Task RenameThis(int id)
                    {
                        var customer = await this.Customers.FirstAsync(c => c.Id == id);
                        customer.Name = "this";
                        await this.SaveChangesAsync();
                    }

                    public async Task MoveThroughSet(int id)
                    {
                        var order = await Set<Order>().FirstAsync(o => o.Id == id);
                        order.CustomerId = 2;
                        await SaveChangesAsync();
                    }

                    public void Replace(Customer customer)
                    {
                        this.Entry(customer).State = EntityState.Modified;
                        SaveChanges();
                    }

                    public void Rename(Customer customer)
                    {
                        this.Attach(customer);
                        customer.Name = "attached";
                        SaveChanges();
                    }

                    public async Task MoveFound(int id)
                    {
                        var order = await FindAsync<Order>(id);
                        order!.CustomerId = 3;
                        await base.SaveChangesAsync();
                    }

                    // Trap: loaded through another context, saved by this one: the other one's change is not written here.
                    public void RenameOther(ShopContext other, int id)
                    {
                        var customer = other.Customers.First(c => c.Id == id);
                        customer.Name = "other";
                        SaveChanges();
                    }

                    // Trap: not tracked.
                    public void RenameUntracked(int id)
                    {
                        var customer = Customers.AsNoTracking().First(c => c.Id == id);
                        customer.Name = "untracked";
                        SaveChanges();
                    }
                }

                // Trap: the class loads through a context, but its bare SaveChanges() is its own method, not the context's save.
                public class Renamer(ShopContext db)
                {
                    public void Rename(int id)
                    {
                        var customer = db.Customers.First(c => c.Id == id);
                        customer.Name = "x";
                        SaveChanges();
                    }
                    private void SaveChanges() { }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
            [
                "ShopContext.RenameBare | Shop.Domain.Customer | property set, saved by SaveChanges",
                "ShopContext.RenameThis | Shop.Domain.Customer | property set, saved by SaveChangesAsync",
                "ShopContext.Replace | Shop.Domain.Customer | Entry State = Modified, saved by SaveChanges",
                "ShopContext.Rename | Shop.Domain.Customer | Attach, property set, saved by SaveChanges",
                "ShopContext.MoveThroughSet | Shop.Domain.Order | property set, saved by SaveChangesAsync",
                "ShopContext.MoveFound | Shop.Domain.Order | property set, saved by SaveChangesAsync",
            ], Updates(output.Json));
    }

    [Fact]
    public void An_entity_loaded_with_the_contexts_generic_Find_and_changed_is_an_update()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Archive.cs", """
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    // Trap: a Find of the project's own, hiding DbContext's (it may return anything, tracked or not).
                    public new ValueTask<T?> FindAsync<T>(params object?[]? keys) where T : class => ValueTask.FromResult<T?>(null);
                }
                public class Archive(ShopContext db, OtherContext other)
                {
                    public async Task Rename(int id)
                    {
                        var customer = await db.FindAsync<Customer>(id);
                        customer!.Name = "archived";
                        await db.SaveChangesAsync();
                    }
                    public void RenameSync(int id)
                    {
                        var customer = db.Find<Customer>(id);
                        customer!.Name = "archived";
                        db.SaveChanges();
                    }
                    // Trap: found by one context, saved by another.
                    public async Task Crossed(int id, ShopContext second)
                    {
                        var customer = await db.FindAsync<Customer>(id);
                        customer!.Name = "crossed";
                        await second.SaveChangesAsync();
                    }
                    public async Task OwnFind(int id)
                    {
                        var customer = await other.FindAsync<Customer>(id);
                        customer!.Name = "own";
                        await other.SaveChangesAsync();
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
            [
                "Archive.Rename | Shop.Domain.Customer | property set, saved by SaveChangesAsync",
                "Archive.RenameSync | Shop.Domain.Customer | property set, saved by SaveChanges",
            ], Updates(output.Json));
    }
}
