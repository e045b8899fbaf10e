using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

public class SeedingTests
{
    [Fact]
    public void HasData_rows_are_counted_per_entity_when_the_call_shows_them()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                    protected override void OnModelCreating(ModelBuilder b)
                    {
                        b.Entity<Shop.Domain.Customer>().HasData(new Shop.Domain.Customer { Id = 1, Name = "a" }, new { Id = 2, Name = "b" });
                        b.Entity<Shop.Domain.Customer>().HasData(new[] { new Shop.Domain.Customer { Id = 3 }, new Shop.Domain.Customer { Id = 4 }, new Shop.Domain.Customer { Id = 5 } });
                        b.Entity<Shop.Domain.Customer>().HasData(Seed());
                    }
                    private static Shop.Domain.Customer[] Seed() => [];
                }
            }
            """)));

        var seeds = Json.Parse(output.Json).GetProperty("seeding").EnumerateArray()
            .Select(s => s.GetProperty("rows").ValueKind == System.Text.Json.JsonValueKind.Null ? "?" : s.GetProperty("rows").GetInt32().ToString()).ToArray();
        Assert.Equal(["2", "3", "?"], seeds);
        Assert.Contains("### 3.2 Seeding", output.Markdown);
        Assert.Contains("| `Shop.Domain.Customer` | not counted (computed in code) | [Data/ShopContext.cs:", output.Markdown);
    }
}
