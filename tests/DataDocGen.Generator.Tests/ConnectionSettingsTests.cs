using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Pooling, timeout and retry settings read from a redacted connection value, in each provider's form.</summary>
public class ConnectionSettingsTests
{
    [Theory]
    [InlineData("Server=db;Database=Shop;User Id=app;Password=***;Max Pool Size=50;Connect Timeout=15", "Max Pool Size=50|Connect Timeout=15")]
    [InlineData("Host=pg;Username=app;Password=***;Pooling=true;Minimum Pool Size=5;Command Timeout=30", "Pooling=true|Minimum Pool Size=5|Command Timeout=30")]
    [InlineData("mongodb://app:***@mongo:27017/shop?replicaSet=rs0&maxPoolSize=20&serverSelectionTimeoutMS=5000", "maxPoolSize=20|serverSelectionTimeoutMS=5000")]
    [InlineData("cache:6380,password=***,ssl=True,abortConnect=False,connectTimeout=5000", "abortConnect=False|connectTimeout=5000")]
    // None set, or keys of other kinds (a database name, a password) are no such setting.
    [InlineData("Server=db;Database=Pooling;User Id=app;Password=***", "")]
    [InlineData("mongodb://mongo:27017/shop?replicaSet=rs0&authSource=admin", "")]
    [InlineData(null, "")]
    public void Pooling_timeouts_and_retries_are_read_as_written(string? value, string expected)
    {
        Assert.Equal(expected, string.Join("|", ConnectionSettings.Of(value)));
    }

    [Fact]
    public void The_connection_values_table_shows_them_in_a_column_of_their_own()
    {
        var code = """
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public static class Setup
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration) =>
                        services.AddDbContext<ShopContext>(o => o.UseSqlServer(configuration.GetConnectionString("Shop")));
                }
            }
            """;
        var settings = new Dictionary<string, string>
        {
            ["appsettings.json"] = """{ "ConnectionStrings": { "Shop": "Server=db;Database=Shop;User Id=app;Password=Shop-Secret-1;Max Pool Size=50;Connect Timeout=15" } }""",
            ["appsettings.Development.json"] = """{ "ConnectionStrings": { "Shop": "Server=localhost;Database=Shop;Trusted_Connection=True" } }""",
        };
        var output = GeneratorHarness.Run(Sources.With(("Data/Setup.cs", code)), settings);
        Assert.Contains("| Key | Environment | Value | Pooling, timeouts, retries | Evidence |", output.Markdown);
        Assert.Contains("Password=***;Max Pool Size=50;Connect Timeout=15` | `Max Pool Size=50`, `Connect Timeout=15` | [appsettings.json:1]", output.Markdown);
        Assert.Contains("Trusted_Connection=True` |  | [appsettings.Development.json:1]", output.Markdown);
        Assert.DoesNotContain("Shop-Secret-1", output.All);
    }
}
