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

    [Fact]
    public void Raw_SQL_outside_FromSql_on_a_filtered_entitys_table_is_listed_as_unfiltered()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", """
            using System.Linq;
            using Dapper;
            using Microsoft.Data.SqlClient;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public System.Guid TenantId { get; set; }
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Customer> Customers => Set<Customer>();
                    protected override void OnModelCreating(ModelBuilder b) => b.Entity<Order>().HasQueryFilter(o => o.CustomerId > 0);
                }
                public class Reports(ShopContext db, SqlConnection connection)
                {
                    public int Purge() => db.Database.ExecuteSqlRaw("DELETE FROM [dbo].[Orders] WHERE CustomerId = 0");
                    public int Count() => connection.ExecuteScalar<int>("SELECT COUNT(*) FROM Orders");
                    public List<Order> Composed() => db.Orders.FromSqlRaw("SELECT * FROM Orders").ToList();
                    public int Names() => connection.ExecuteScalar<int>("SELECT COUNT(*) FROM Customers");
                }
            }
            """))).Markdown!;
        Assert.Contains("Raw SQL on the tables of filtered entities (a global query filter is added to EF Core's LINQ queries, not to this SQL):", md);
        Assert.Contains("| `Reports.Purge` | EF Core ExecuteSqlRaw | DELETE | `[dbo].[Orders]` | `Shop.Domain.Order` |", md);
        Assert.Contains("| `Reports.Count` | Dapper ExecuteScalar | SELECT | `Orders` | `Shop.Domain.Order` |", md);
        // FromSql is composed into a LINQ query; Customers has no filter.
        Assert.DoesNotContain("| `Reports.Composed` | EF Core FromSqlRaw | SELECT | `Orders` | `Shop.Domain.Order` |", md);
        Assert.DoesNotContain("| `Customers` | `Shop.Domain.Customer` |", md);
    }
}
