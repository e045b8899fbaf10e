using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>How each DbContext's provider, registration and connection string are found.</summary>
public class ProviderAndRegistrationTests
{
    private const string ShopContext = """
        namespace Shop.Data
        {
            public class ShopContext : DbContext
            {
                public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
            }
        }
        """;

    private static GeneratorOutput RunProgram(string program, IReadOnlyDictionary<string, string>? appSettings = null) =>
        GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", ShopContext), ("Program.cs", program)), appSettings);

    [Theory]
    [InlineData("UseSqlServer(\"Server=.;Database=Shop\")", "SqlServer", "SQL Server")]
    [InlineData("UseSqlite(\"Data Source=shop.db\")", "Sqlite", "SQLite")]
    [InlineData("UseInMemoryDatabase(\"shop\")", "InMemory", "EF Core in-memory database")]
    public void OnConfiguring_provider_is_reported_with_its_line(string call, string provider, string display)
    {
        var context = $$"""
            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                    {
                        if (!optionsBuilder.IsConfigured)
                            optionsBuilder.{{call}};
                    }
                }
            }
            """;
        var sources = Sources.With(("Data/ShopContext.cs", context));
        var output = GeneratorHarness.Run(sources);

        Assert.Equal(provider, Json.Context(output.Json, "ShopContext").GetProperty("provider").GetString());
        var line = Json.LineOf(sources["Data/ShopContext.cs"], "optionsBuilder." + call.Split('(')[0]);
        Assert.Contains($"| Provider | {display}: `{call.Split('(')[0]}` in `OnConfiguring`, when `!optionsBuilder.IsConfigured` | [Data/ShopContext.cs:{line}](Data/ShopContext.cs#L{line}) |", output.Markdown);
    }

    [Fact]
    public void AddDbContextPool_reports_explicit_pool_size_and_named_connection_string()
    {
        var output = RunProgram("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration configuration)
                {
                    services.AddDbContextPool<Shop.Data.ShopContext>(o => o.UseSqlServer(configuration.GetConnectionString("Shop"), sql => sql.EnableRetryOnFailure(3)), poolSize: 64);
                }
            }
            """);

        Assert.Contains("`AddDbContextPool<ShopContext>`, pool size 64 |", output.Markdown);
        Assert.Contains("named connection string `Shop` (configuration key `ConnectionStrings:Shop`)", output.Markdown);
        Assert.Contains("| Provider options | `EnableRetryOnFailure(3)` |", output.Markdown);
        Assert.Equal("SqlServer", Json.Context(output.Json, "ShopContext").GetProperty("provider").GetString());
    }

    [Fact]
    public void Pool_size_default_is_read_from_the_referenced_EF_Core_method()
    {
        var output = RunProgram("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddPooledDbContextFactory<Shop.Data.ShopContext>(o => o.UseSqlite("Data Source=shop.db"));
            }
            """);

        // EF Core 6+ declares poolSize = 1024 (DbContextPool<T>.DefaultPoolSize).
        Assert.Contains("`AddPooledDbContextFactory<ShopContext>`, pool size 1024 (the method's default)", output.Markdown);
        Assert.Contains("constant in code: `Data Source=shop.db`", output.Markdown);
    }

    [Fact]
    public void AddDbContextFactory_and_AddDbContext_report_lifetimes()
    {
        var output = RunProgram("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    services.AddDbContextFactory<Shop.Data.ShopContext>(o => o.UseSqlite(config["Db:Main"]), ServiceLifetime.Scoped);
                    services.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlite(config.GetValue<string>("Db:Other")));
                }
            }
            """);

        Assert.Contains("`AddDbContextFactory<ShopContext>`, factory lifetime Scoped", output.Markdown);
        Assert.Contains("`AddDbContext<ShopContext>`, lifetime Scoped", output.Markdown);
        Assert.Contains("configuration key `Db:Main`", output.Markdown);
        Assert.Contains("configuration key `Db:Other`", output.Markdown);
    }

    [Fact]
    public void Provider_shorthand_registration_is_a_provider_and_a_registration()
    {
        var output = RunProgram("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config) =>
                    services.AddSqlServer<Shop.Data.ShopContext>(config.GetSection("Data").GetSection("Shop")["Connection"]);
            }
            """);

        Assert.Contains("SQL Server: `AddSqlServer` in the `AddSqlServer` registration", output.Markdown);
        Assert.Contains("configuration key `Data:Shop:Connection`", output.Markdown);
        Assert.Equal("SqlServer", Json.Context(output.Json, "ShopContext").GetProperty("provider").GetString());
    }

    [Fact]
    public void Connection_string_is_followed_through_locals_coalesce_and_environment_variables()
    {
        var output = RunProgram("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
                    var connection = config.GetConnectionString("Primary") ?? Environment.GetEnvironmentVariable("SHOP_DB") ?? throw new InvalidOperationException("missing");
                    services.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlite(connection));
                }
            }
            """);

        Assert.Contains("named connection string `Primary`", output.Markdown);
        Assert.Contains("environment variable `SHOP_DB`", output.Markdown);
        Assert.DoesNotContain("missing", output.Markdown);
    }

    [Fact]
    public void Conflicting_providers_leave_the_json_provider_null_and_show_each_condition()
    {
        var output = RunProgram("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config, bool isDevelopment)
                {
                    services.AddDbContext<Shop.Data.ShopContext>(o =>
                    {
                        if (isDevelopment) o.UseSqlite("Data Source=dev.db");
                        else o.UseSqlServer(config.GetConnectionString("Shop"));
                    });
                }
            }
            """);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "ShopContext").GetProperty("provider").ValueKind);
        Assert.Contains("`UseSqlite` in the `AddDbContext` registration, when `isDevelopment`", output.Markdown);
        Assert.Contains("`UseSqlServer` in the `AddDbContext` registration, when `not (isDevelopment)`", output.Markdown);
    }

    /// <summary>The eShopOnWeb audit: a context registered with the in-memory database or SQL Server lost SQL Server's
    /// filter on a unique index over a nullable column without a word, and showed blank store types unexplained.</summary>
    [Theory]
    [InlineData("if (memory) o.UseInMemoryDatabase(\"shop\"); else o.UseSqlServer(\"Server=.\");", "the provider is chosen at run time (EF Core in-memory database or SQL Server)", true)]
    [InlineData("if (memory) o.UseSqlite(\"Data Source=s.db\"); else o.UseNpgsql(\"Host=db\");", "the provider is chosen at run time (PostgreSQL (Npgsql) or SQLite)", false)]
    [InlineData("", "no provider is chosen in this project", true)]
    public void Without_one_provider_store_types_and_the_SQL_Server_filter_are_explained(string options, string why, bool sqlServerNote)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", """
            namespace Shop
            {
                public class Tag { public int Id { get; set; } public string? Code { get; set; } }
                public class TagContext(DbContextOptions<TagContext> options) : DbContext(options)
                {
                    public DbSet<Tag> Tags => Set<Tag>();
                    protected override void OnModelCreating(ModelBuilder b) => b.Entity<Tag>().HasIndex(t => t.Code).IsUnique();
                }
                public static class Setup
                {
                    public static void Add(IServiceCollection services, bool memory) => services.AddDbContext<TagContext>(o => { OPTIONS });
                }
            }
            """.Replace("OPTIONS", options))));

        Assert.Contains("Store types are not shown: " + why + ", and they depend on it.", output.Markdown);
        Assert.Equal(sqlServerNote, output.Markdown!.Contains("Unique index `IX_Tags_Code` (`Code`) (" + why + ": on SQL Server EF Core adds a filter excluding NULLs)", StringComparison.Ordinal));
    }

    [Fact]
    public void Connection_values_come_from_appsettings_per_environment_with_secrets_redacted()
    {
        var output = RunProgram("""
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config) =>
                    services.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlServer(config.GetConnectionString("Shop")));
            }
            """,
            new Dictionary<string, string>
            {
                ["appsettings.json"] = """{ "ConnectionStrings": { "Shop": "Server=db;Database=Shop;User Id=app;Password=TopSecret1" } }""",
                ["appsettings.Production.json"] = """
                    {
                      // comments are allowed here, as by the configuration system
                      "connectionstrings": { "shop": "Server=prod;Database=Shop;Password='Quoted;Secret2'" },
                    }
                    """,
            });

        // The base file applies where no environment file sets the key (keys ignore case): here Production replaces it.
        Assert.Contains("| `ConnectionStrings:Shop` | base file (replaced in Production) | `Server=db;Database=Shop;User Id=app;Password=***` | [appsettings.json:1](appsettings.json#L1) |", output.Markdown);
        Assert.Contains("| Production | `Server=prod;Database=Shop;Password=***` | [appsettings.Production.json:3](appsettings.Production.json#L3) |", output.Markdown);
        Assert.DoesNotContain("TopSecret1", output.All);
        Assert.DoesNotContain("Secret2", output.All);
    }

    [Fact]
    public void Registration_of_a_context_from_a_referenced_assembly_lists_its_DbSets_but_not_tables()
    {
        var library = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Lib.cs"] = Sources.Usings + Sources.Entities + "\n" + ShopContext,
        }, assemblyName: "Shop.Infrastructure");
        // A compiled assembly, as a project or package reference reaches the compiler.
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        var reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
        var output = GeneratorHarness.Run(
            new Dictionary<string, string>
            {
                ["Program.cs"] = Sources.Usings + """
                    public static class Startup
                    {
                        public static void Configure(IServiceCollection services) =>
                            services.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlite("Data Source=x.db"));
                    }
                    """,
            },
            extraReferences: [reference]);

        Assert.Contains("declared in the referenced assembly `Shop.Infrastructure`", output.Markdown);
        Assert.Contains("| `Shop.Domain.Order` | `Orders` |", output.Markdown);
        Assert.Contains("OnModelCreating cannot be read from this project", output.Markdown);
        Assert.Empty(Json.Context(output.Json, "ShopContext").GetProperty("tables").EnumerateArray());
    }

    [Fact]
    public void Look_alike_methods_that_are_not_EF_Core_are_ignored()
    {
        var output = GeneratorHarness.Run(Sources.With(("Program.cs", """
            namespace HealthChecks
            {
                public static class Extensions
                {
                    public static IServiceCollection AddSqlServer<T>(this IServiceCollection services, string connectionString) => services;
                    public static object UseSqlServer(this object builder, string connectionString) => builder;
                }
                public class NotAContext { }
                public static class Startup
                {
                    public static void Configure(IServiceCollection services)
                    {
                        services.AddSqlServer<NotAContext>("Server=x;Password=hunter2");
                        new object().UseSqlServer("Server=x");
                    }
                }
            }
            """)));

        Assert.Contains("found no data layer", output.Markdown);
        Assert.DoesNotContain("hunter2", output.All);
    }

    /// <summary>The CleanArchitecture audit: <c>ConfigureWarnings(…)</c> hid that the registration ignores EF 9's
    /// <c>PendingModelChangesWarning</c> (Migrate no longer stops on model changes no migration holds). A short expression
    /// lambda is shown whole; a block or a long lambda stays elided.</summary>
    [Theory]
    [InlineData("w => w.Ignore(RelationalEventId.PendingModelChangesWarning)", "`ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))`")]
    [InlineData("w => { w.Ignore(RelationalEventId.PendingModelChangesWarning); }", "`ConfigureWarnings(…)`")]
    [InlineData("w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning).Log((CoreEventId.FirstWithoutOrderByAndFilterWarning, Microsoft.Extensions.Logging.LogLevel.Error))", "`ConfigureWarnings(…)`")]
    [InlineData("w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning)", "`ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning))`")]
    public void A_short_ConfigureWarnings_lambda_is_shown_whole(string lambda, string shown)
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            using Microsoft.EntityFrameworkCore.Diagnostics;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                }
                public static class Setup
                {
                    public static void Add(IServiceCollection services) => services.AddDbContext<ShopContext>(o =>
                    {
                        o.UseSqlServer("Server=.;Database=Shop");
                        o.ConfigureWarnings(LAMBDA);
                    });
                }
            }
            """.Replace("LAMBDA", lambda))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| Context option | " + shown + " |", output.Markdown);
    }
}
