using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Queries built with LinqKit (1.3), against the real LinqKit.Microsoft.EntityFrameworkCore 10: predicates with
/// the conditions joined to them and their guards, expandable queries, expanding contexts; look-alikes are nothing.</summary>
public class QueryBuilderTests
{
    private const string Code = """
        using System.Linq;
        using LinqKit;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Order> Orders => Set<Order>();
            }
            public static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddDbContext<ShopContext>(o => o.UseSqlServer("Server=.;Database=shop").WithExpressionExpanding());
            }
            public class CustomerSearch(ShopContext db)
            {
                public List<Customer> Find(string[] words, int? minId)
                {
                    var predicate = PredicateBuilder.New<Customer>();
                    foreach (var word in words)
                    {
                        predicate = predicate.Or(c => c.Name.Contains(word));
                    }
                    if (minId is not null)
                    {
                        predicate = predicate.And(c => c.Id >= minId);
                    }
                    return db.Customers.AsExpandable().Where(predicate).ToList();
                }
                public IQueryable<Order> Chained(int customerId) =>
                    db.Orders.Where(PredicateBuilder.New<Order>(o => o.CustomerId == customerId).Or(o => o.Id == 0));
            }
        }
        namespace Shop.Fakes
        {
            // Look-alikes: a PredicateBuilder and an AsExpandable of the project's own.
            public static class PredicateBuilder { public static System.Func<T, bool> New<T>() => _ => true; }
            public static class FakeExtensions { public static IQueryable<T> AsExpandable<T>(this IQueryable<T> q) => q; }
            public class Other(Shop.Data.ShopContext db)
            {
                public object Use() => (PredicateBuilder.New<Customer>(), FakeExtensions.AsExpandable(db.Customers));
                // var p = LinqKit.PredicateBuilder.New<Customer>();
            }
        }
        """;

    [Fact]
    public void LinqKit_predicates_expandable_queries_and_expanding_contexts_are_listed_with_their_conditions()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Search.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Query builders", md);
        Assert.Contains("| `Setup.Add` | LinqKit | `WithExpressionExpanding()` | `Shop.Data.ShopContext` | LinqKit expands every query of the context before EF Core translates it |  | [Data/Search.cs:19](Data/Search.cs#L19) |", md);
        Assert.Contains("| `CustomerSearch.Find` | LinqKit | `PredicateBuilder.New<Customer>()` | `Shop.Domain.Customer` | Or `c => c.Name.Contains(word)`, for each `word` in `words`<br>And `c => c.Id >= minId`, if `minId is not null` | `Where` (line 34) | [Data/Search.cs:25](Data/Search.cs#L25) |", md);
        Assert.Contains("| `CustomerSearch.Find` | LinqKit | `AsExpandable()` | `Shop.Domain.Customer` | LinqKit expands the query's expression tree", md);
        Assert.Contains("| `CustomerSearch.Chained` | LinqKit | `PredicateBuilder.New<Order>()` | `Shop.Domain.Order` | starts from `o => o.CustomerId == customerId`<br>Or `o => o.Id == 0` |  | [Data/Search.cs:37](Data/Search.cs#L37) |", md);
        Assert.DoesNotContain("`Other.Use`", md);

        using var json = JsonDocument.Parse(output.Json!);
        var builders = json.RootElement.GetProperty("queryBuilders").EnumerateArray().ToList();
        Assert.Equal(4, builders.Count);
        var find = builders.Single(b => b.GetProperty("builder").GetString() == "PredicateBuilder.New<Customer>()");
        Assert.Equal(2, find.GetProperty("parts").GetArrayLength());
        Assert.Equal("`Where` (line 34)", find.GetProperty("handedTo")[0].GetString());
    }

    [Fact]
    public void No_linqkit_no_section()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Search.cs", Code.Substring(Code.IndexOf("namespace Shop.Fakes", System.StringComparison.Ordinal))
            .Replace("Shop.Data.ShopContext db", "System.Linq.IQueryable<Customer> customers").Replace("db.Customers", "customers").Replace("using System.Linq;", "")
            .Insert(0, "using System.Linq;\nusing Shop.Domain;\n"))));
        Assert.DoesNotContain("Query builders", output.Markdown ?? "");
    }
}
