using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>DataDocGenSections keeps the outline sections asked for, in the markdown only.</summary>
public class SectionFilterTests
{
    [Fact]
    public void Only_the_sections_asked_for_are_kept_with_their_table_of_contents()
    {
        var sources = Sources.With(("Data/Shop.cs", """
            using System.Threading.Tasks;
            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=x.db");
                }
                public class Orders(ShopContext db)
                {
                    public Task<List<Shop.Domain.Order>> All() => db.Orders.AsNoTracking().ToListAsync();
                    public void Add(Shop.Domain.Order order) { using var t = db.Database.BeginTransaction(); db.Orders.Add(order); db.SaveChanges(); t.Commit(); }
                }
            }
            """));
        var all = GeneratorHarness.Run(sources).Markdown!;
        Assert.Contains("### 1.2 Data models and entities", all);
        Assert.Contains("### 2.4 Query optimisation", all);

        var some = GeneratorHarness.Run(sources, properties: new Dictionary<string, string> { ["DataDocGenSections"] = "1.1; 2.2" });
        var md = some.Markdown!;
        Assert.Contains("## 1. Database architecture", md);
        Assert.Contains("### 1.1 Databases and connections", md);
        Assert.DoesNotContain("### 1.2", md);
        Assert.DoesNotContain("##### Table", md);
        Assert.Contains("## 2. Data operations", md);
        Assert.Contains("### 2.2 Transactions", md);
        Assert.DoesNotContain("### 2.1", md);
        Assert.DoesNotContain("### 2.4", md);
        Assert.DoesNotContain("(#12-data-models-and-entities)", md); // the table of contents follows
        Assert.Contains("\"tables\": [", some.Json); // the JSON keeps everything
        Assert.Contains("\"name\": \"Orders\"", some.Json);
    }
}
