using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

public class QueryFilterTests
{
    [Fact]
    public void Query_filters_and_their_bypasses_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            using System.Linq;
            using System.Linq.Expressions;
            namespace Shop.Data
            {
                public interface ISoftDelete { bool IsDeleted { get; set; } }
                public class Note : ISoftDelete { public int Id { get; set; } public int TenantId { get; set; } public bool IsDeleted { get; set; } }
                public class ShopContext : DbContext
                {
                    private readonly int _tenant = 1;
                    public DbSet<Note> Notes => Set<Note>();
                    protected override void OnModelCreating(ModelBuilder b)
                    {
                        b.Entity<Note>().HasQueryFilter(n => n.TenantId == _tenant);
                        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(ISoftDelete).IsAssignableFrom(t.ClrType)))
                        {
                            var e = Expression.Parameter(type.ClrType, "e");
                            type.SetQueryFilter(Expression.Lambda(Expression.Not(Expression.Property(e, nameof(ISoftDelete.IsDeleted))), e));
                        }
                    }
                }
                public class Admin(ShopContext db)
                {
                    public int CountAll(bool includeDeleted) => includeDeleted ? db.Notes.IgnoreQueryFilters().Count() : db.Notes.Count();
                }
            }
            """)));

        Assert.Contains("#### Query filters (soft delete, tenancy)", output.Markdown);
        Assert.Contains("| `Shop.Data.Note` | `n => n.TenantId == _tenant` | [Data/ShopContext.cs:", output.Markdown);
        Assert.Contains("| entity types chosen in code at run time | set in code | [Data/ShopContext.cs:", output.Markdown);
        Assert.Contains("- `Admin.CountAll`, when `includeDeleted` [Data/ShopContext.cs:", output.Markdown);
        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
    }
}
