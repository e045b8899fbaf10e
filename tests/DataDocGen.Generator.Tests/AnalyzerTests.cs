using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>DDG1001–DDG1005 as the compiler reports them. Each source marks the lines that must get a diagnostic with
/// <c>// expect DDGnnnn</c>; every other line, traps included, must get none.</summary>
public class AnalyzerTests
{
    /// <summary>An exception inside a check becomes one DDG002 warning at the node (never AD0001, which
    /// TreatWarningsAsErrors makes an error), through Roslyn's own analyzer driver.</summary>
    [Fact]
    public async Task A_check_that_throws_becomes_one_DDG002_warning_at_its_node()
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string> { ["Program.cs"] = "class P { void M() { System.Console.WriteLine(); } }" });
        var diagnostics = await Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions.WithAnalyzers(compilation, [new ThrowingCheck()]).GetAnalyzerDiagnosticsAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("DDG002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("System.Console.WriteLine()", diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan).ToString());
        Assert.Contains("InvalidOperationException: unforeseen while reading Program.cs line 1", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A check that throws on every invocation, wrapped as DataLayerAnalyzer wraps its own.</summary>
    [Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingCheck : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DataDocGen.Generator.Diagnostics.DiagnosticDescriptors.AnalyzerError];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(DataDocGen.Generator.Diagnostics.DataLayerAnalyzer.Guarded(
                (Microsoft.CodeAnalysis.Diagnostics.SyntaxNodeAnalysisContext _) => throw new InvalidOperationException("unforeseen")),
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
        }
    }

    private const string Context = """
        using System.Linq;
        using System.Threading.Tasks;
        namespace Shop.Data
        {
            public class Product { public int Id { get; set; } public string Name { get; set; } = ""; public bool IsDeleted { get; set; } }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder b) => b.Entity<Product>().HasQueryFilter(p => !p.IsDeleted);
            }
        }
        """;

    private const string NPlusOne = """
        using System.Linq;
        using System.Threading.Tasks;
        using Shop.Data;
        namespace Shop.Services
        {
            public class Prices(ShopContext db)
            {
                public async Task<decimal> Total(IReadOnlyList<int> ids)
                {
                    var total = 0m;
                    foreach (var id in ids)
                    {
                        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id); // expect DDG1001
                        total += product is null ? 0 : 1;
                    }
                    for (var i = 0; i < ids.Count; i++)
                        total += db.Products.Count(p => p.Id == ids[i]); // expect DDG1001
                    while (total < 0) { var found = await db.Products.FindAsync(1); } // expect DDG1001
                    foreach (var id in ids) total += db.Products.Where(p => p.Id == id).ToList().Count; // expect DDG1001
                    foreach (var id in ids) { foreach (var p in db.Products.Where(p => p.Id == id)) total++; } // expect DDG1001
                    return total;
                }

                public async Task<int> NotInLoop(IReadOnlyList<int> ids)
                {
                    var products = await db.Products.Where(p => ids.Contains(p.Id)).ToListAsync();
                    var count = 0;
                    foreach (var p in products) count += products.Count(q => q.Id == p.Id); // in memory: no query
                    foreach (var p in await db.Products.ToListAsync()) count++; // the loop's collection runs once
                    foreach (var id in ids) { Func<Task<int>> later = () => db.Products.CountAsync(); } // a lambda is not run per iteration here
                    // foreach (var id in ids) { await db.Products.FirstAsync(); }
                    foreach (var id in ids) count += new Fake().FirstOrDefaultAsync(id);
                    foreach (var id in ids) { foreach (var p in products.Where(p => p.Id == id)) count++; } // in memory
                    foreach (var id in ids) count += products.Where(p => p.Id == id).ToList().Count; // in memory
                    foreach (var id in ids) count += products.AsQueryable().Where(p => p.Id == id).ToList().Count; // in memory behind IQueryable
                    return count;
                }
            }

            public class Fake { public int FirstOrDefaultAsync(int id) => id; }
        }
        """;

    private const string RawSql = """
        using System.Data.Common;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using LinqToDB.Data;
        using Shop.Data;
        namespace Shop.Services
        {
            public class Reports(ShopContext db, DbConnection connection, DataConnection linq2db)
            {
                private const string Table = "Products";

                public IQueryable<Product> ByName(string name) => db.Products.FromSqlRaw($"SELECT * FROM Products WHERE Name = '{name}'"); // expect DDG1002
                public IQueryable<Product> ByName2(string name) => db.Products.FromSqlRaw("SELECT * FROM Products WHERE Name = '" + name + "'"); // expect DDG1002
                public int Purge(int days)
                {
                    var sql = "DELETE FROM Products WHERE Age > " + days;
                    return db.Database.ExecuteSqlRaw(sql); // expect DDG1002
                }
                public Task<IEnumerable<Product>> Dapper(string name) => connection.QueryAsync<Product>($"SELECT * FROM Products WHERE Name = '{name}'"); // expect DDG1002
                public void Command(DbCommand command, string name) => command.CommandText = string.Format("SELECT * FROM Products WHERE Name = '{0}'", name); // expect DDG1002
                public object Created(string name) => new Microsoft.Data.SqlClient.SqlCommand("SELECT * FROM Products WHERE Name = '" + name + "'"); // expect DDG1002
                public object CreatedSafe() => new Microsoft.Data.SqlClient.SqlCommand("SELECT * FROM Products");
                public int Linq2Db(string name) => linq2db.Execute("DELETE FROM Products WHERE Name = '" + name + "'"); // expect DDG1002
                public IEnumerable<Product> Linq2DbSafe(string name) => linq2db.Query<Product>("SELECT * FROM Products WHERE Name = @name", new { name });

                public IQueryable<Product> Safe(string name) => db.Products.FromSql($"SELECT * FROM Products WHERE Name = {name}");
                public IQueryable<Product> Constant() => db.Products.FromSqlRaw($"SELECT * FROM {Table}");
                public IQueryable<Product> Parameterised(string name) => db.Products.FromSqlRaw("SELECT * FROM Products WHERE Name = {0}", name);
                public Task<IEnumerable<Product>> DapperSafe(string name) => connection.QueryAsync<Product>("SELECT * FROM Products WHERE Name = @name", new { name });
                public int FromElsewhere(string sql) => db.Database.ExecuteSqlRaw(sql); // not followed: no claim
                public int Reassigned(int days)
                {
                    var sql = "DELETE FROM Products";
                    if (days > 0) sql = sql + " WHERE Age > " + days;
                    return db.Database.ExecuteSqlRaw(sql); // reassigned: not followed
                }
                public string NotSql(string name) => new Query().FromSqlRaw("x" + name);
                // Constant fragments the code picks (BTCPay Server's WalletRepository): SQL text, not values.
                public Task<IEnumerable<Product>> Filtered(string? name, bool deleted)
                {
                    var nameFilter = name is not null ? " AND Name = @name" : "";
                    string deletedFilter;
                    if (deleted) deletedFilter = " AND IsDeleted";
                    else deletedFilter = string.Empty;
                    return connection.QueryAsync<Product>($"SELECT * FROM Products WHERE 1 = 1{nameFilter}{deletedFilter}", new { name });
                }
                public int Upsert(bool replace) => connection.Execute("INSERT INTO Products (Name) VALUES (@Name) " + (replace ? "ON CONFLICT DO UPDATE SET Name = EXCLUDED.Name" : "ON CONFLICT DO NOTHING"));
                public Task<IEnumerable<Product>> MixedFilter(string? name, bool deleted)
                {
                    var filter = deleted ? " AND IsDeleted" : "";
                    if (name is not null) filter = " AND Name = '" + name + "'";
                    return connection.QueryAsync<Product>($"SELECT * FROM Products WHERE 1 = 1{filter}"); // expect DDG1002
                }
                public int Sorted(bool descending, string column) => connection.Execute("SELECT * FROM Products ORDER BY " + (descending ? column + " DESC" : "Id")); // expect DDG1002
            }

            public class Query { public string FromSqlRaw(string text) => text; }
        }
        """;

    private const string Caching = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Hybrid;
        using Microsoft.Extensions.Caching.Memory;
        namespace Shop.Services
        {
            public class Cached(IMemoryCache memory, IDistributedCache distributed, HybridCache hybrid)
            {
                public void Forever() => memory.Set("all", 1); // expect DDG1003
                public int Factory() => memory.GetOrCreate("f", _ => 1); // expect DDG1003
                public Task Distributed(string json) => distributed.SetStringAsync("d", json); // expect DDG1003
                public void Timed() => memory.Set("t", 1, TimeSpan.FromMinutes(1));
                public void Options(MemoryCacheEntryOptions options) => memory.Set("o", 1, options);
                public ValueTask<int> Hybrid() => hybrid.GetOrCreateAsync("h", _ => ValueTask.FromResult(1));
                public int Sliding() => memory.GetOrCreate("s", e => { e.SlidingExpiration = TimeSpan.FromSeconds(5); return 1; });
                public void NotACache(MemoryCacheLike memoryStore) => memoryStore.Set("x", 1);
            }

            public class MemoryCacheLike { public void Set(string key, int value) { } }
        }
        """;

    private const string SoftDelete = """
        using System.ComponentModel.DataAnnotations.Schema;
        namespace Shop.Data
        {
            public abstract class Entity { public int Id { get; set; } public bool IsDeleted { get; set; } }
            public class Product : Entity { }
            public class Customer { public int Id { get; set; } public bool Deleted { get; set; } } // expect DDG1004
            public class Invoice { public int Id { get; set; } public DateTimeOffset? DeletedAt { get; set; } } // expect DDG1004
            public class Draft { public int Id { get; set; } [NotMapped] public bool IsDeleted { get; set; } }
            public class Note { public int Id { get; set; } public bool IsDeleted => false; }
            public class CustomerDto { public int Id { get; set; } public bool IsDeleted { get; set; } }
            public class Tag { public int Id { get; set; } public bool IsSoftDeleted { get; set; } } // expect DDG1004

            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Product> Products => Set<Product>();
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Invoice> Invoices => Set<Invoice>();
                public DbSet<Draft> Drafts => Set<Draft>();
                public DbSet<Note> Notes => Set<Note>();
                protected override void OnModelCreating(ModelBuilder b) => b.Entity<Entity>().HasQueryFilter(e => !e.IsDeleted);
            }

            public class TagConfiguration : IEntityTypeConfiguration<Tag>
            {
                public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Tag> builder) => builder.HasKey(t => t.Id);
            }
        }
        """;

    private const string SaveFlavours = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore.Diagnostics;
        namespace Shop.Data
        {
            public class Order { public int Id { get; set; } public DateTime UpdatedAt { get; set; } }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public override int SaveChanges() // expect DDG1005
                {
                    foreach (var entry in ChangeTracker.Entries<Order>()) entry.Entity.UpdatedAt = DateTime.UtcNow;
                    return base.SaveChanges();
                }
            }
            // Trap: overrides SaveChangesAsync only, and no code saves this context with SaveChanges().
            public class ArchiveContext(DbContextOptions<ArchiveContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
                {
                    foreach (var entry in ChangeTracker.Entries<Order>()) entry.Entity.UpdatedAt = DateTime.UtcNow;
                    return base.SaveChangesAsync(cancellationToken);
                }
            }
            public sealed class AuditInterceptor : SaveChangesInterceptor
            {
                public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) // expect DDG1005
                {
                    foreach (var entry in eventData.Context!.ChangeTracker.Entries<Order>()) entry.Entity.UpdatedAt = DateTime.UtcNow;
                    return new(result);
                }
            }
            // Traps: both save calls covered; a hook that changes nothing.
            public sealed class BothInterceptor : SaveChangesInterceptor
            {
                public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
                {
                    foreach (var entry in eventData.Context!.ChangeTracker.Entries<Order>()) entry.Entity.UpdatedAt = DateTime.UtcNow;
                    return result;
                }
                public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
                    => new(SavingChanges(eventData, result));
            }
            public sealed class TimingInterceptor : SaveChangesInterceptor
            {
                public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
                    => new(result);
            }
            public class OrderService(ShopContext shop, ArchiveContext archive)
            {
                public Task<int> SaveAsync() => shop.SaveChangesAsync();
                public int Save() => shop.SaveChanges();
                public Task<int> ArchiveAsync() => archive.SaveChangesAsync();
            }
        }
        """;

    [Fact]
    public void A_save_hook_on_one_save_call_is_reported_where_the_project_also_makes_the_other()
    {
        var sources = Sources.With(("Data/Hooks.cs", SaveFlavours));
        var diagnostics = AnalyzerHarness.Run(sources);
        Assert.Equal(AnalyzerHarness.Expected(sources), AnalyzerHarness.Found(diagnostics));
        var messages = diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("'AuditInterceptor' runs on SaveChangesAsync only, but SaveChanges is also called (Hooks.cs line 58): those saves skip it (sets UpdatedAt)", messages);
        Assert.Contains("'ShopContext' runs on SaveChanges only, but SaveChangesAsync is also called (Hooks.cs line 57): those saves skip it (sets UpdatedAt)", messages);

        // A project that saves one way only: nothing to say.
        var asyncOnly = Sources.With(("Data/Hooks.cs", SaveFlavours.Replace("public int Save() => shop.SaveChanges();", "")));
        Assert.DoesNotContain(AnalyzerHarness.Run(asyncOnly), d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("'AuditInterceptor'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(NPlusOne))]
    [InlineData(nameof(RawSql))]
    [InlineData(nameof(Caching))]
    [InlineData(nameof(SoftDelete))]
    public void Each_marked_line_gets_its_diagnostic_and_no_other_line_gets_one(string name)
    {
        var code = name switch { nameof(NPlusOne) => NPlusOne, nameof(RawSql) => RawSql, nameof(Caching) => Caching, _ => SoftDelete };
        var sources = name == nameof(SoftDelete)
            ? Sources.With(("Data/Model.cs", code))
            : Sources.With(("Data/ShopContext.cs", Context), ("Services/Code.cs", code));
        var diagnostics = AnalyzerHarness.Run(sources);
        Assert.Equal(AnalyzerHarness.Expected(sources), AnalyzerHarness.Found(diagnostics));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Messages_name_the_call_the_loop_the_api_the_entry_and_the_flag()
    {
        var diagnostics = AnalyzerHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Services/Code.cs", NPlusOne), ("Services/Sql.cs", RawSql), ("Services/Cache.cs", Caching)));
        var messages = diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("'FirstOrDefaultAsync' runs a database query on every iteration of the loop at line 16 (N+1 risk)", messages);
        Assert.Contains(messages, m => m.StartsWith("The SQL given to 'EF Core FromSqlRaw' is built from non-constant text", StringComparison.Ordinal));
        Assert.Contains("'Set' writes the IMemoryCache entry 'all' with no expiration: it stays until it is removed or evicted", messages);

        var softDelete = AnalyzerHarness.Run(Sources.With(("Data/Model.cs", SoftDelete)));
        Assert.Contains(softDelete, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            == "'Customer.Deleted' looks like a soft-delete flag, but no query filter applies to 'Customer': every query returns deleted rows unless it filters them itself");
    }

    [Fact]
    public void A_filter_whose_entity_is_computed_in_a_loop_over_the_model_silences_the_soft_delete_check()
    {
        var loop = SoftDelete.Replace(
            "protected override void OnModelCreating(ModelBuilder b) => b.Entity<Entity>().HasQueryFilter(e => !e.IsDeleted);",
            """
            protected override void OnModelCreating(ModelBuilder b)
            {
                foreach (var type in b.Model.GetEntityTypes())
                {
                    if (type.FindProperty("IsDeleted") is null) continue;
                    var p = System.Linq.Expressions.Expression.Parameter(type.ClrType);
                    b.Entity(type.ClrType).HasQueryFilter(System.Linq.Expressions.Expression.Lambda(System.Linq.Expressions.Expression.Not(System.Linq.Expressions.Expression.Property(p, "IsDeleted")), p));
                }
            }
            """);
        Assert.Empty(AnalyzerHarness.Run(Sources.With(("Data/Model.cs", loop))));
    }

    [Fact]
    public void Severity_follows_the_compilation_options_and_pragmas_and_the_package_switch_turns_all_off()
    {
        var sources = Sources.With(("Data/ShopContext.cs", Context), ("Services/Cache.cs", Caching));
        var asError = AnalyzerHarness.Run(sources, new Dictionary<string, ReportDiagnostic> { ["DDG1003"] = ReportDiagnostic.Error });
        Assert.Equal(3, asError.Count(d => d.Id == "DDG1003" && d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(AnalyzerHarness.Run(sources, new Dictionary<string, ReportDiagnostic> { ["DDG1003"] = ReportDiagnostic.Suppress }));

        var pragma = Sources.With(("Data/ShopContext.cs", Context), ("Services/Cache.cs", Caching.Replace(
            "public void Forever() => memory.Set(\"all\", 1); // expect DDG1003",
            "#pragma warning disable DDG1003\n        public void Forever() => memory.Set(\"all\", 1);\n#pragma warning restore DDG1003")));
        Assert.Equal(2, AnalyzerHarness.Run(pragma).Count(d => d.Id == "DDG1003"));

        Assert.Empty(AnalyzerHarness.Run(sources, properties: new Dictionary<string, string> { ["DataDocGenEnabled"] = "false" }));
    }
}
