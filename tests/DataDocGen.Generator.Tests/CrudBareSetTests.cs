using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.1's CRUD matrix: a <c>DbSet</c> read with no call of its own (the inner sequence of a join, a
/// <c>SelectMany</c> lambda's result, a <c>foreach</c> collection, a set returned as a query), and queries ending in
/// <c>AsEnumerable</c>/<c>ToAsyncEnumerable</c>. The Kavita and Ombi audits found these reads missing.</summary>
public class CrudBareSetTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class Line { public int Id { get; set; } public int OrderId { get; set; } }
            public class Note { public int Id { get; set; } }
            public class Tag { public int Id { get; set; } }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                // Declaring a set reads nothing.
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Line> Lines { get; set; } = null!;
                public DbSet<Note> Notes => Set<Note>();
                public DbSet<Tag> Tags => Set<Tag>();
            }

            public class OrderQueries(ShopContext db)
            {
                public object Joined() => db.Orders.Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => c.Name).ToList();
                public object JoinedSet() => db.Orders.GroupJoin(db.Set<Line>(), o => o.Id, l => l.OrderId, (o, ls) => ls.Count()).ToList();
                public object Flattened() => db.Orders.SelectMany(o => db.Lines).ToList();
                public object Syntax() => (from o in db.Orders join c in db.Customers on o.CustomerId equals c.Id select c.Name).ToList();
                public IEnumerable<Order> Streamed() => db.Orders.Where(o => o.Id > 0).AsEnumerable();
                public IAsyncEnumerable<Customer> StreamedAsync() => db.Customers.ToAsyncEnumerable();
                public async Task<int> Each()
                {
                    var count = 0;
                    await foreach (var note in db.Set<Note>()) count++;
                    foreach (var tag in db.Tags) count++;
                    return count;
                }
                public IQueryable<Order> All() => db.Orders;
                public IEnumerable<Line> AllLines { get { return db.Lines; } }
            }

            public class Repository<T>(ShopContext db) where T : class
            {
                public DbSet<T> Table => db.Set<T>();
                public IQueryable<T> GetAll() => db.Set<T>();
                // Ombi's BaseRepository: a read already (AsQueryable over the set).
                public IQueryable<T> Query() { return Table.AsQueryable(); }
            }

            public class OrderService(Repository<Order> orders)
            {
                public Task<List<Order>> Open() => orders.GetAll().Where(o => o.Id > 0).ToListAsync();
            }

            public static class Joiner { public static int Join(IEnumerable<Note> notes, int count) => count; }

            // Traps: a project method named Join, string.Join, in-memory joins and enumerations, a set's Local view, a set
            // returned as itself or from a lambda, a navigation in SelectMany, a count of a list in memory.
            public class Traps(ShopContext db)
            {
                public int ProjectJoin() => Joiner.Join(db.Notes, 1);
                public string TextJoin() => string.Join(",", db.Notes);
                public object InMemory(List<Note> notes, List<Tag> tags) => notes.Join(tags, n => n.Id, t => t.Id, (n, t) => n.Id).Concat(notes.Select(n => n.Id)).ToList();
                public IEnumerable<Note> Listed(List<Note> notes) => notes.AsEnumerable();
                public int Local() { var count = 0; foreach (var note in db.Notes.Local) count++; return count; }
                public DbSet<Note> Set() => db.Notes;
                public System.Func<IQueryable<Note>> Later() => () => db.Notes;
                public object Navigation(List<Order> orders) => orders.SelectMany(o => new[] { o.Id }).ToList();
                public int Counted(List<Tag> tags) => tags.Count();
            }
        }
        """;

    private static GeneratorOutput Run()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Queries.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output;
    }

    private static string[] Reads(GeneratorOutput output) => Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
        .Where(c => c.GetProperty("operation").GetString() == "Read")
        .Select(c => c.GetProperty("entity").GetString() + " | " + c.GetProperty("api").GetString() + " | " + c.GetProperty("member").GetString() + " | " + c.GetProperty("location").GetString())
        .OrderBy(r => r, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_set_joined_flattened_or_enumerated_whole_is_read_there()
    {
        var reads = Reads(Run());
        Assert.Contains("Shop.Domain.Customer | Join | OrderQueries.Joined | Data/Queries.cs:26", reads);
        Assert.Contains("Shop.Data.Line | GroupJoin | OrderQueries.JoinedSet | Data/Queries.cs:27", reads);
        Assert.Contains("Shop.Data.Line | SelectMany | OrderQueries.Flattened | Data/Queries.cs:28", reads);
        Assert.Contains("Shop.Data.Note | await foreach | OrderQueries.Each | Data/Queries.cs:35", reads);
        Assert.Contains("Shop.Data.Tag | foreach | OrderQueries.Each | Data/Queries.cs:36", reads);
        // The outer sets are read by their chains, as before; a query-syntax join by its clause.
        Assert.Contains("Shop.Domain.Order | ToList | OrderQueries.Joined | Data/Queries.cs:26", reads);
        Assert.Contains("Shop.Domain.Customer | join | OrderQueries.Syntax | Data/Queries.cs:29", reads);
    }

    [Fact]
    public void A_query_ending_in_AsEnumerable_or_ToAsyncEnumerable_is_read()
    {
        var reads = Reads(Run());
        Assert.Contains("Shop.Domain.Order | AsEnumerable | OrderQueries.Streamed | Data/Queries.cs:30", reads);
        Assert.Contains("Shop.Domain.Customer | ToAsyncEnumerable | OrderQueries.StreamedAsync | Data/Queries.cs:31", reads);
    }

    [Fact]
    public void A_set_returned_as_a_query_is_read_by_the_method_that_returns_it_and_through_a_generic_repository_by_its_caller()
    {
        var output = Run();
        var reads = Reads(output);
        Assert.Contains("Shop.Domain.Order | return | OrderQueries.All | Data/Queries.cs:39", reads);
        Assert.Contains("Shop.Data.Line | return | OrderQueries.AllLines | Data/Queries.cs:40", reads);
        Assert.Contains("T of Repository<T> | return | Repository.GetAll | Data/Queries.cs:46", reads);
        Assert.Contains("T of Repository<T> | AsQueryable | Repository.Query | Data/Queries.cs:48", reads);
        Assert.Contains("`OrderService.Open` [Data/Queries.cs:53](Data/Queries.cs#L53) through `Repository.GetAll`", output.Markdown);
    }

    [Fact]
    public void Set_declarations_in_memory_sequences_look_alike_joins_and_lambdas_are_no_reads()
    {
        var output = Run();
        var reads = Reads(output);
        Assert.DoesNotContain(reads, r => r.Contains("| Traps.", StringComparison.Ordinal));
        Assert.DoesNotContain(reads, r => r.Contains("| ShopContext", StringComparison.Ordinal));
        Assert.DoesNotContain(reads, r => r.Contains("Repository.Table", StringComparison.Ordinal));
        Assert.Equal(17, reads.Length);
    }
}
