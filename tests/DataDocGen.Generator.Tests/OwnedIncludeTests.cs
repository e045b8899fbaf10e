using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.4: an <c>Include</c> of an owned type's navigation loads nothing more (EF Core loads owned types with
/// their owner). eShopOnContainers' <c>_context.Orders.Include(x =&gt; x.Address)</c>, Address being <c>OwnsOne</c>'d, was
/// listed as "Eager loading `Address`".</summary>
public class OwnedIncludeTests
{
    private const string NoEffect = "Eager loading (no effect: an owned type, loaded with its owner anyway)";

    private const string Domain = """
        using System.ComponentModel.DataAnnotations.Schema;
        namespace Ordering
        {
            public class Region { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Geo { public double Lat { get; set; } public double Lng { get; set; } }
            public class Address
            {
                public string Street { get; set; } = "";
                public Geo Geo { get; set; } = new();
                public int RegionId { get; set; }
                public Region Region { get; set; } = null!;
            }
            public class Line { public int Quantity { get; set; } }
            [Owned] public class Contact { public string Email { get; set; } = ""; }
            public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Order
            {
                public int Id { get; set; }
                public Address Address { get; set; } = new();
                public List<Line> Lines { get; set; } = new();
                public Contact Contact { get; set; } = new();
                public int CustomerId { get; set; }
                public Customer Customer { get; set; } = null!;
            }
            public class SpecialOrder : Order { public int Priority { get; set; } }
        }
        """;

    private const string Reads = """
        using System.Linq;
        using System.Threading.Tasks;
        namespace Ordering
        {
            public class Reads(OrderingContext db)
            {
                public Task<Order?> WithAddress(int id) => db.Orders.Include(x => x.Address).FirstOrDefaultAsync(o => o.Id == id);
                public object WithLines() => db.Orders.Include(o => o.Lines).ToList();
                public object WithContact() => db.Orders.Include("Contact").ToList();
                public object WithGeo() => db.Orders.Include(o => o.Address).ThenInclude(a => a.Geo).ToList();
                public object Derived() => db.Specials.Include(o => o.Address).ToList();
                // Loads something: a navigation to an entity, or a path through an owned type to one.
                public object WithCustomer() => db.Orders.Include(o => o.Customer).ToList();
                public object WithRegion() => db.Orders.Include(o => o.Address).ThenInclude(a => a.Region).ToList();
                public object WithRegionPath() => db.Orders.Include("Address.Region").ToList();
            }
        }
        """;

    [Fact]
    public void An_include_of_an_owned_navigation_says_it_has_no_effect_and_other_includes_stay_eager_loading()
    {
        var output = GeneratorHarness.Run(Sources.With(("Ordering/Domain.cs", Domain), ("Ordering/Reads.cs", Reads), ("Ordering/Context.cs", """
            namespace Ordering
            {
                public class OrderingContext : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<SpecialOrder> Specials => Set<SpecialOrder>();
                    public DbSet<Region> Regions => Set<Region>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Order>().OwnsOne(o => o.Address, a => a.OwnsOne(x => x.Geo));
                        modelBuilder.Entity<Order>().OwnsMany(o => o.Lines);
                    }
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Reads.WithAddress` | " + NoEffect + " | `Ordering.Order` | `Address` |", md);
        Assert.Contains("| `Reads.WithLines` | " + NoEffect + " | `Ordering.Order` | `Lines` |", md);
        Assert.Contains("| `Reads.WithContact` | " + NoEffect + " | `Ordering.Order` | `Contact` |", md);
        Assert.Contains("| `Reads.WithGeo` | " + NoEffect + " | `Ordering.Order` | `Address.Geo` |", md);
        // OwnsOne on the base type owns the derived type's navigation too.
        Assert.Contains("| `Reads.Derived` | " + NoEffect + " | `Ordering.SpecialOrder` | `Address` |", md);
        Assert.Contains("| `Reads.WithCustomer` | Eager loading | `Ordering.Order` | `Customer` |", md);
        Assert.Contains("| `Reads.WithRegion` | Eager loading | `Ordering.Order` | `Address.Region` |", md);
        Assert.Contains("| `Reads.WithRegionPath` | Eager loading | `Ordering.Order` | `Address.Region` |", md);
        Assert.Contains("\"kind\": \"" + NoEffect + "\"", output.Json);
    }

    [Fact]
    public void An_owned_navigation_is_known_when_the_rest_of_the_schema_is_withheld()
    {
        // eShopOnContainers' OrderEntityTypeConfiguration: configuration DataDocGen does not evaluate (there, a shadow key
        // property with UseHiLo on the owned type's builder; here, a keyless type reached through Lines) withholds the
        // schema, but OwnsOne still says Address is owned.
        var output = GeneratorHarness.Run(Sources.With(("Ordering/Domain.cs", Domain), ("Ordering/Reads.cs", Reads), ("Ordering/Context.cs", """
            namespace Ordering
            {
                public class OrderingContext : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<SpecialOrder> Specials => Set<SpecialOrder>();
                    public DbSet<Region> Regions => Set<Region>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Order>().OwnsOne(o => o.Address, a => a.WithOwner());
                    }
                }
            }
            """)));

        var md = output.Markdown!;
        Assert.Contains("Table names are not shown for this context because:", md);
        Assert.Contains("| `Reads.WithAddress` | " + NoEffect + " | `Ordering.Order` | `Address` |", md);
        Assert.Contains("| `Reads.WithContact` | " + NoEffect + " | `Ordering.Order` | `Contact` |", md);
        // Lines and Geo are not configured as owned here: the includes stay as they were.
        Assert.Contains("| `Reads.WithLines` | Eager loading | `Ordering.Order` | `Lines` |", md);
        Assert.Contains("| `Reads.WithGeo` | Eager loading | `Ordering.Order` | `Address.Geo` |", md);
    }

    [Fact]
    public void An_include_stays_eager_loading_where_a_context_maps_the_navigation_otherwise_or_no_context_knows_the_entity()
    {
        // Two contexts map Order: one owns Address, the other maps it as an entity of its own (Address has a key there).
        // The query does not say which context it runs through.
        var output = GeneratorHarness.Run(Sources.With(("Ordering/Model.cs", """
            using System.Linq;
            namespace Ordering
            {
                public class Address { public int Id { get; set; } public string Street { get; set; } = ""; }
                public class Order { public int Id { get; set; } public Address Address { get; set; } = new(); }
                public class Unmapped { public int Id { get; set; } public Address Address { get; set; } = new(); }
                public class OwningContext : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().OwnsOne(o => o.Address);
                }
                public class PlainContext : DbContext { public DbSet<Order> Orders => Set<Order>(); public DbSet<Address> Addresses => Set<Address>(); }
                public class Reads(OwningContext db, IQueryable<Unmapped> unmapped)
                {
                    public object Orders() => db.Orders.Include(o => o.Address).ToList();
                    public object Others() => unmapped.Include(o => o.Address).ToList();
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Reads.Orders` | Eager loading | `Ordering.Order` | `Address` |", md);
        Assert.Contains("| `Reads.Others` | Eager loading | `Ordering.Unmapped` | `Address` |", md);
        Assert.DoesNotContain("no effect", md);
    }
}
