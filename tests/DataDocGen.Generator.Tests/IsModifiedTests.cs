using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary><c>Entry(x).Property(p => p.Name).IsModified = true</c> before the same context's save: an update of x's
/// type, whether x was loaded, attached or not tracked (EF Core 10 tracks an untracked x as Modified: checked at run
/// time); nothing for an x the body adds (it stays Added), for <c>false</c>, on another context, or through a look-alike.</summary>
public class IsModifiedTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Order> Orders => Set<Order>();
            }
            public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            public class Flags { public bool IsModified { get; set; } public Flags Property(string name) => this; }
            public class Journal { public Flags Entry(Customer customer) => new(); }

            public class CustomerService(ShopContext db, OtherContext other, Journal journal)
            {
                public async Task Rename(int id, string name)
                {
                    var customer = new Customer { Id = id, Name = name };
                    db.Customers.Attach(customer);
                    db.Entry(customer).Property(c => c.Name).IsModified = true;
                    await db.SaveChangesAsync();
                }

                public async Task Touch(int id)
                {
                    var order = await db.Orders.FindAsync(id);
                    if (order is null) return;
                    var entry = db.Entry(order);
                    entry.Property(nameof(Order.CustomerId)).IsModified = true;
                    await db.SaveChangesAsync();
                }

                // Not tracked before: EF Core tracks it as Modified, and the save writes the column.
                public async Task Untracked(Customer detached) { db.Entry(detached).Property(c => c.Name).IsModified = true; await db.SaveChangesAsync(); }

                // Traps: an added entity (it stays Added: an insert); false; another context's entry; a look-alike
                // Entry/Property/IsModified; code in a comment.
                public async Task Added(Customer fresh) { db.Customers.Add(fresh); db.Entry(fresh).Property(c => c.Name).IsModified = true; await db.SaveChangesAsync(); }

                public async Task Unflag(Customer kept) { db.Attach(kept); db.Entry(kept).Property(c => c.Name).IsModified = false; await db.SaveChangesAsync(); }

                public async Task Elsewhere(Customer foreign) { db.Attach(foreign); other.Entry(foreign).Property(c => c.Name).IsModified = true; await db.SaveChangesAsync(); }

                public async Task LookAlike(Customer listed) { db.Attach(listed); journal.Entry(listed).Property("Name").IsModified = true; await db.SaveChangesAsync(); }

                public async Task Commented(Customer quiet) { db.Attach(quiet); /* db.Entry(quiet).Property(c => c.Name).IsModified = true; */ await db.SaveChangesAsync(); }
            }
        }
        """;

    [Fact]
    public void A_property_marked_modified_on_a_tracked_entity_is_an_update_and_the_traps_are_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Customers.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var matrix = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n');
        var customer = matrix.First(l => l.StartsWith("| `Shop.Domain.Customer` |", StringComparison.Ordinal)).Split(" | ");
        var order = matrix.First(l => l.StartsWith("| `Shop.Domain.Order` |", StringComparison.Ordinal)).Split(" | ");
        Assert.Equal("`CustomerService.Rename` [Data/Customers.cs:28](Data/Customers.cs#L28) after `Attach` (`IsModified = true`)"
            + "<br>`CustomerService.Untracked` [Data/Customers.cs:42](Data/Customers.cs#L42) (`IsModified = true`)", customer[3]);
        Assert.Equal("`CustomerService.Touch` [Data/Customers.cs:37](Data/Customers.cs#L37) (`IsModified = true`)", order[3]);
        Assert.Contains("\"api\": \"Attach, IsModified = true, saved by SaveChangesAsync\"", output.Json);
        Assert.Contains("\"api\": \"IsModified = true, saved by SaveChangesAsync\"", output.Json);
        foreach (var trap in new[] { "Unflag", "Elsewhere", "LookAlike", "Commented" })
        {
            Assert.DoesNotContain("`CustomerService." + trap + "`", md);
        }
    }

    /// <summary>A repository over a unit of work marks the property and saves elsewhere: the update it stands for, as
    /// <c>Entry(x).State = Modified</c> without a save is; not for an entity it adds.</summary>
    [Fact]
    public void A_property_marked_modified_with_no_save_in_the_body_is_the_update_it_stands_for()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Orders.cs", """
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                }
                public class OrderRepository(ShopContext context)
                {
                    public void Reassign(Order order) => context.Entry(order).Property(o => o.CustomerId).IsModified = true;

                    public void Fresh(Order order)
                    {
                        context.Orders.Add(order);
                        context.Entry(order).Property(o => o.CustomerId).IsModified = true; // stays Added: no update
                    }

                    public void Unflag(Order order) => context.Entry(order).Property(o => o.CustomerId).IsModified = false;
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var matrix = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n');
        var order = matrix.First(l => l.StartsWith("| `Shop.Domain.Order` |", StringComparison.Ordinal)).Split(" | ");
        Assert.Equal("`OrderRepository.Reassign` [Data/Orders.cs:15](Data/Orders.cs#L15) (`IsModified = true`)", order[3]);
        Assert.Contains("\"api\": \"IsModified = true\"", output.Json);
        Assert.DoesNotContain("`OrderRepository.Unflag`", md);
    }

    /// <summary>Ombi's repositories mark properties on the entry <c>Attach</c> returns (<c>var attached =
    /// Db.MovieRequests.Attach(request); attached.Property(x =&gt; x.Available).IsModified = true;</c>), with a save after it or
    /// for a unit of work's: an update, as after <c>Attach(x); Entry(x)...</c>. Not for an object created without its key
    /// (Attach adds it: an insert), one the body adds, <c>false</c>, another context's attach, or a look-alike.</summary>
    [Fact]
    public void A_property_marked_modified_on_the_entry_Attach_returns_is_an_update_and_the_traps_are_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Requests.cs", """
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                }
                public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public class Flags { public bool IsModified { get; set; } public Flags Property(string name) => this; }
                public class Journal { public Flags Attach(Customer customer) => new(); }

                public class RequestRepository(ShopContext db, OtherContext other, Journal journal)
                {
                    public async Task MarkAvailable(int id)
                    {
                        var request = new Order { Id = id, CustomerId = 1 };
                        var attached = db.Orders.Attach(request);
                        attached.Property(x => x.CustomerId).IsModified = true;
                        await db.SaveChangesAsync();
                    }

                    public async Task Rename(Customer customer)
                    {
                        db.Attach(customer).Property(c => c.Name).IsModified = true;
                        await db.SaveChangesAsync();
                    }

                    // A unit of work saves later: the update it stands for.
                    public void Reassign(Order order) => db.Set<Order>().Attach(order).Property(o => o.CustomerId).IsModified = true;

                    // Traps: created without its key (Attach adds it); added first; false; another context's attach
                    // saved by db; a look-alike Attach.
                    public async Task Keyless()
                    {
                        var fresh = new Customer { Name = "new" };
                        db.Attach(fresh).Property(c => c.Name).IsModified = true;
                        await db.SaveChangesAsync();
                    }

                    public async Task Added(Customer added)
                    {
                        db.Customers.Add(added);
                        db.Customers.Attach(added).Property(c => c.Name).IsModified = true;
                        await db.SaveChangesAsync();
                    }

                    public async Task Unflag(Customer kept) { db.Attach(kept).Property(c => c.Name).IsModified = false; await db.SaveChangesAsync(); }

                    public async Task Elsewhere(Customer foreign) { other.Customers.Attach(foreign).Property(c => c.Name).IsModified = true; await db.SaveChangesAsync(); }

                    public async Task LookAlike(Customer listed) { journal.Attach(listed).Property("Name").IsModified = true; await db.SaveChangesAsync(); }
                }

                // A DbSet held apart from its context: its context's next save writes the column.
                public class OrderStore(DbSet<Order> orders)
                {
                    public void Touch(Order order) => orders.Attach(order).Property(o => o.CustomerId).IsModified = true;
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var matrix = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n');
        var customer = matrix.First(l => l.StartsWith("| `Shop.Domain.Customer` |", StringComparison.Ordinal)).Split(" | ");
        var order = matrix.First(l => l.StartsWith("| `Shop.Domain.Order` |", StringComparison.Ordinal)).Split(" | ");
        Assert.Equal("`RequestRepository.MarkAvailable` [Data/Requests.cs:28](Data/Requests.cs#L28) after `Attach` (`IsModified = true`)"
            + "<br>`RequestRepository.Reassign` [Data/Requests.cs:39](Data/Requests.cs#L39) after `Attach` (`IsModified = true`)"
            + "<br>`OrderStore.Touch` [Data/Requests.cs:67](Data/Requests.cs#L67) after `Attach` (`IsModified = true`)", order[3]);
        Assert.Equal("`RequestRepository.Rename` [Data/Requests.cs:34](Data/Requests.cs#L34) after `Attach` (`IsModified = true`)", customer[3]);
        Assert.Contains("\"api\": \"Attach, IsModified = true, saved by SaveChangesAsync\"", output.Json);
        Assert.Contains("\"api\": \"Attach, IsModified = true\"", output.Json);
    }
}
