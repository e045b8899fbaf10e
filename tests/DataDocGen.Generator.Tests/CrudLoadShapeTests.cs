using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.1's CRUD matrix, load shapes from the dotnet/eShop audit: a query local initialised with a cast of
/// a DbSet, DbContext's <c>Find&lt;T&gt;</c>, and an entity loaded through <c>Set&lt;T&gt;()</c>, changed and saved.</summary>
public class CrudLoadShapeTests
{
    private const string Code = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class Tag { public int Id { get; set; } public string Label { get; set; } = ""; }
            public class Note { public int Id { get; set; } public string Text { get; set; } = ""; }
            public class Invoice { public int Id { get; set; } public string State { get; set; } = ""; }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
                // A project's own Find: not DbContext's.
                public Tag? Find<T>(string code) => null;
            }
            public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options) { }
            public static class Sources { public static IQueryable<Note> Notes() => new List<Note>().AsQueryable(); }

            public class Catalog(ShopContext db, OtherContext other)
            {
                public async Task<long> Page(int skip, int take)
                {
                    var root = (IQueryable<Order>)db.Orders;
                    var total = await root.LongCountAsync();
                    var page = await root.Skip(skip).Take(take).ToListAsync();
                    return total + page.Count;
                }

                public async Task<Customer?> Lookup(int id) => await db.FindAsync<Customer>(id);

                public object? Untyped(int id) => db.Find(typeof(Invoice), id);

                public async Task MarkSent(int id)
                {
                    var invoice = db.Set<Invoice>().Single(x => x.Id == id);
                    invoice.State = "sent";
                    await db.SaveChangesAsync();
                }

                // Traps: a cast of a project method's query, the project's own Find<T>, a Set<T> load that another
                // context saves, an untracked Set<T> load.
                public long Traps(int id)
                {
                    var notes = (IQueryable<Note>)Sources.Notes();
                    var tag = db.Find<Tag>("code");
                    var elsewhere = other.Set<Invoice>().Single(x => x.Id == id);
                    elsewhere.State = "x";
                    var untracked = db.Set<Invoice>().AsNoTracking().Single(x => x.Id == id);
                    untracked.State = "y";
                    db.SaveChanges(); // neither is tracked by db: nothing to write
                    return notes.LongCount();
                }
            }
        }
        """;

    private static string[] Row(string md, string entity) =>
        md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n')
            .FirstOrDefault(l => l.StartsWith("| `" + entity + "` |", StringComparison.Ordinal))?.Split(" | ") ?? Array.Empty<string>();

    private static GeneratorOutput Run()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Catalog.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output;
    }

    [Fact]
    public void A_query_local_initialised_with_a_cast_of_a_DbSet_is_read_where_it_runs()
    {
        var md = Run().Markdown!;
        Assert.Equal("`Catalog.Page` [Data/Catalog.cs:30](Data/Catalog.cs#L30), [Data/Catalog.cs:31](Data/Catalog.cs#L31)", Row(md, "Shop.Domain.Order")[2]);
        Assert.Empty(Row(md, "Shop.Data.Note"));
    }

    [Fact]
    public void DbContext_Find_of_a_type_reads_it()
    {
        var md = Run().Markdown!;
        Assert.Equal("`Catalog.Lookup` [Data/Catalog.cs:35](Data/Catalog.cs#L35)", Row(md, "Shop.Domain.Customer")[2]);
        Assert.Contains("`Catalog.Untyped` [Data/Catalog.cs:37](Data/Catalog.cs#L37)", Row(md, "Shop.Data.Invoice")[2]);
        Assert.Empty(Row(md, "Shop.Data.Tag"));
    }

    [Fact]
    public void An_entity_loaded_through_Set_changed_and_saved_by_the_same_context_is_an_update()
    {
        var md = Run().Markdown!;
        Assert.Equal("`Catalog.MarkSent` [Data/Catalog.cs:42](Data/Catalog.cs#L42)", Row(md, "Shop.Data.Invoice")[3]);
    }
}
