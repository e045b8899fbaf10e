using System.Text.Json;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 4.1: what a known client does in transit when the connection string the code hands it says nothing
/// about TLS, for the client versions checked (Npgsql 10.0, MongoDB.Driver 3.14, StackExchange.Redis 2.8, MySqlConnector
/// 2.6, the ones this project references), and nothing when the code may set TLS itself.</summary>
public class TransitDefaultTests
{
    private const string Stores = """
        using MongoDB.Driver;
        using Npgsql;
        using StackExchange.Redis;
        namespace Shop.Data
        {
            public class Stores(IConfiguration configuration)
            {
                public NpgsqlConnection Prices() => new NpgsqlConnection(configuration.GetConnectionString("Prices"));
                public MongoClient Catalog() => new MongoClient(configuration.GetConnectionString("Catalog"));
                public ConnectionMultiplexer Cache() => ConnectionMultiplexer.Connect(configuration.GetConnectionString("Redis")!);
                public MySqlConnector.MySqlConnection Suppliers() => new MySqlConnector.MySqlConnection(configuration.GetConnectionString("Suppliers"));
            }
        }
        """;

    private static Dictionary<string, string> Settings(string prices, string catalog, string redis, string suppliers, string extra = "") => new()
    {
        ["appsettings.json"] = "{ \"ConnectionStrings\": { \"Prices\": \"" + prices + "\", \"Catalog\": \"" + catalog + "\", \"Redis\": \"" + redis + "\", \"Suppliers\": \"" + suppliers + "\"" + extra + " } }",
    };

    private static readonly Dictionary<string, string> Silent = Settings(
        "Host=pg.internal;Database=prices;Username=app;Password=Pg-Secret",
        "mongodb://app:Mongo-Secret@mongo-1.internal:27017/catalog?replicaSet=rs0",
        "cache.internal:6380,password=Redis-Secret,abortConnect=False",
        "Server=mysql.internal;Database=suppliers;User ID=app;Password=My-Secret");

    private const string NpgsqlRow = "| `ConnectionStrings:Prices` | all (base file) | `SSL Mode` not set | GSS (Kerberos) encryption when it can be negotiated (`GSS Encryption Mode=Prefer`), else TLS if the server offers it, **without validating the server's certificate** (`SSL Mode=Prefer`), else **unencrypted**: Npgsql 10.0.3's defaults | [appsettings.json:1](appsettings.json#L1) |";
    private const string MongoRow = "| `ConnectionStrings:Catalog` | all (base file) | `tls` not set | **not encrypted in transit**: MongoDB.Driver 3.14.0 connects to a `mongodb://` address without TLS when `tls` (or `ssl`) is not set |";
    private const string RedisRow = "| `ConnectionStrings:Redis` | all (base file) | `ssl` not set | **not encrypted in transit**: StackExchange.Redis 2.8.16 connects without TLS when `ssl` is not set |";
    private const string MySqlRow = "| `ConnectionStrings:Suppliers` | all (base file) | `SslMode` not set | TLS only if the server offers it, **otherwise unencrypted** (MySqlConnector 2.6.2's default `SslMode=Preferred`) |";

    [Fact]
    public void Each_client_default_is_said_for_a_connection_string_silent_about_TLS()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores)), Silent);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("Encryption settings in the connection strings the code uses:", md);
        Assert.Contains(NpgsqlRow, md);
        Assert.Contains(MongoRow, md);
        Assert.Contains(RedisRow, md);
        Assert.Contains(MySqlRow, md);

        using var json = JsonDocument.Parse(output.Json!);
        var rows = json.RootElement.GetProperty("security").GetProperty("connectionEncryption").EnumerateArray().ToList();
        var prices = rows.Single(r => r.GetProperty("key").GetString() == "ConnectionStrings:Prices");
        Assert.Equal("SSL Mode not set", prices.GetProperty("setting").GetString());
        Assert.Equal("Npgsql 10.0.3", prices.GetProperty("clientDefault").GetString());
        Assert.Equal("GSS (Kerberos) encryption when it can be negotiated (`GSS Encryption Mode=Prefer`), else TLS if the server offers it, without validating the server's certificate (`SSL Mode=Prefer`), else unencrypted: Npgsql 10.0.3's defaults", prices.GetProperty("meaning").GetString());
    }

    [Fact]
    public void A_development_value_is_reported_with_its_environment_and_mongodb_srv_turns_tls_on()
    {
        var settings = new Dictionary<string, string>(Silent)
        {
            ["appsettings.Development.json"] = """{ "ConnectionStrings": { "Prices": "Host=localhost;Database=prices;Username=postgres;Password=postgres", "Catalog": "mongodb+srv://app:Mongo-Secret@cluster0.example.net/catalog", "Redis": "localhost:6379" } }""",
        };
        var md = GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores)), settings).Markdown!;
        Assert.Contains("| `ConnectionStrings:Prices` | Development | `SSL Mode` not set | GSS (Kerberos) encryption when it can be negotiated", md);
        Assert.Contains("| `ConnectionStrings:Catalog` | Development | `tls` not set | encrypted connection (TLS): MongoDB.Driver 3.14.0 turns TLS on for a `mongodb+srv://` address when `tls` is not set |", md);
        Assert.Contains("| `ConnectionStrings:Redis` | Development | `ssl` not set | **not encrypted in transit**: StackExchange.Redis 2.8.16", md);
        Assert.Contains("| `ConnectionStrings:Prices` | base file (replaced in Development) | `SSL Mode` not set |", md);
    }

    [Fact]
    public void An_explicit_keyword_keeps_its_own_row_and_no_default_is_claimed()
    {
        var settings = Settings(
            "Host=pg.internal;Database=prices;Username=app;Password=Pg-Secret;SSL Mode=Require",
            "mongodb://mongo-1.internal:27017/catalog?tls=true",
            "cache.internal:6380,password=Redis-Secret,ssl=True",
            "Server=mysql.internal;Database=suppliers;User ID=app;Password=My-Secret;SslMode=Required");
        var md = GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores)), settings).Markdown!;
        Assert.Contains("| `ConnectionStrings:Prices` | all (base file) | `SSL Mode=Require` | encrypted connection (TLS): data in transit |", md);
        Assert.Contains("| `ConnectionStrings:Redis` | all (base file) | `ssl=True` | encrypted connection (TLS): data in transit |", md);
        Assert.Contains("| `ConnectionStrings:Suppliers` | all (base file) | `SslMode=Required` | encrypted connection (TLS): data in transit |", md);
        Assert.DoesNotContain(" not set |", md);
        // Other keywords about TLS (an explicit ssl=false, a GSS mode, a certificate) say something too: no default either.
        var others = Settings(
            "Host=pg.internal;Database=prices;Username=app;Password=Pg-Secret;GSS Encryption Mode=Disable",
            "mongodb://mongo-1.internal:27017/catalog?ssl=false",
            "cache.internal:6380,ssl=false",
            "Server=mysql.internal;Database=suppliers;User ID=app;Password=My-Secret;SslCa=/etc/ca.pem");
        Assert.DoesNotContain(" not set |", GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores)), others).Markdown ?? "");
    }

    [Theory]
    [InlineData("var b = new NpgsqlConnectionStringBuilder { SslMode = SslMode.Require };", "`SSL Mode` not set")]
    [InlineData("var o = new ConfigurationOptions(); o.Ssl = true;", "`ssl` not set")]
    [InlineData("var s = new MongoClientSettings { UseTls = true };", "`tls` not set")]
    [InlineData("var b = new MySqlConnector.MySqlConnectionStringBuilder { SslMode = MySqlConnector.MySqlSslMode.Required };", "`SslMode` not set")]
    [InlineData("var b = new NpgsqlDataSourceBuilder(\"Host=x\"); b.UseSslClientAuthenticationOptionsCallback(o => { });", "`SSL Mode` not set")]
    public void Code_that_may_set_TLS_itself_withholds_that_clients_default(string statement, string withheld)
    {
        var configures = """
            using MongoDB.Driver;
            using Npgsql;
            using StackExchange.Redis;
            namespace Shop.Data
            {
                public static class Tls
                {
                    public static void Configure()
                    {
                        STATEMENT
                    }
                }
            }
            """.Replace("STATEMENT", statement);
        var output = GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores), ("Data/Tls.cs", configures)), Silent);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.DoesNotContain(withheld, md);
        // The other clients keep theirs.
        Assert.Equal(3, new[] { NpgsqlRow, MongoRow, RedisRow, MySqlRow }.Count(row => md.Contains(row)));
    }

    [Fact]
    public void Look_alike_members_names_in_comments_and_strings_withhold_nothing()
    {
        var lookAlikes = """
            namespace Shop.Data
            {
                public class ConfigurationOptions { public bool Ssl { get; set; } public string SslMode { get; set; } = ""; }
                public static class NotTls
                {
                    // options.Ssl = true; builder.SslMode = SslMode.Require;
                    public static string Configure()
                    {
                        var o = new ConfigurationOptions { Ssl = true, SslMode = "Require" };
                        return "ConfigurationOptions.Ssl = true; UseTls = true" + o.SslMode;
                    }
                }
            }
            """;
        var md = GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores), ("Data/NotTls.cs", lookAlikes)), Silent).Markdown!;
        Assert.Contains(NpgsqlRow, md);
        Assert.Contains(MongoRow, md);
        Assert.Contains(RedisRow, md);
        Assert.Contains(MySqlRow, md);
    }

    [Fact]
    public void Values_no_client_reads_values_of_another_shape_and_unknown_clients_get_no_claim()
    {
        var settings = Settings(
            // A Unix-domain socket, an address that is no Redis endpoint list, an Azure Cache for Redis host (ssl on by default on 6380).
            "Host=/var/run/postgresql;Database=prices;Username=app",
            "https://catalog.internal/api",
            "shop.redis.cache.windows.net:6380,password=Redis-Secret",
            "mysql.internal",
            // Keys no code reads, though they look like connection strings.
            ", \"Unused\": \"Host=pg;Database=x\", \"UnusedRedis\": \"localhost:6379\"");
        var md = GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores)), settings).Markdown ?? "";
        Assert.DoesNotContain(" not set |", md);

        // Parts the redactor masks whole (no key left): a Redis option after a password, a Mongo parameter without a value.
        var masked = Settings(
            "Host=/tmp;Database=prices",
            "mongodb://mongo-1.internal:27017/catalog?appflag",
            "cache.internal:6380,password=Redis-Secret,sslHost=cache.example",
            "mysql.internal");
        Assert.DoesNotContain(" not set |", GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Stores)), masked).Markdown ?? "");

        // A store through another library (LiteDB here; Marten, linq2db...) or a literal in code: no client default said.
        var other = """
            namespace Shop.Data
            {
                public class Local(IConfiguration configuration)
                {
                    public LiteDB.LiteDatabase Open() => new LiteDB.LiteDatabase(configuration.GetConnectionString("Local"));
                    public Npgsql.NpgsqlConnection Literal() => new Npgsql.NpgsqlConnection("Host=pg;Database=x;Username=u");
                }
            }
            """;
        var literal = new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "Local": "Filename=local.db" } }""" };
        Assert.DoesNotContain(" not set |", GeneratorHarness.Run(Sources.With(("Data/Local.cs", other)), literal).Markdown ?? "");
    }

    [Fact]
    public void An_ef_core_npgsql_context_gets_the_npgsql_default_and_its_provider_options_can_withhold_it()
    {
        var context = """
            using Microsoft.EntityFrameworkCore;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Order> Orders => Set<Order>(); }
                public class Order { public int Id { get; set; } }
                public static class Setup
                {
                    public static void Add(IServiceCollection services, IConfiguration config) =>
                        services.AddDbContext<ShopContext>(o => o.UseNpgsql(config.GetConnectionString("Shop")PROVIDER));
                }
            }
            """;
        var settings = new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "Shop": "Host=pg;Database=shop;Username=app;Password=Pg-Secret" } }""" };
        var md = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", context.Replace("PROVIDER", ""))), settings).Markdown!;
        Assert.Contains("| `ConnectionStrings:Shop` | all (base file) | `SSL Mode` not set | GSS (Kerberos) encryption when it can be negotiated", md);
        var withCallback = context.Replace("PROVIDER", ", npgsql => npgsql.RemoteCertificateValidationCallback((_, _, _, _) => true)");
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", withCallback)), settings);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.DoesNotContain(" not set |", output.Markdown ?? "");
    }

    private static DataDocGen.Generator.Report.DataLayerReport Report(string version, params DataDocGen.Generator.Model.TlsInCodeSpec[] tlsInCode) => new(
        "P", default,
        Stores: new[]
        {
            new DataDocGen.Generator.Report.StoreReport("PostgreSQL", true, "NpgsqlConnection (Npgsql)", "new NpgsqlConnection", default, default,
                new[] { new DataDocGen.Generator.Report.ConnectionValueReport("ConnectionStrings:Prices", null, "appsettings.json", 3, "Host=pg;Database=prices") }.ToEquatableArray()),
            new DataDocGen.Generator.Report.StoreReport("PostgreSQL", true, "NpgsqlSlimDataSourceBuilder (Npgsql)", "new NpgsqlSlimDataSourceBuilder", default, default,
                new[] { new DataDocGen.Generator.Report.ConnectionValueReport("ConnectionStrings:Slim", null, "appsettings.json", 4, "Host=pg;Database=slim") }.ToEquatableArray()),
        }.ToEquatableArray(),
        TransitClients: new[] { new DataDocGen.Generator.Model.TransitClientSpec("Npgsql", version) }.ToEquatableArray(),
        TlsInCode: tlsInCode.ToEquatableArray());

    [Theory]
    [InlineData("10.0.3", true)]
    [InlineData("10.0.7", true)]
    [InlineData("10.1.0", false)]
    [InlineData("9.0.4", false)]
    [InlineData("10.0.0-rc.2", false)]
    [InlineData("100.0.1", false)]
    public void Only_the_checked_client_versions_get_a_claim(string version, bool claimed)
    {
        var rows = DataDocGen.Generator.Report.TransitDefaults.Rows(Report(version));
        // The slim data source builder may have no TLS at all (EnableTransportSecurity): never claimed.
        Assert.DoesNotContain(rows, r => r.Key == "ConnectionStrings:Slim");
        Assert.Equal(claimed ? 1 : 0, rows.Count);
        if (claimed) Assert.Equal("Npgsql " + version, rows[0].ClientDefault);
    }

    [Fact]
    public void Merged_projects_with_other_client_versions_or_tls_in_code_withhold_the_claim()
    {
        var own = Report("10.0.3");
        Assert.Single(DataDocGen.Generator.Report.TransitDefaults.Rows(DataDocGen.Generator.Report.ReportMerger.Merge(own, new[] { Report("10.0.3") })));
        Assert.Empty(DataDocGen.Generator.Report.TransitDefaults.Rows(DataDocGen.Generator.Report.ReportMerger.Merge(own, new[] { Report("9.0.4") })));
        var configured = Report("10.0.3", new DataDocGen.Generator.Model.TlsInCodeSpec("Npgsql", "NpgsqlConnectionStringBuilder.SslMode", "Setup.Configure",
            new DataDocGen.Generator.Model.SourceLocation("Setup.cs", 5)));
        Assert.Empty(DataDocGen.Generator.Report.TransitDefaults.Rows(DataDocGen.Generator.Report.ReportMerger.Merge(own, new[] { configured })));
        // The namespace filter keeps code that sets TLS wherever it is.
        Assert.Empty(DataDocGen.Generator.Report.TransitDefaults.Rows(DataDocGen.Generator.Report.NamespaceFilter.Apply(configured, new[] { new DataDocGen.Generator.Parsing.NamespaceSpan("Setup.cs", "Shop.Setup", 1, 10) }, "Shop.Setup", "")));
    }

    [Theory]
    [InlineData("Server=sql.internal;Database=Orders;User Id=app;Password=Sql-Secret", true)]
    [InlineData("Server=tcp:sql.internal,1433;Database=Orders;User Id=app;Password=Sql-Secret", true)]
    [InlineData("Data Source=sql.internal\\\\Orders;Initial Catalog=Orders;Integrated Security=True", true)]
    [InlineData("Server=(localdb)\\\\MSSQLLocalDB;Database=Orders;Trusted_Connection=True", false)]
    [InlineData("Server=np:\\\\\\\\sql\\\\pipe\\\\sql\\\\query;Database=Orders", false)]
    [InlineData("Server=localhost,1433;Database=Orders;User Id=sa;Password=Sql-Secret", false)]
    [InlineData("Server=sql.internal;Database=Orders;User Id=app;Password=Sql-Secret;Encrypt=False", false)]
    [InlineData("Server=sql.internal;Database=Orders;User Id=app;Password=Sql-Secret;HostNameInCertificate=sql.example", false)]
    public void Sql_client_encrypts_by_default_except_where_not_checked_or_said(string connectionString, bool claimed)
    {
        var code = """
            using Microsoft.Data.SqlClient;
            namespace Shop.Data
            {
                public class Orders(IConfiguration configuration)
                {
                    public SqlConnection Open() => new SqlConnection(configuration.GetConnectionString("Orders"));
                }
            }
            """;
        var settings = new Dictionary<string, string> { ["appsettings.json"] = "{ \"ConnectionStrings\": { \"Orders\": \"" + connectionString + "\" } }" };
        var output = GeneratorHarness.Run(Sources.With(("Data/Orders.cs", code)), settings);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var row = "| `ConnectionStrings:Orders` | all (base file) | `Encrypt` not set | encrypted connection (TLS) required, the server's certificate validated (Microsoft.Data.SqlClient 6.1.7's defaults `Encrypt=True`, `TrustServerCertificate=False`) |";
        if (claimed) Assert.Contains(row, output.Markdown!);
        else Assert.DoesNotContain(" not set |", output.Markdown ?? "");
    }

    [Fact]
    public void An_ef_core_sql_server_context_gets_the_sql_client_default_unless_the_code_sets_encryption()
    {
        var context = """
            using Microsoft.EntityFrameworkCore;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Order> Orders => Set<Order>(); }
                public class Order { public int Id { get; set; } }
                public static class Setup
                {
                    public static void Add(IServiceCollection services, IConfiguration config) =>
                        services.AddDbContext<ShopContext>(o => o.UseSqlServer(config.GetConnectionString("Shop")));
                    EXTRA
                }
            }
            """;
        var settings = new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "Shop": "Server=sql.internal;Database=Shop;User Id=app;Password=Sql-Secret" } }""" };
        var md = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", context.Replace("EXTRA", ""))), settings).Markdown!;
        Assert.Contains("| `ConnectionStrings:Shop` | all (base file) | `Encrypt` not set | encrypted connection (TLS) required", md);
        var builder = "public static string Cs(string cs) => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(cs) { Encrypt = Microsoft.Data.SqlClient.SqlConnectionEncryptOption.Optional }.ConnectionString;";
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", context.Replace("EXTRA", builder))), settings);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.DoesNotContain(" not set |", output.Markdown ?? "");
    }
}
