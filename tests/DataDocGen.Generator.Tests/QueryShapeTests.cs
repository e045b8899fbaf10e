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
        Assert.Contains("### 2.3 Query loading and tracking", md);
        Assert.Contains("| `Orders.ById` | Compiled query |  | `EF.CompileAsyncQuery` | [Shop/Orders.cs:13]", md);
        Assert.Contains("| `Orders.Recent` | No tracking | `Shop.Order` |  | [Shop/Orders.cs:16]", md);
        Assert.Contains("| `Orders.Recent` | Eager loading | `Shop.Order` | `Lines (filtered).Product` | [Shop/Orders.cs:17]", md);
        Assert.Contains("| `Orders.Recent` | Eager loading | `Shop.Order` | `Customer` | [Shop/Orders.cs:18]", md);
        Assert.Contains("| `Orders.Recent` | Split query | `Shop.Order` |  | [Shop/Orders.cs:19]", md);
        Assert.Contains("| `Orders.ByName` | Eager loading | `Shop.Order` | `Lines.Product` | [Shop/Orders.cs:22]", md);
        Assert.Contains("| `Orders.ByName` | No tracking with identity resolution | `Shop.Order` |  | [Shop/Orders.cs:22]", md);
        Assert.DoesNotContain("Use.Run", md);
    }
}
