using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>How queries load and track: Include paths, no-tracking, split queries, compiled queries.</summary>
public class QueryShapeTests
{
    private const string Domain = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        namespace Shop
        {
            public class Product { public int Id { get; set; } }
            public class Line { public int Id { get; set; } public bool Active { get; set; } public Product Product { get; set; } = null!; }
            public class Customer { public int Id { get; set; } }
            public class Order { public int Id { get; set; } public Customer Customer { get; set; } = null!; public List<Line> Lines { get; set; } = new(); }
            public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        }
        """;

    [Fact]
    public void Include_paths_tracking_and_compiled_queries_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop/Domain.cs", Domain), ("Shop/Orders.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            namespace Shop
            {
                public class Orders(ShopContext db)
                {
                    private static readonly System.Func<ShopContext, int, Task<Order?>> ById =
                        EF.CompileAsyncQuery((ShopContext c, int id) => c.Orders.FirstOrDefault(o => o.Id == id));

                    public Task<List<Order>> Recent() => db.Orders
                        .AsNoTracking()
                        .Include(o => o.Lines.Where(l => l.Active)).ThenInclude(l => l.Product)
                        .Include(o => o.Customer)
                        .AsSplitQuery()
                        .ToListAsync();

                    public Order? ByName() => db.Orders.Include("Lines.Product").AsNoTrackingWithIdentityResolution().FirstOrDefault();
                }
            }
            namespace LookAlike
            {
                public static class Ext { public static T Include<T>(this T value, string path) => value; public static T AsNoTracking<T>(this T value) => value; }
                public class Use { public string Run() => "x".Include("Lines").AsNoTracking(); }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!; // Sources.With puts 5 lines of usings first
        Assert.Contains("### 2.4 Query optimisation: loading and tracking", md);
        Assert.Contains("| `Orders.ById` | Compiled query |  | `EF.CompileAsyncQuery` | [Shop/Orders.cs:13]", md);
        Assert.Contains("| `Orders.Recent` | No tracking | `Shop.Order` |  | [Shop/Orders.cs:16]", md);
        Assert.Contains("| `Orders.Recent` | Eager loading | `Shop.Order` | `Lines (filtered).Product` | [Shop/Orders.cs:17]", md);
        Assert.Contains("| `Orders.Recent` | Eager loading | `Shop.Order` | `Customer` | [Shop/Orders.cs:18]", md);
        Assert.Contains("| `Orders.Recent` | Split query | `Shop.Order` |  | [Shop/Orders.cs:19]", md);
        Assert.Contains("| `Orders.ByName` | Eager loading | `Shop.Order` | `Lines.Product` | [Shop/Orders.cs:22]", md);
        Assert.Contains("| `Orders.ByName` | No tracking with identity resolution | `Shop.Order` |  | [Shop/Orders.cs:22]", md);
        Assert.DoesNotContain("Use.Run", md);
    }

    [Fact]
    public void Queries_executed_inside_a_loop_are_N_plus_1_risks()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop/Domain.cs", Domain), ("Shop/Report.cs", """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            namespace Shop
            {
                public class Report(ShopContext db)
                {
                    public async Task<int> Totals(List<int> ids)
                    {
                        var total = 0;
                        foreach (var id in ids)
                        {
                            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id);
                            total += db.Orders.Count(o => o.Id > id);
                            var found = await db.Orders.FindAsync(id);
                        }
                        foreach (var order in await db.Orders.ToListAsync()) total += order.Lines.Count();
                        var inMemory = ids.Select(i => i * 2).ToList();
                        for (var i = 0; i < 3; i++) total += inMemory.First();
                        return total;
                    }
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!; // Sources.With puts 5 lines of usings first: the first loop is at line 16
        Assert.Contains("| `Report.Totals` | Query inside a loop (N+1 risk) | `Shop.Order` | `FirstOrDefaultAsync in the loop at line 16` | [Shop/Report.cs:18]", md);
        Assert.Contains("| `Report.Totals` | Query inside a loop (N+1 risk) | `Shop.Order` | `Count in the loop at line 16` | [Shop/Report.cs:19]", md);
        Assert.Contains("| `Report.Totals` | Query inside a loop (N+1 risk) | `Shop.Order` | `FindAsync in the loop at line 16` | [Shop/Report.cs:20]", md);
        // The loop's own collection runs once; in-memory LINQ (Enumerable) is no query.
        Assert.DoesNotContain("ToListAsync in the loop", md);
        Assert.DoesNotContain("`First in the loop", md);
        Assert.DoesNotContain("`Count in the loop at line 22", md);
    }

    [Fact]
    public void Projections_pagination_explicit_and_lazy_loading_are_listed_and_in_memory_linq_is_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop/Domain.cs", Domain), ("Shop/Reads.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            namespace Shop
            {
                public record OrderSummary(int Id, int Lines);
                public class Reads(ShopContext db)
                {
                    public Task<List<OrderSummary>> Summaries() => db.Orders.Select(o => new OrderSummary(o.Id, o.Lines.Count)).ToListAsync();
                    public Task<List<int>> Ids() => db.Orders.Where(o => o.Id > 0).Select(o => o.Id).ToListAsync();
                    public object Anonymous() => db.Orders.Select(o => new { o.Id, Count = o.Lines.Count }).ToList();
                    public Task<List<Order>> Page(int page) => db.Orders.OrderBy(o => o.Id).Skip(page * 20).Take(20).ToListAsync();
                    public Task<List<Order>> After(int lastId) => db.Orders.Where(o => o.Id > lastId).OrderBy(o => o.Id).Take(20).ToListAsync();
                    public Task<List<Order>> Top() => db.Orders.OrderBy(o => o.Id).Take(5).ToListAsync();
                    public async Task Lines(Order order) => await db.Entry(order).Collection(o => o.Lines).LoadAsync();
                    public void Customer(Order order) => db.Entry(order).Reference(o => o.Customer).Load();
                    public async Task AllLines(List<Order> orders) { foreach (var order in orders) await db.Entry(order).Collection(o => o.Lines).LoadAsync(); }
                    public int InMemory(List<Order> orders) => orders.Select(o => o.Id).Skip(1).Take(2).Count();
                }
                public class Invoice
                {
                    private readonly ILazyLoader _loader;
                    public Invoice() { _loader = null!; }
                    private Invoice(ILazyLoader loader) => _loader = loader;
                    public int Id { get; set; }
                }
                public static class Setup
                {
                    public static void Add(IServiceCollection services) => services.AddDbContext<ShopContext>(o => o.UseLazyLoadingProxies().UseSqlite("Data Source=x.db"));
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Reads.Summaries` | Projection | `Shop.Order` | `OrderSummary` |", md);
        Assert.Contains("| `Reads.Ids` | Projection | `Shop.Order` | `int` |", md);
        Assert.Contains("| `Reads.Anonymous` | Projection | `Shop.Order` | `anonymous type { Id, Count }` |", md);
        Assert.Contains("| `Reads.Page` | Pagination (offset: Skip/Take) | `Shop.Order` |", md);
        Assert.Contains("| `Reads.After` | Pagination (keyset, heuristic: a range condition before OrderBy and Take) | `Shop.Order` |", md);
        Assert.DoesNotContain("`Reads.Top` | Pagination", md);
        Assert.Contains("| `Reads.Lines` | Explicit loading | `Shop.Order` | `Lines` |", md);
        Assert.Contains("| `Reads.Customer` | Explicit loading | `Shop.Order` | `Customer` |", md);
        Assert.Contains("| `Reads.AllLines` | Query inside a loop (N+1 risk) | `Shop.Order` | `explicit loading of Lines in the loop at line", md);
        Assert.Contains("| `Invoice` | Lazy loading (ILazyLoader injected) | `Shop.Invoice` |", md);
        Assert.Contains("| `Setup.Add` | Lazy loading (proxies) |  | `UseLazyLoadingProxies()` |", md);
        Assert.DoesNotContain("InMemory", md);
    }

    [Fact]
    public void A_generic_repositorys_type_parameter_is_named_as_in_the_CRUD_matrix()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop/Domain.cs", Domain), ("Shop/Repository.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            namespace Shop
            {
                public class Repository<T>(ShopContext db) where T : class
                {
                    public Task<List<T>> List(bool tracked) => (tracked ? db.Set<T>() : db.Set<T>().AsNoTracking()).ToListAsync();
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| `Repository.List` | No tracking | `T of Repository<T>` |", output.Markdown);
        Assert.DoesNotContain("Repository`1+T", output.Markdown);
    }

    [Fact]
    public void Lazy_navigation_reads_in_a_loop_are_N_plus_1_risks_only_when_the_context_loads_lazily()
    {
        const string code = """
            using System.Linq;
            namespace Lazy
            {
                public class Blog { public int Id { get; set; } public virtual List<Post> Posts { get; set; } = new(); public virtual Owner? Owner { get; set; } public string Name { get; set; } = ""; }
                public class Post { public int Id { get; set; } }
                public class Owner { public int Id { get; set; } }
                public class BlogContext : DbContext
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseLazyLoadingProxies().UseSqlite("Data Source=b.db");
                }
                public class Report(BlogContext db)
                {
                    public int Count()
                    {
                        var total = 0;
                        foreach (var blog in db.Blogs.ToList())
                        {
                            total += blog.Posts.Count;
                            total += blog.Owner is null ? 0 : 1;
                            total += blog.Name.Length;
                        }
                        return total;
                    }
                }
            }
            """;
        var md = GeneratorHarness.Run(Sources.With(("Lazy/Blog.cs", code))).Markdown!;
        Assert.Contains("| `Report.Count` | Lazy-loaded navigation inside a loop (N+1 risk) | `Lazy.Blog` | `blog.Posts in the loop at line", md);
        Assert.Contains("| `Report.Count` | Lazy-loaded navigation inside a loop (N+1 risk) | `Lazy.Blog` | `blog.Owner in the loop at line", md);
        Assert.DoesNotContain("blog.Name", md);

        // Without proxies, the same reads load nothing: no claim.
        var eager = GeneratorHarness.Run(Sources.With(("Lazy/Blog.cs", code.Replace("o.UseLazyLoadingProxies().UseSqlite", "o.UseSqlite")))).Markdown!;
        Assert.DoesNotContain("Lazy-loaded navigation", eager);
    }

    [Fact]
    public void Materialising_a_query_with_Enumerable_operators_or_linq2dbs_async_ones_inside_a_loop_is_an_N_plus_1_risk()
    {
        // query.ToList() binds to Enumerable.ToList (Queryable has none) and runs the query: on an IQueryable inside a
        // loop body it is the commonest N+1. linq2db's async operators live in LinqToDB.Async.AsyncExtensions.
        var files = Sources.With(("Shop/Domain.cs", Domain), ("Shop/Report.cs", """
            using System.Linq;
            namespace Shop
            {
                public class Report(ShopContext db)
                {
                    public int Totals(List<int> ids)
                    {
                        var total = 0;
                        foreach (var id in ids)
                        {
                            total += db.Orders.Where(o => o.Id > id).ToList().Count;
                            total += db.Orders.ToArray().Length;
                            total += ids.Where(i => i > id).ToList().Count;
                            total += ids.AsEnumerable().ToArray().Length;
                            foreach (var order in db.Orders.Where(o => o.Id == id)) total++;
                            foreach (var other in ids.Where(i => i < id)) total++;
                            // In memory behind an IQueryable: LINQ to Objects, no database round trip (traps).
                            total += ids.AsQueryable().Where(i => i > id).ToList().Count;
                            var local = ids.AsQueryable();
                            total += local.Count(i => i > id);
                            foreach (var other in (ids.AsQueryable()).Where(i => i < id)) total++;
                            // AsQueryable() on a DbSet is still the database's query.
                            total += db.Orders.AsQueryable().ToList().Count;
                        }
                        foreach (var order in db.Orders) total++;
                        return total + db.Orders.ToList().Count;
                    }
                }
            }
            """));
        files["Stock/Report.cs"] = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using LinqToDB;
            using LinqToDB.Async;
            using LinqToDB.Data;
            using LinqToDB.Mapping;
            namespace Stock
            {
                public class Item { [PrimaryKey] public int Id { get; set; } public int Quantity { get; set; } }
                public class StockDb(DataOptions options) : DataConnection(options) { public ITable<Item> Items => this.GetTable<Item>(); }
                public class Counts(StockDb db)
                {
                    public async Task<int> Totals(List<int> ids)
                    {
                        var total = 0;
                        for (var i = 0; i < ids.Count; i++)
                        {
                            total += (await db.Items.Where(s => s.Id == ids[i]).ToListAsync()).Count;
                            total += (await db.Items.FirstOrDefaultAsync(s => s.Id == ids[i]))?.Quantity ?? 0;
                        }
                        return total + (await db.Items.ToListAsync()).Count;
                    }
                }
            }
            """;
        var output = GeneratorHarness.Run(files);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = output.Markdown!.Split('\n').Where(l => l.Contains("| Query inside a loop (N+1 risk) |", StringComparison.Ordinal)).ToList();
        Assert.Contains("| `Report.Totals` | Query inside a loop (N+1 risk) | `Shop.Order` | `ToList in the loop at line 14` | [Shop/Report.cs:16](Shop/Report.cs#L16) |", rows);
        Assert.Contains("| `Report.Totals` | Query inside a loop (N+1 risk) | `Shop.Order` | `ToArray in the loop at line 14` | [Shop/Report.cs:17](Shop/Report.cs#L17) |", rows);
        Assert.Contains("| `Counts.Totals` | Query inside a loop (N+1 risk) | `Stock.Item` | `ToListAsync in the loop at line 17` | [Stock/Report.cs:19](Stock/Report.cs#L19) |", rows);
        Assert.Contains("| `Counts.Totals` | Query inside a loop (N+1 risk) | `Stock.Item` | `FirstOrDefaultAsync in the loop at line 17` | [Stock/Report.cs:20](Stock/Report.cs#L20) |", rows);
        Assert.Contains("| `Report.Totals` | Query inside a loop (N+1 risk) | `Shop.Order` | `foreach over a query in the loop at line 14` | [Shop/Report.cs:20](Shop/Report.cs#L20) |", rows);
        Assert.Contains("| `Report.Totals` | Query inside a loop (N+1 risk) | `Shop.Order` | `ToList in the loop at line 14` | [Shop/Report.cs:28](Shop/Report.cs#L28) |", rows);
        // In-memory sequences (also behind AsQueryable()) and the queries outside the loops are no N+1.
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public void A_tracking_mode_set_under_a_condition_says_when()
    {
        var md = GeneratorHarness.Run(Sources.With(("Shop/Domain.cs", Domain), ("Shop/Reads.cs", """
            using System.Linq;
            namespace Shop
            {
                public class Reads(ShopContext db)
                {
                    public List<Order> List(bool readOnly)
                    {
                        IQueryable<Order> query = db.Orders;
                        if (readOnly) query = query.AsNoTracking();
                        return query.AsSplitQuery().ToList();
                    }
                }
            }
            """))).Markdown!;
        Assert.Contains("| `Reads.List` | No tracking | `Shop.Order` | when `readOnly` |", md);
        Assert.Contains("| `Reads.List` | Split query | `Shop.Order` |  |", md);
    }

    [Fact]
    public void Paging_and_projection_on_a_queryable_that_is_not_a_DbSet_are_no_failure_and_no_fact()
    {
        // Select and Take are candidates outside loops; on an IQueryable not rooted at a DbSet (Marten's, MongoDB's,
        // AsQueryable()) the parser used to fall through to the loop check with no loop and fail (DDG001).
        const string code = """
            using System.Linq;
            namespace Shop.Reads
            {
                public record Row(int Id, string Name);
                public class Rows
                {
                    private readonly IQueryable<Row> _rows = new List<Row>().AsQueryable();
                    public List<Row> Page() => _rows.Where(r => r.Id > 0).OrderBy(r => r.Id).Take(20).ToList();
                    public List<string> Names() => _rows.Select(r => r.Name).ToList();
                    public int InLoop(int[] ids) { var n = 0; foreach (var id in ids) n += _rows.Where(r => r.Id == id).Take(1).Count(); return n; }
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Reads/Rows.cs", code)));
        Assert.DoesNotContain(output.Diagnostics, d => d.Id == "DDG001");
        Assert.DoesNotContain("Rows.Page", output.Markdown!);
        Assert.DoesNotContain("Rows.Names", output.Markdown!);
        // A LINQ query on an IQueryable inside a loop body is still an N+1 risk, as before.
        Assert.Contains("| `Rows.InLoop` | Query inside a loop (N+1 risk) | `Shop.Reads.Row` | `Take in the loop at line", output.Markdown!);
    }
}
