using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Fidelity;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>The whole-solution report: a project's fragment round-trips, and a host project merges the fragments of
/// the projects it references, each fact keeping its own file (linked relative to the host's report).</summary>
public class ReportFragmentTests
{
    [Fact]
    public void A_fragment_reads_back_into_the_same_report()
    {
        var (source, _) = Models.All.Single(m => m.Key.StartsWith("marketplace", StringComparison.Ordinal)).Value;
        var output = GeneratorHarness.Run(Sources.With(("Model.cs", source.Replace("b.USE_PROVIDER", "b.UseSqlServer(\"Server=.\")"))));
        Assert.NotNull(output.Fragment);

        var report = ReportFragment.Read(output.Fragment!);
        Assert.NotNull(report);
        Assert.Equal(output.Fragment, ReportFragment.Write(report!));
        Assert.Equal(output.Markdown, MarkdownEmitter.Emit(report!, new RelativePath(GeneratorHarness.ProjectDir)));
        Assert.Null(ReportFragment.Read("{ \"fragmentVersion\": \"0\", \"report\": {} }"));
        Assert.Null(ReportFragment.Read("not json"));
    }

    [Fact]
    public void Background_jobs_with_their_implementation_and_cache_miss_steps_read_back()
    {
        var output = GeneratorHarness.Run(Sources.With(("Jobs.cs", """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Memory;
            namespace Shop.Jobs
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public interface IReportJob { Task<List<Shop.Domain.Order>?> RunAsync(); }
                public sealed class ReportJob(ShopContext db, IMemoryCache cache) : IReportJob
                {
                    public Task<List<Shop.Domain.Order>?> RunAsync() => cache.GetOrCreateAsync("orders", entry =>
                    {
                        return db.Orders.ToListAsync();
                    });
                }
                public static class Schedules
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddScoped<IReportJob, ReportJob>();
                        Hangfire.RecurringJob.AddOrUpdate<IReportJob>("reports", j => j.RunAsync(), Hangfire.Cron.Daily);
                    }
                }
            }
            """)));
        Assert.Contains("(on a cache miss)", output.Markdown);
        Assert.Contains("implemented by `ReportJob.RunAsync`", output.Markdown);

        var report = ReportFragment.Read(output.Fragment!);
        Assert.NotNull(report);
        Assert.Equal(output.Fragment, ReportFragment.Write(report!));
        Assert.Equal(output.Markdown, MarkdownEmitter.Emit(report!, new RelativePath(GeneratorHarness.ProjectDir)));
    }

    [Fact]
    public void Hand_written_orchestrations_with_their_steps_and_compensations_read_back()
    {
        var output = GeneratorHarness.Run(Sources.With(("Orders.cs", """
            using System.Threading.Tasks;
            namespace Shop.Orders
            {
                public class Reservation { public int Id { get; set; } public int OrderId { get; set; } }
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    public DbSet<Reservation> Reservations => Set<Reservation>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public class Checkout(ShopContext db)
                {
                    public async Task PlaceAsync(Shop.Domain.Order order)
                    {
                        var undo = new Stack<Func<Task>>();
                        try
                        {
                            db.Orders.Add(order);
                            undo.Push(() => db.Orders.Where(o => o.Id == order.Id).ExecuteDeleteAsync());
                            db.Reservations.Add(new Reservation { OrderId = order.Id });
                            await db.SaveChangesAsync();
                        }
                        catch
                        {
                            while (undo.Count > 0) await undo.Pop()();
                            throw;
                        }
                    }
                }
            }
            """)));
        Assert.Contains("#### Hand-written orchestrations", output.Markdown);
        Assert.Contains("(pairs with step 1: deletes the entity type step 1 creates)", output.Markdown);

        var report = ReportFragment.Read(output.Fragment!);
        Assert.NotNull(report);
        Assert.Single(report!.Orchestrations);
        Assert.Equal(output.Fragment, ReportFragment.Write(report));
        Assert.Equal(output.Markdown, MarkdownEmitter.Emit(report, new RelativePath(GeneratorHarness.ProjectDir)));
        Assert.Equal(output.Json, JsonEmitter.Emit(report, new RelativePath(GeneratorHarness.ProjectDir)));
    }

    private const string Infrastructure = """
        using System.Threading.Tasks;
        namespace Shop.Data
        {
            public class Order { public int Id { get; set; } public string Number { get; set; } = ""; }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            public interface IOrderRepository { Task<Order?> Find(int id); }
            public class OrderRepository(ShopContext db) : IOrderRepository
            {
                public Task<Order?> Find(int id) => db.Orders.FirstOrDefaultAsync(o => o.Id == id);
            }
        }
        """;

    private const string Host = """
        namespace Shop.Web
        {
            public static class Startup
            {
                public static void Add(IServiceCollection services, IConfiguration config)
                {
                    services.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlServer(config.GetConnectionString("Shop")));
                    services.AddScoped<Shop.Data.IOrderRepository, Shop.Data.OrderRepository>();
                }
            }
        }
        """;

    [Fact]
    public void A_host_merges_the_fragments_of_its_references_with_links_to_their_files()
    {
        var infrastructure = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Infrastructure)), projectDir: "/src/Infrastructure/", assemblyName: "Infrastructure");
        Assert.NotNull(infrastructure.Fragment);
        var reference = MetadataReference.CreateFromImage(Emit(infrastructure.Compilation));

        var host = GeneratorHarness.Run(Sources.With(("Startup.cs", Host)), new Dictionary<string, string>
        {
            ["appsettings.json"] = """{ "ConnectionStrings": { "Shop": "Server=db;Database=Shop;Password=Host-Secret" } }""",
            ["/src/Infrastructure/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = infrastructure.Fragment!,
        }, extraReferences: [reference], projectDir: "/src/Web/", assemblyName: "Web");

        var md = host.Markdown!;
        // One context: declared in Infrastructure (its model, linked there), registered in the host (linked here).
        Assert.Equal(2, md.Split('\n').Count(l => l == "#### ShopContext")); // 1.1 and 1.2, once each
        Assert.Contains("EF Core DbContext `Shop.Data.ShopContext`, declared at [../Infrastructure/Data/Shop.cs:10](../Infrastructure/Data/Shop.cs#L10).", md);
        Assert.Contains("| Registration | `AddDbContext<ShopContext>`, lifetime Scoped | [Startup.cs:", md);
        Assert.Contains("| Provider | SQL Server: `UseSqlServer` in the `AddDbContext` registration | [Startup.cs:", md);
        Assert.Contains("| `ConnectionStrings:Shop` | all (base file) | `Server=db;Database=Shop;Password=***` | [appsettings.json:1](appsettings.json#L1) |", md);
        Assert.Contains("##### Table `Orders`", md);
        Assert.DoesNotContain("cannot be read from this project", md);
        // The repository is Infrastructure's, its registration the host's.
        Assert.Contains("| `Shop.Data.OrderRepository` | repository | `IOrderRepository` | `Shop.Data.Order` | ShopContext (EF Core) | no | `AddScoped<IOrderRepository, OrderRepository>` (scoped) [Startup.cs:13](Startup.cs#L13) | [../Infrastructure/Data/Shop.cs:15](../Infrastructure/Data/Shop.cs#L15) |", md);
        Assert.Contains("| `Shop.Data.Order` |  | `OrderRepository.Find` [../Infrastructure/Data/Shop.cs:", md);
        Assert.DoesNotContain("Host-Secret", host.All);
        // The host's own fragment holds only its own facts: no Infrastructure file is named in it.
        Assert.DoesNotContain("/src/Infrastructure/Data/Shop.cs", host.Fragment);
    }

    /// <summary>A context declared in a library with no provider: the library cannot state store types or SQL Server's
    /// filter on unique nullable indexes; the host that registers it with a provider states them, as EF would map them.</summary>
    [Fact]
    public void A_host_that_chooses_the_provider_states_the_store_types_of_a_context_declared_without_one()
    {
        const string library = """
            namespace Shop.Data
            {
                [Index(nameof(Code), IsUnique = true)]
                public class Order { public int Id { get; set; } [System.ComponentModel.DataAnnotations.MaxLength(20)] public string Number { get; set; } = ""; public string? Code { get; set; } }
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                }
            }
            """;
        var infrastructure = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", library)), projectDir: "/src/Infrastructure/", assemblyName: "Infrastructure");
        Assert.Contains("| `Number` | `System.String` |  | no | 20 |", infrastructure.Markdown);
        Assert.Contains("- Unique index `IX_Orders_Code` (`Code`) (no provider is chosen in this project: on SQL Server EF Core adds a filter excluding NULLs): ", infrastructure.Markdown);
        var reference = MetadataReference.CreateFromImage(Emit(infrastructure.Compilation));

        foreach (var (use, number, code, filter) in new[]
        {
            ("UseSqlServer", "nvarchar(20)", "nvarchar(450)", ", filter `[Code] IS NOT NULL`"),
            ("UseSqlite", "TEXT", "TEXT", ""),
            ("UseNpgsql", "character varying(20)", "text", ""),
        })
        {
            var host = GeneratorHarness.Run(Sources.With(("Startup.cs", $$"""
                public static class Startup
                {
                    public static void Add(IServiceCollection services) => services.AddDbContext<Shop.Data.ShopContext>(o => o.{{use}}("Data Source=x"));
                }
                """)), new Dictionary<string, string>
            {
                ["/src/Infrastructure/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = infrastructure.Fragment!,
            }, extraReferences: [reference], projectDir: "/src/Web/", assemblyName: "Web");

            Assert.Contains("| `Number` | `System.String` | `" + number + "` | no | 20 |", host.Markdown);
            Assert.Contains("| `Code` | `System.String` | `" + code + "` | yes |", host.Markdown);
            Assert.Contains("- Unique index `IX_Orders_Code` (`Code`)" + filter + ": ", host.Markdown);
            Assert.Contains("\"storeType\": \"" + number + "\"", host.Json);
        }
    }

    private static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }

    [Fact]
    public void The_fragment_names_declared_properties_the_way_Type_FullName_does()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Domain/A.cs"] = "namespace Shop.Domain; public class Order { public int Id { get; set; } public class Line { public int Quantity { get; set; } } }",
            ["Domain/B.cs"] = "namespace Shop { namespace Domain { public class Box<T> { public T? Item { get; set; } } } } public record Loose(int X) { public int Y { get; init; } }",
        });
        var members = ReportFragment.Read(output.Fragment!)!.DeclaredMembers.Select(m => m.TypeFullName + "." + m.Member + " " + m.Location).ToArray();
        Assert.Equal(
        [
            "Loose.Y SourceLocation { Path = /src/Shop/Domain/B.cs, Line = 1 }",
            "Shop.Domain.Box`1.Item SourceLocation { Path = /src/Shop/Domain/B.cs, Line = 1 }",
            "Shop.Domain.Order.Id SourceLocation { Path = /src/Shop/Domain/A.cs, Line = 1 }",
            "Shop.Domain.Order+Line.Quantity SourceLocation { Path = /src/Shop/Domain/A.cs, Line = 1 }",
        ], members);
    }

    /// <summary>Entities compiled in Domain, context in Infrastructure: the keys, foreign keys, indexes and relationships
    /// Infrastructure computes for them link to Domain's source through Domain's fragment.</summary>
    [Fact]
    public void Keys_foreign_keys_indexes_and_relationships_of_entities_compiled_elsewhere_link_to_their_source()
    {
        var domainFiles = new Dictionary<string, string>
        {
            ["Model/Entities.cs"] = """
                namespace Shop.Domain;
                public class Customer
                {
                    public int Id { get; set; }
                    public System.Collections.Generic.List<Order> Orders { get; } = new();
                }
                public class Order
                {
                    public int Id { get; set; }
                    public int CustomerId { get; set; }
                    public Customer Customer { get; set; } = null!;
                    public int? ReviewerId { get; set; }
                    public Customer? Reviewer { get; set; }
                }
                public class OrderLine
                {
                    public int Id { get; set; }
                    public int OrderId { get; set; }
                    public Order Order { get; set; } = null!;
                }
                """,
        };
        var domain = GeneratorHarness.Run(domainFiles, projectDir: "/src/Domain/", assemblyName: "Domain");
        Assert.NotNull(domain.Fragment);
        var reference = MetadataReference.CreateFromImage(Emit(domain.Compilation));
        const string context = """
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<OrderLine> Lines => Set<OrderLine>();
                    protected override void OnModelCreating(ModelBuilder b) =>
                        b.Entity<Order>().HasOne(o => o.Reviewer).WithMany().HasForeignKey(o => o.ReviewerId);
                }
            }
            """;
        var infrastructure = GeneratorHarness.Run(new Dictionary<string, string> { ["Data/ShopContext.cs"] = Sources.Usings + context },
            new Dictionary<string, string> { ["/src/Domain/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = domain.Fragment! },
            extraReferences: [reference], projectDir: "/src/Infrastructure/", assemblyName: "Infrastructure");
        var md = infrastructure.Markdown!;
        const string entities = "../Domain/Model/Entities.cs";
        string Link(int line) => $"[{entities}:{line}]({entities}#L{line})";
        Assert.Contains("- Primary key `PK_Orders` (`Id`): " + Link(9), md);
        // By convention: the Customer.Orders / Order.Customer relationship, linked at a navigation it declares.
        Assert.Contains("| `Shop.Domain.Customer` | `Shop.Domain.Order` | 1:N | required | Cascade | `Orders` / `Customer` | " + Link(11) + " |", md);
        // Two relationships point from Orders at Customers, so which one a key belongs to is not told from the report:
        // the conventional key links where its column is declared, and its index where the key does.
        Assert.Contains("- Foreign key `FK_Orders_Customers_CustomerId` (`CustomerId`) references `Customers` (`Id`), on delete Cascade: " + Link(10), md);
        Assert.Contains("- Index `IX_Orders_CustomerId` (`CustomerId`): " + Link(10), md);
        // One relationship from Lines to Orders: its key and index link where the relationship's navigation is declared.
        Assert.Contains("- Foreign key `FK_Lines_Orders_OrderId` (`OrderId`) references `Orders` (`Id`), on delete Cascade: " + Link(19), md);
        Assert.Contains("- Index `IX_Lines_OrderId` (`OrderId`): " + Link(19), md);
        // Configured in Infrastructure: its own links stay.
        Assert.Contains("- Foreign key `FK_Orders_Customers_ReviewerId` (`ReviewerId`) references `Customers` (`Id`), on delete NoAction: [Data/ShopContext.cs:15](Data/ShopContext.cs#L15)", md);
        Assert.Contains("- Index `IX_Orders_ReviewerId` (`ReviewerId`): [Data/ShopContext.cs:15](Data/ShopContext.cs#L15)", md);
    }
}
