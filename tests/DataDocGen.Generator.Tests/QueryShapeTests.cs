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

    /// <summary>A stand-in for AutoMapper's projection API (the test project does not reference AutoMapper): same
    /// namespaces, types and signatures as AutoMapper 14.</summary>
    private const string AutoMapperLookAlike = """
        using System.Linq;
        using System.Linq.Expressions;
        namespace AutoMapper
        {
            public interface IConfigurationProvider { }
            public interface IMapper
            {
                IConfigurationProvider ConfigurationProvider { get; }
                IQueryable<TDestination> ProjectTo<TDestination>(IQueryable source, object? parameters = null, params Expression<System.Func<TDestination, object>>[] membersToExpand);
            }
        }
        namespace AutoMapper.QueryableExtensions
        {
            public static class Extensions
            {
                public static IQueryable<TDestination> ProjectTo<TDestination>(this IQueryable source, IConfigurationProvider configuration, params Expression<System.Func<TDestination, object>>[] membersToExpand) => throw null!;
            }
        }
        """;

    private const string LibraryDomain = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations.Schema;
        namespace Books
        {
            public class AppUser { public int Id { get; set; } public string UserName { get; set; } = ""; }
            public class Folder { public int Id { get; set; } public string Path { get; set; } = ""; public Disk Disk { get; set; } = null!; }
            public class Disk { public int Id { get; set; } }
            public class Library
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public List<AppUser> AppUsers { get; set; } = new();
                public List<Folder> Folders { get; set; } = new();
                public string Label => Name + " (" + Folders.Count + ")";
                [NotMapped] public string Shown { get; set; } = "";
            }
            public class FolderDto { public string Path { get; set; } = ""; }
            public class LibraryDto { public int Id { get; set; } public string Name { get; set; } = ""; public List<FolderDto> Folders { get; set; } = new(); }
            public class LibraryWithEntity { public string Name { get; set; } = ""; public Library Library { get; set; } = null!; }
            public class FolderListDto { public List<Folder> Folders { get; set; } = new(); }
            public class BooksContext : DbContext { public DbSet<Library> Library => Set<Library>(); }
            public static class Format { public static string Of(Library library) => library.Name; }
        }
        """;

    [Fact]
    public void An_include_the_query_projects_away_is_ignored_by_EF_Core_and_not_eager_loading()
    {
        // Kavita's LibraryRepository: Include(l => l.AppUsers) ... ProjectTo<LibraryDto>(...) was listed as eager
        // loading, but EF Core ignores an include whose entity is not in the final projection.
        var output = GeneratorHarness.Run(Sources.With(("AutoMapper.cs", AutoMapperLookAlike), ("Books/Domain.cs", LibraryDomain), ("Books/Reads.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using AutoMapper;
            using AutoMapper.QueryableExtensions;
            namespace Books
            {
                public class Reads(BooksContext db, IMapper mapper)
                {
                    public Task<List<LibraryDto>> Dtos(string user) => db.Library
                        .Include(l => l.AppUsers)
                        .Where(l => l.AppUsers.Any(u => u.UserName == user))
                        .OrderBy(l => l.Name)
                        .ProjectTo<LibraryDto>(mapper.ConfigurationProvider)
                        .AsNoTracking()
                        .ToListAsync();
                    public Task<List<LibraryDto>> StaticForm() => Extensions.ProjectTo<LibraryDto>(db.Library.Include(l => l.Folders), mapper.ConfigurationProvider).ToListAsync();
                    public Task<List<LibraryDto>> MapperForm() => mapper.ProjectTo<LibraryDto>(db.Library.Include(l => l.Folders)).ToListAsync();
                    public Task<List<string>> Names() => db.Library.Include(l => l.Folders).ThenInclude(f => f.Disk).Select(l => l.Name).ToListAsync();
                    public Task<List<FolderDto>> Dto() => db.Library.Include("Folders").Select(l => new FolderDto { Path = l.Name }).ToListAsync();
                    public object Anonymous() => db.Library.Include(l => l.Folders).Select(l => new { l.Id, Count = l.Folders.Count(), Paths = l.Folders.Select(f => f.Path).ToList() }).ToList();
                    public Task<List<int>> Users() => db.Library.Include(l => l.Folders).SelectMany(l => l.AppUsers).Select(u => u.Id).ToListAsync();
                    public Task<List<int>> Twice() => db.Library.Include(l => l.Folders).Select(l => new { l, l.Id }).Select(x => x.Id).ToListAsync();
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Reads.Dtos` | Eager loading (ignored: the query projects) | `Books.Library` | `AppUsers` |", md);
        Assert.Contains("| `Reads.StaticForm` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders` |", md);
        Assert.Contains("| `Reads.MapperForm` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders` |", md);
        Assert.Contains("| `Reads.Names` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders.Disk` |", md);
        Assert.Contains("| `Reads.Dto` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders` |", md);
        Assert.Contains("| `Reads.Anonymous` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders` |", md);
        Assert.Contains("| `Reads.Users` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders` |", md);
        Assert.Contains("| `Reads.Twice` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders` |", md);
        Assert.DoesNotContain("| Eager loading | `Books.Library`", md);
        // AutoMapper's ProjectTo is a projection, in each of its three forms.
        Assert.Contains("| `Reads.Dtos` | Projection | `Books.Library` | `LibraryDto` |", md);
        Assert.Contains("| `Reads.StaticForm` | Projection | `Books.Library` | `LibraryDto` |", md);
        Assert.Contains("| `Reads.MapperForm` | Projection | `Books.Library` | `LibraryDto` |", md);
    }

    [Fact]
    public void An_include_whose_entity_stays_in_the_result_is_eager_loading()
    {
        var output = GeneratorHarness.Run(Sources.With(("AutoMapper.cs", AutoMapperLookAlike), ("Books/Domain.cs", LibraryDomain), ("Books/Reads.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using AutoMapper.QueryableExtensions;
            namespace Books
            {
                public class Reads(BooksContext db, AutoMapper.IConfigurationProvider config)
                {
                    public Task<List<Library>> Filtered() => db.Library.Include(l => l.Folders).Where(l => l.Id > 0).ToListAsync();
                    public Task<List<Library>> Itself() => db.Library.Include(l => l.Folders).Select(l => l).ToListAsync();
                    public object Wrapped() => db.Library.Include(l => l.Folders).Select(l => new { l, l.Name }).ToList();
                    public object InDto() => db.Library.Include(l => l.Folders).Select(l => new LibraryWithEntity { Name = l.Name, Library = l }).ToList();
                    public object Passed() => db.Library.Include(l => l.Folders).Select(l => Format.Of(l)).ToList();
                    public object Computed() => db.Library.Include(l => l.Folders).Select(l => l.Label).ToList();
                    public object NotMapped() => db.Library.Include(l => l.Folders).Select(l => l.Shown).ToList();
                    public object Navigation() => db.Library.Include(l => l.Folders).ThenInclude(f => f.Disk).SelectMany(l => l.Folders).ToList();
                    public object NavigationList() => db.Library.Include(l => l.Folders).ThenInclude(f => f.Disk).Select(l => new { l.Name, Folders = l.Folders.ToList() }).ToList();
                    public object MappedEntities() => db.Library.Include(l => l.Folders).ThenInclude(f => f.Disk).ProjectTo<FolderListDto>(config).ToList();
                    public object Split()
                    {
                        var query = db.Library.Include(l => l.Folders);
                        return query.Select(l => l.Name).ToList();
                    }
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.DoesNotContain("ignored: the query projects", md);
        foreach (var member in new[] { "Filtered", "Itself", "Wrapped", "InDto", "Passed", "Computed", "NotMapped", "Navigation", "NavigationList", "MappedEntities", "Split" })
        {
            Assert.Contains("| `Reads." + member + "` | Eager loading | `Books.Library` | `Folders", md);
        }
        // Select(l => l) projects nothing: no projection row.
        Assert.DoesNotContain("| `Reads.Itself` | Projection", md);
        Assert.Contains("| `Reads.Wrapped` | Projection | `Books.Library` |", md);
    }

    [Fact]
    public void A_project_method_named_ProjectTo_is_no_projection_and_leaves_the_include_as_eager_loading()
    {
        var output = GeneratorHarness.Run(Sources.With(("AutoMapper.cs", AutoMapperLookAlike), ("Books/Domain.cs", LibraryDomain), ("Books/Reads.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using AutoMapper;
            using AutoMapper.QueryableExtensions;
            namespace Books.Mapping
            {
                public static class QueryExtensions
                {
                    // Not AutoMapper's ProjectTo: what it does is not read. Extension methods of the enclosing namespace
                    // come first, so the call below binds to this one although AutoMapper.QueryableExtensions is imported.
                    public static IQueryable<T> ProjectTo<T>(this IQueryable source, object config) => source.Cast<T>();
                }
                public class Reads(BooksContext db, AutoMapper.IConfigurationProvider config)
                {
                    public Task<List<LibraryDto>> Dtos() => db.Library.Include(l => l.Folders).ProjectTo<LibraryDto>(config).ToListAsync();
                    public string Note() => "db.Library.Include(l => l.AppUsers).ProjectTo<LibraryDto>(config)";
                }
            }
            namespace Books
            {
                public class RealReads(BooksContext db, AutoMapper.IConfigurationProvider config)
                {
                    public Task<List<LibraryDto>> Dtos() => db.Library.Include(l => l.Folders).ProjectTo<LibraryDto>(config).ToListAsync();
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Reads.Dtos` | Eager loading | `Books.Library` | `Folders` |", md);
        Assert.DoesNotContain("| `Reads.Dtos` | Projection", md);
        Assert.DoesNotContain("Reads.Note", md);
        // The same line in a namespace where AutoMapper's ProjectTo is the one bound.
        Assert.Contains("| `RealReads.Dtos` | Eager loading (ignored: the query projects) | `Books.Library` | `Folders` |", md);
        Assert.Contains("| `RealReads.Dtos` | Projection | `Books.Library` | `LibraryDto` |", md);
    }

    /// <summary>A context with a second set to join with (the Kavita audit: includes before a count, a grouping or a join).</summary>
    private const string LibraryAndUsers = """
        namespace Books
        {
            public class LibraryContext : DbContext
            {
                public DbSet<Library> Library => Set<Library>();
                public DbSet<AppUser> Users => Set<AppUser>();
            }
            public static class Joiner { public static int Join(System.Linq.IQueryable<Library> libraries, int count) => count; }
        }
        """;

    [Fact]
    public void An_include_before_an_aggregate_a_grouping_or_a_join_that_drops_its_entity_is_ignored_with_the_reason()
    {
        var output = GeneratorHarness.Run(Sources.With(("Books/Domain.cs", LibraryDomain), ("Books/Context.cs", LibraryAndUsers), ("Books/Reads.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            namespace Books
            {
                public class Reads(LibraryContext db)
                {
                    public Task<int> Counted() => db.Library.Include(l => l.Folders).CountAsync();
                    public long LongCounted() => db.Library.Include(l => l.Folders).Where(l => l.Id > 0).LongCount();
                    public int StaticCount() => Queryable.Count(db.Library.Include(l => l.Folders));
                    public Task<bool> Exists() => db.Library.Include(l => l.Folders).AnyAsync(l => l.Id > 0);
                    public bool Everyone() => db.Library.Include(l => l.AppUsers).All(l => l.Id > 0);
                    public int Summed() => db.Library.Include(l => l.Folders).Sum(l => l.Id);
                    public Task<string> Newest() => db.Library.Include(l => l.AppUsers).MaxAsync(l => l.Name);
                    public object Grouped() => db.Library.Include(l => l.Folders).GroupBy(l => l.Name).Select(g => new { g.Key, Count = g.Count() }).ToList();
                    public Task<int> GroupCount() => db.Library.Include(l => l.Folders).GroupBy(l => l.Name).CountAsync();
                    public object GroupResult() => db.Library.Include(l => l.Folders).GroupBy(l => l.Name, (name, libraries) => new { name, Count = libraries.Count() }).ToList();
                    public object GroupElements() => db.Library.Include(l => l.Folders).GroupBy(l => l.Name, l => l.Id).ToList();
                    public object Joined() => db.Library.Include(l => l.Folders).Join(db.Users, l => l.Id, u => u.Id, (l, u) => new { l.Name, u.UserName }).ToList();
                    public object InnerJoined() => db.Users.Join(db.Library.Include(l => l.Folders), u => u.Id, l => l.Id, (u, l) => u.UserName).ToList();
                    public object Syntax() => (from l in db.Library.Include(x => x.Folders)
                                               join u in db.Users on l.Id equals u.Id
                                               select new { l.Name, u.UserName }).ToList();
                    public object SyntaxGrouped() => (from l in db.Library.Include(x => x.Folders)
                                                      group l by l.Name into g
                                                      select new { g.Key, Count = g.Count() }).ToList();
                    public int SyntaxCounted() => (from l in db.Library.Include(x => x.Folders) where l.Id > 0 select l).Count();
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        foreach (var (member, reason, path) in new[]
        {
            ("Counted", "counts", "Folders"), ("LongCounted", "counts", "Folders"), ("StaticCount", "counts", "Folders"),
            ("Exists", "returns true or false", "Folders"), ("Everyone", "returns true or false", "AppUsers"),
            ("Summed", "aggregates", "Folders"), ("Newest", "aggregates", "AppUsers"),
            ("Grouped", "groups", "Folders"), ("GroupCount", "groups", "Folders"), ("GroupResult", "groups", "Folders"), ("GroupElements", "groups", "Folders"),
            ("Joined", "joins into another shape", "Folders"), ("InnerJoined", "joins into another shape", "Folders"), ("Syntax", "joins into another shape", "Folders"),
            ("SyntaxGrouped", "groups", "Folders"), ("SyntaxCounted", "counts", "Folders"),
        })
        {
            Assert.Contains("| `Reads." + member + "` | Eager loading (ignored: the query " + reason + ") | `Books.Library` | `" + path + "` |", md);
        }
        Assert.DoesNotContain("| Eager loading | `Books.Library`", md);
    }

    [Fact]
    public void An_include_whose_entity_a_join_a_grouping_or_a_single_result_returns_stays_eager_loading()
    {
        var output = GeneratorHarness.Run(Sources.With(("Books/Domain.cs", LibraryDomain), ("Books/Context.cs", LibraryAndUsers), ("Books/Reads.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            namespace Books
            {
                public class Reads(LibraryContext db)
                {
                    public Task<List<Library>> Listed() => db.Library.Include(l => l.Folders).ToListAsync();
                    public Task<Library?> One(int id) => db.Library.Include(l => l.Folders).FirstOrDefaultAsync(l => l.Id == id);
                    // EF Core keeps the include where the join or grouping returns the entity (its NorthwindIncludeQueryTestBase).
                    public object JoinKeeps() => db.Library.Include(l => l.Folders).Join(db.Users, l => l.Id, u => u.Id, (l, u) => l).ToList();
                    public object InnerJoinKeeps() => db.Users.Join(db.Library.Include(l => l.Folders), u => u.Id, l => l.Id, (u, l) => l).ToList();
                    public object JoinWrapped() => db.Library.Include(l => l.Folders).Join(db.Users, l => l.Id, u => u.Id, (l, u) => new { l, u.UserName }).ToList();
                    public object GroupFirst() => db.Library.Include(l => l.Folders).GroupBy(l => l.Name).Select(g => g.OrderBy(l => l.Id).FirstOrDefault()).ToList();
                    public object GroupFinal() => db.Library.Include(l => l.Folders).GroupBy(l => l.Name).ToList();
                    public object MaxLibrary() => db.Library.Include(l => l.Folders).MaxBy(l => l.Id)!;
                    public object SyntaxKeeps() => (from l in db.Library.Include(x => x.Folders) join u in db.Users on l.Id equals u.Id select l).ToList();
                    public object SyntaxWrapped() => (from l in db.Library.Include(x => x.Folders) join u in db.Users on l.Id equals u.Id select new { l, u.UserName }).ToList();
                    // A count of the list in memory is no query: the include still loads the folders of the listed libraries.
                    public async Task<int> CountInMemory() { var list = await db.Library.Include(l => l.Folders).ToListAsync(); return list.Count(); }
                    // A project method named Join, and string.Join, are no LINQ join.
                    public int NotLinqJoin() => Joiner.Join(db.Library.Include(l => l.Folders), 1);
                    public string StringJoin() => string.Join(",", db.Library.Include(l => l.Folders));
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.DoesNotContain("(ignored:", md);
        foreach (var member in new[] { "Listed", "One", "JoinKeeps", "InnerJoinKeeps", "JoinWrapped", "GroupFirst", "GroupFinal", "MaxLibrary", "SyntaxKeeps", "SyntaxWrapped", "CountInMemory", "NotLinqJoin", "StringJoin" })
        {
            Assert.Contains("| `Reads." + member + "` | Eager loading | `Books.Library` | `Folders` |", md);
        }
    }

    [Fact]
    public void An_include_cast_to_an_unrelated_type_is_ignored_and_a_cast_within_the_hierarchy_keeps_it()
    {
        // dotnet/efcore#30599: Include(x => x.Posts).Cast<Forum>() through an explicit conversion operator "does not return
        // the posts" (EF Core's ProcessCastOfType drops the include paths for a type outside the entity's hierarchy).
        var output = GeneratorHarness.Run(Sources.With(("Blogs/Reads.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            namespace Blogs
            {
                public interface IHasName { string Name { get; } }
                public interface IArchived { }
                public abstract class Content { public int Id { get; set; } }
                public class Blog : Content, IHasName
                {
                    public string Name { get; set; } = "";
                    public List<Post> Posts { get; set; } = new();
                    public static explicit operator Forum(Blog blog) => new Forum { Id = blog.Id, Posts = blog.Posts };
                }
                public class FeaturedBlog : Blog { public int Rank { get; set; } }
                public class Post { public int Id { get; set; } }
                public class Forum { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class BlogsContext : DbContext
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    public DbSet<FeaturedBlog> Featured => Set<FeaturedBlog>();
                }
                public class Reads(BlogsContext db)
                {
                    public List<Forum> Forums() => db.Blogs.Include(b => b.Posts).Cast<Forum>().ToList();
                    public Task<List<Forum>> Filtered() => db.Blogs.Include(b => b.Posts).Where(b => b.Id > 0).Cast<Forum>().Take(5).ToListAsync();
                    public object StaticForm() => Queryable.Cast<Forum>(db.Blogs.Include(b => b.Posts)).ToList();
                    // A related cast keeps the elements: the walk goes on to the projection after it.
                    public object BaseThenProjects() => db.Blogs.Include(b => b.Posts).Cast<Content>().Select(c => c.Id).ToList();
                    // Kept: a cast to the same type, a base class, an implemented interface, object, or a derived entity type.
                    public object ToSame() => db.Blogs.Include(b => b.Posts).Cast<Blog>().ToList();
                    public object ToBase() => db.Blogs.Include(b => b.Posts).Cast<Content>().ToList();
                    public object ToInterface() => db.Blogs.Include(b => b.Posts).Cast<IHasName>().ToList();
                    public object ToObject() => db.Blogs.Include(b => b.Posts).Cast<object>().ToList();
                    public object ToDerived() => db.Blogs.Include(b => b.Posts).Cast<FeaturedBlog>().ToList();
                    // Not read: an interface the type does not implement (a derived type might), OfType (EF Core keeps the
                    // include for a type of the hierarchy and does not translate others), Enumerable's Cast after AsEnumerable.
                    public object ToOtherInterface() => db.Blogs.Include(b => b.Posts).Cast<IArchived>().ToList();
                    public object OfDerived() => db.Blogs.Include(b => b.Posts).OfType<FeaturedBlog>().ToList();
                    public object OfUnrelated() => db.Blogs.Include(b => b.Posts).OfType<Forum>().ToList();
                    public object InMemory() => db.Blogs.Include(b => b.Posts).AsEnumerable().Cast<Forum>().ToList();
                    public object Generic<T>() => db.Blogs.Include(b => b.Posts).Cast<T>().ToList();
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        foreach (var member in new[] { "Forums", "Filtered", "StaticForm" })
        {
            Assert.Contains("| `Reads." + member + "` | Eager loading (ignored: the query casts to an unrelated type) | `Blogs.Blog` | `Posts` |", md);
        }
        Assert.Contains("| `Reads.BaseThenProjects` | Eager loading (ignored: the query projects) | `Blogs.Blog` | `Posts` |", md);
        foreach (var member in new[] { "ToSame", "ToBase", "ToInterface", "ToObject", "ToDerived", "ToOtherInterface", "OfDerived", "OfUnrelated", "InMemory", "Generic" })
        {
            Assert.Contains("| `Reads." + member + "` | Eager loading | `Blogs.Blog` | `Posts` |", md);
        }
    }
}
