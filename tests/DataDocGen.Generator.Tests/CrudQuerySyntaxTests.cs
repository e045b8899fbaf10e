using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Reads written in LINQ query syntax (<c>from g in db.Groups join u in db.Users on ...</c>): each clause over a
/// DbSet reads its entity. The bitwarden audit found every such read missing from the CRUD matrix.</summary>
public class CrudQuerySyntaxTests
{
    [Fact]
    public void From_and_join_clauses_over_a_DbSet_read_their_entities_and_other_sources_do_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Queries.cs", """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                }
                public class OrderQueries(ShopContext db)
                {
                    public Task<List<string>> Names(int minimum)
                    {
                        var query = from c in db.Customers
                                    join o in db.Set<Order>() on c.Id equals o.CustomerId
                                    where o.Id > minimum
                                    select c.Name;
                        return query.ToListAsync();
                    }

                    // In memory: a list, not a DbSet.
                    public IEnumerable<int> Local(List<Order> orders) => from o in orders where o.Id > 0 select o.Id;
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var reads = Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
            .Where(c => c.GetProperty("operation").GetString() == "Read")
            .Select(c => c.GetProperty("entity").GetString() + " | " + c.GetProperty("api").GetString() + " | " + c.GetProperty("member").GetString() + " | " + c.GetProperty("location").GetString())
            .OrderBy(r => r, StringComparer.Ordinal).ToArray();
        Assert.Equal(
        [
            "Shop.Domain.Customer | from | OrderQueries.Names | Data/Queries.cs:21",
            "Shop.Domain.Order | join | OrderQueries.Names | Data/Queries.cs:22",
        ], reads);
    }
}
