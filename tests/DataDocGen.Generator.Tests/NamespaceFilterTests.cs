using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>DataDocGenExcludeNamespaces / DataDocGenIncludeNamespaces leave out the facts whose evidence lies in the
/// namespaces chosen, in the markdown, the JSON and the fragment alike.</summary>
public class NamespaceFilterTests
{
    private static readonly Dictionary<string, string> Code = Sources.With(
        ("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public class OrderRepository(ShopContext db) { public int Count() => db.Orders.Count(); }
            }
            """),
        ("Legacy/Archive.cs", """
            namespace Shop.Legacy
            {
                public class ArchiveContext : DbContext
                {
                    public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=archive.db");
                }
                public class ArchiveRepository(ArchiveContext db) { public int Purge() => db.Database.ExecuteSqlRaw("DELETE FROM Customers"); }
            }
            """),
        ("Legacy/Nested.cs", """
            namespace Shop
            {
                namespace Legacy.Old
                {
                    public class OldRepository(Shop.Data.ShopContext db) { public int Purge() => db.Database.ExecuteSqlRaw("DELETE FROM Orders WHERE Id < 0"); }
                }
            }
            """),
        ("Tools/Cleanup.cs", """
            namespace Shop.LegacyTools;
            public class CleanupRepository(Shop.Data.ShopContext db) { public int Run() => db.Database.ExecuteSqlRaw("DELETE FROM Orders WHERE Id < -1"); }
            """));

    [Fact]
    public void Every_list_of_the_report_is_either_filtered_or_known_not_to_be_about_code()
    {
        var lists = typeof(DataLayerReport).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            .Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(lists, NamespaceFilter.FilteredLists.Concat(NamespaceFilter.UnfilteredLists).OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Excluded_namespaces_and_those_below_them_are_left_out_everywhere()
    {
        var all = GeneratorHarness.Run(Code);
        Assert.Contains("ArchiveContext", all.Markdown);
        Assert.Contains("OldRepository", all.Markdown);

        var output = GeneratorHarness.Run(Code, properties: new Dictionary<string, string> { ["DataDocGenExcludeNamespaces"] = "Shop.Legacy" });
        // The fragment still lists declared properties (for column links of entities used elsewhere), not facts.
        var fragmentFacts = System.Text.RegularExpressions.Regex.Replace(output.Fragment!, "\"DeclaredMembers\"\\s*:\\s*\\[.*?\\]", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        foreach (var text in new[] { output.Markdown!, output.Json!, fragmentFacts })
        {
            Assert.DoesNotContain("ArchiveContext", text);
            Assert.DoesNotContain("ArchiveRepository", text);
            Assert.DoesNotContain("OldRepository", text); // namespace Shop { namespace Legacy.Old { ... } }
        }
        Assert.Contains("#### ShopContext", output.Markdown);
        Assert.Contains("OrderRepository", output.Markdown);
        Assert.Contains("CleanupRepository", output.Markdown); // Shop.LegacyTools is not below Shop.Legacy
    }

    [Fact]
    public void An_include_list_keeps_only_its_namespaces()
    {
        var output = GeneratorHarness.Run(Code, properties: new Dictionary<string, string> { ["DataDocGenIncludeNamespaces"] = "Shop.Data; Shop.LegacyTools" });
        Assert.Contains("#### ShopContext", output.Markdown);
        Assert.Contains("CleanupRepository", output.Markdown);
        Assert.DoesNotContain("ArchiveContext", output.Markdown);
        Assert.DoesNotContain("OldRepository", output.Markdown);
    }
}
