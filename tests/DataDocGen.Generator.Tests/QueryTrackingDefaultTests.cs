using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Context-wide tracking defaults (2.4): <c>ChangeTracker.QueryTrackingBehavior</c> set on an instance
/// (eShopOnContainers' CatalogController) and <c>UseQueryTrackingBehavior</c> on the options; a property set on an entity
/// loaded through an instance whose queries are untracked is no tracked update.</summary>
public class QueryTrackingDefaultTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            public class ReportContext(DbContextOptions<ReportContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            public class AuditContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnConfiguring(DbContextOptionsBuilder o) =>
                    o.UseSqlite("Data Source=audit.db").UseQueryTrackingBehavior(QueryTrackingBehavior.NoTrackingWithIdentityResolution);
            }
            public static class Setup
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddDbContext<CatalogContext>(o => o.UseSqlite("Data Source=catalog.db"));
                    services.AddDbContext<ReportContext>(o => o.UseSqlite("Data Source=reports.db").UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
                }
            }

            // As eShopOnContainers' CatalogController: the constructor turns tracking off on the context it keeps.
            public class CatalogController
            {
                private readonly CatalogContext _catalogContext;
                public CatalogController(CatalogContext context)
                {
                    _catalogContext = context ?? throw new ArgumentNullException(nameof(context));
                    ((DbContext)context).ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
                }
                // Untracked: the property set is written by nothing.
                public async Task Rename(int id, string name)
                {
                    var customer = await _catalogContext.Customers.SingleOrDefaultAsync(c => c.Id == id);
                    customer!.Name = name;
                    await _catalogContext.SaveChangesAsync();
                }
                // AsTracking() and Find track whatever the default.
                public async Task RenameTracked(int id, string name)
                {
                    var customer = await _catalogContext.Customers.AsTracking().SingleAsync(c => c.Id == id);
                    customer.Name = name;
                    await _catalogContext.SaveChangesAsync();
                }
                public async Task RenameFound(int id, string name)
                {
                    var customer = await _catalogContext.Customers.FindAsync(id);
                    customer!.Name = name;
                    await _catalogContext.SaveChangesAsync();
                }
                // Set in place on a query's result: untracked by the default, tracked with AsTracking().
                public async Task RenameInPlace(int id, string name)
                {
                    _catalogContext.Customers.First(c => c.Id == id).Name = name;
                    await _catalogContext.SaveChangesAsync();
                }
                public async Task RenameInPlaceTracked(int id, string name)
                {
                    _catalogContext.Customers.AsTracking().First(c => c.Id == id).Name = name;
                    await _catalogContext.SaveChangesAsync();
                }
            }

            // The options of ReportContext and AuditContext turn tracking off: a plain query's entity is not tracked.
            public class ReportService(ReportContext reports, AuditContext audit)
            {
                public async Task Close(int id)
                {
                    var order = await reports.Orders.FirstAsync(o => o.Id == id);
                    order.CustomerId = 0;
                    await reports.SaveChangesAsync();
                }
                public async Task CloseFound(int id)
                {
                    var order = await reports.Orders.FindAsync(id);
                    order!.CustomerId = 0;
                    await reports.SaveChangesAsync();
                }
                public void Audit(int id)
                {
                    var order = audit.Orders.First(o => o.Id == id);
                    order.CustomerId = 0;
                    audit.SaveChanges();
                }
            }

            // Negative: the same code with the default untouched is a tracked update.
            public class TrackingController(CatalogContext db)
            {
                public async Task Rename(int id, string name)
                {
                    var customer = await db.Customers.SingleAsync(c => c.Id == id);
                    customer.Name = name;
                    await db.SaveChangesAsync();
                }
            }

            // Traps: a look-alike change tracker and options builder of the project's own.
            public enum QueryMode { NoTracking }
            public class Tracker { public QueryMode QueryTrackingBehavior { get; set; } }
            public class FakeContext { public Tracker ChangeTracker { get; } = new(); }
            public class FakeBuilder { public FakeBuilder UseQueryTrackingBehavior(QueryMode mode) => this; }
            public class Fakes
            {
                public void Set(FakeContext fake, FakeBuilder builder)
                {
                    fake.ChangeTracker.QueryTrackingBehavior = QueryMode.NoTracking;
                    builder.UseQueryTrackingBehavior(QueryMode.NoTracking);
                }
            }
        }
        """;

    private static GeneratorOutput Run() => GeneratorHarness.Run(Sources.With(("Data/Catalog.cs", Code)));

    [Fact]
    public void A_context_wide_no_tracking_default_is_listed_with_its_context()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `CatalogController.ctor` | No tracking by default (this context instance) | queries made through this instance of `Shop.Data.CatalogContext` | `ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking` | [Data/Catalog.cs:", md);
        Assert.Contains("| `Setup.Add` | No tracking by default (context options) | every query of `Shop.Data.ReportContext` | `UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)` | [Data/Catalog.cs:", md);
        Assert.Contains("| `AuditContext.OnConfiguring` | No tracking with identity resolution by default (context options) | every query of `Shop.Data.AuditContext` | `UseQueryTrackingBehavior(QueryTrackingBehavior.NoTrackingWithIdentityResolution)` | [Data/Catalog.cs:", md);
        var shapes = Json.Parse(output.Json).GetProperty("queryShapes").EnumerateArray().Where(s => s.GetProperty("kind").GetString()!.Contains("by default", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Shop.Data.AuditContext", "Shop.Data.ReportContext", "Shop.Data.CatalogContext"], shapes.Select(s => s.GetProperty("context").GetString()!).ToArray());
        // Already listed in 1.1 as the context's option.
        Assert.Contains("| Context option | `UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)` |", md);
        // The look-alikes make no row.
        Assert.DoesNotContain("`Fakes.Set`", md);
    }

    [Fact]
    public void A_property_set_on_an_entity_loaded_through_an_untracked_instance_is_no_update()
    {
        var updates = Json.Parse(Run().Json).GetProperty("crud").EnumerateArray()
            .Where(c => c.GetProperty("operation").GetString() == "Update")
            .Select(c => c.GetProperty("member").GetString() + " | " + c.GetProperty("api").GetString()).ToArray();
        Assert.Equal(
            [
                "CatalogController.RenameTracked | property set, saved by SaveChangesAsync",
                "CatalogController.RenameFound | property set, saved by SaveChangesAsync",
                "CatalogController.RenameInPlaceTracked | property set, saved by SaveChangesAsync",
                "TrackingController.Rename | property set, saved by SaveChangesAsync",
                "ReportService.CloseFound | property set, saved by SaveChangesAsync",
            ], updates);
    }

    [Fact]
    public void A_host_whose_registration_turns_tracking_off_drops_the_tracked_updates_of_the_project_declaring_the_context()
    {
        var library = GeneratorHarness.Run(Sources.With(("Data/Orders.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class OrdersContext(DbContextOptions<OrdersContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                }
                public class OrderService(OrdersContext db)
                {
                    public async Task Close(int id)
                    {
                        var order = await db.Orders.FirstAsync(o => o.Id == id);
                        order.CustomerId = 0;
                        await db.SaveChangesAsync();
                    }
                }
            }
            """)), projectDir: "/src/Infrastructure/", assemblyName: "Infrastructure");
        // Without the host's options the update is claimed.
        Assert.Contains("| `OrderService.Close` [Data/Orders.cs:19](Data/Orders.cs#L19) | `OrderService.Close` [Data/Orders.cs:20](Data/Orders.cs#L20) |", library.Markdown);
        using var stream = new MemoryStream();
        Assert.True(library.Compilation.Emit(stream).Success);
        var host = GeneratorHarness.Run(Sources.With(("Startup.cs", """
            public static class Startup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddDbContext<Shop.Data.OrdersContext>(o => o.UseSqlite("Data Source=x").UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
            }
            """)), new Dictionary<string, string> { ["/src/Infrastructure/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = library.Fragment! },
            extraReferences: [Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(stream.ToArray())], projectDir: "/src/Web/", assemblyName: "Web");
        Assert.Contains("| `OrderService.Close` [../Infrastructure/Data/Orders.cs:19](../Infrastructure/Data/Orders.cs#L19) |  |", host.Markdown); // the read stays
        Assert.DoesNotContain("Data/Orders.cs:20", host.Markdown);
        Assert.DoesNotContain("\"Update\"", host.Json);
    }
}
