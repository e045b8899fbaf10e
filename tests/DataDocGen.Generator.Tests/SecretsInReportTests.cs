using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>No secret from appsettings or code reaches DATA_LAYER.md or DATA_LAYER.json, whatever the store.</summary>
public class SecretsInReportTests
{
    // Connection strings with secrets for each store the issue names; each secret is a distinct marker.
    private static readonly (string Name, string Value, string Secret)[] Corpus =
    [
        ("SqlServer", "Server=tcp:db.example,1433;Initial Catalog=Shop;User ID=app;Password=SqlSrv-Secret-01;Encrypt=True", "SqlSrv-Secret-01"),
        ("SqlServerPwd", "Data Source=.;Database=Shop;UID=sa;PWD={Sql;Braced-Secret-02}", "Braced-Secret-02"),
        ("Postgres", "Host=pg.example;Port=5432;Database=shop;Username=app;Password=Pg-Secret-03;SSL Mode=Require", "Pg-Secret-03"),
        ("PostgresUri", "postgres://app:PgUri-Secret-04@pg.example:5432/shop?sslmode=require", "PgUri-Secret-04"),
        ("MySql", "Server=mysql.example;Database=shop;Uid=app;Pwd=MySql-Secret-05;SslMode=Required", "MySql-Secret-05"),
        ("Sqlite", "Data Source=shop.db;Password=Sqlite-Secret-06", "Sqlite-Secret-06"),
        ("Redis", "redis.example:6380,password=Redis-Secret-07,ssl=True,abortConnect=False", "Redis-Secret-07"),
        ("RedisUri", "rediss://default:RedisUri-Secret-08@redis.example:6380", "RedisUri-Secret-08"),
        ("Mongo", "mongodb+srv://app:Mongo-Secret-09@cluster0.example.net/shop?retryWrites=true&w=majority", "Mongo-Secret-09"),
        ("Cosmos", "AccountEndpoint=https://shop.documents.azure.com:443/;AccountKey=Q29zbW9zU2VjcmV0S2V5MTA=;Database=shop", "Q29zbW9zU2VjcmV0S2V5MTA="),
        ("Storage", "DefaultEndpointsProtocol=https;AccountName=shopstore;AccountKey=U3RvcmFnZVNlY3JldDEx;EndpointSuffix=core.windows.net", "U3RvcmFnZVNlY3JldDEx"),
        ("StorageSas", "BlobEndpoint=https://shopstore.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=SasSig-Secret-12", "SasSig-Secret-12"),
    ];

    [Fact]
    public void Configuration_values_and_literals_are_redacted_everywhere()
    {
        var registrations = string.Join("\n", Corpus.Select(c =>
            $"        services.AddDbContext<Ctx{c.Name}>(o => o.UseSqlServer(config.GetConnectionString(\"{c.Name}\")));"));
        var contexts = string.Join("\n", Corpus.Select(c => $"public class Ctx{c.Name}(DbContextOptions<Ctx{c.Name}> o) : DbContext(o) {{ }}"));
        var literal = "Server=code.example;Database=Shop;User Id=app;Password=Literal-Secret-13";
        var sources = Sources.With(("Program.cs", $$"""
            {{contexts}}
            public class LiteralContext : DbContext
            {
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("{{literal}}");
            }
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
            {{registrations}}
                }
            }
            """));
        var appSettings = "{ \"ConnectionStrings\": {\n" + string.Join(",\n", Corpus.Select(c => $"  \"{c.Name}\": \"{c.Value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"")) + "\n} }";

        var output = GeneratorHarness.Run(sources, new Dictionary<string, string> { ["appsettings.Production.json"] = appSettings });

        Assert.NotNull(output.Markdown);
        foreach (var (name, _, secret) in Corpus)
        {
            Assert.Contains($"`ConnectionStrings:{name}` | Production |", output.Markdown); // the value is reported...
            Assert.DoesNotContain(secret, output.All); // ...without its secret
        }
        Assert.DoesNotContain("Literal-Secret-13", output.All);
        Assert.Contains("Server=code.example;Database=Shop;User Id=app;Password=***", output.Markdown);
        Assert.Contains("Host=pg.example;Port=5432;Database=shop;Username=app;Password=***", output.Markdown);
    }

    [Fact]
    public void The_fragment_referencing_projects_merge_holds_no_literal_either()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", """
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> o) : DbContext(o) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public static class S { public static void Add(IServiceCollection s) => s.AddDbContext<ShopContext>(o => o.UseSqlServer("Server=x;Password=Reg-Secret-99")); }
            }
            """)));
        Assert.NotNull(output.Fragment);
        Assert.Contains("Server=x;Password=***", output.Fragment);
        Assert.DoesNotContain("Reg-Secret-99", output.All);
    }
}
