using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>A connection string that is a parameter of the method making the call is the caller's argument: said so,
/// with the method, instead of "computed in code" (which read as if that code computed it). Callers are not followed.</summary>
public class ConnectionParameterTests
{
    private const string Code = """
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
            }

            public static class DataSetup
            {
                public static IServiceCollection AddShopData(this IServiceCollection services, string connectionString) =>
                    services.AddDbContext<ShopContext>(o => o.UseSqlServer(connectionString));
            }

            public class Reports
            {
                public Microsoft.Data.SqlClient.SqlConnection Open(string cs) => new Microsoft.Data.SqlClient.SqlConnection(cs);
                // A value computed here stays "computed in code".
                public Microsoft.Data.SqlClient.SqlConnection Joined(string host) => new Microsoft.Data.SqlClient.SqlConnection("Server=" + host);
            }
        }
        """;

    [Fact]
    public void A_parameter_is_the_callers_argument_named_with_its_method()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("the caller's argument for parameter `connectionString` of `DataSetup.AddShopData` (callers not followed)", md);
        Assert.Contains("| `new SqlConnection` | the caller's argument for parameter `cs` of `Reports.Open` (callers not followed) [Data/Shop.cs:21](Data/Shop.cs#L21) | `Reports.Open` ", md);
        Assert.Contains("\"kind\": \"Parameter\",\n          \"value\": \"cs\",\n          \"method\": \"Reports.Open\"", output.Json);
        // Not a parameter: an expression built from one.
        Assert.Contains("| `new SqlConnection` | computed in code [Data/Shop.cs:23](Data/Shop.cs#L23) | `Reports.Joined` ", md);
        Assert.DoesNotContain("computed in code: `cs`", md);
        Assert.DoesNotContain("computed in code: `connectionString`", md);
    }
}
