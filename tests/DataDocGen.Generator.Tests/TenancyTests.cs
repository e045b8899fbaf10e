using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 4.2 multi-tenancy: a schema per tenant (by code) and a database per tenant (by name, labelled so).</summary>
public class TenancyTests
{
    private const string Tenants = """
        namespace Shop.Tenancy
        {
            public interface ITenantProvider { TenantInfo Current { get; } }
            public class TenantInfo { public string Schema { get; set; } = ""; public string ConnectionString { get; set; } = ""; }
        }
        """;

    private const string SchemaPerTenant = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Shop.Tenancy;
        namespace Shop.Data
        {
            public class ShopContext : DbContext
            {
                private readonly ITenantProvider _tenant;
                public ShopContext(DbContextOptions<ShopContext> options, ITenantProvider tenant) : base(options) { _tenant = tenant; }
                public string Schema => _tenant.Current.Schema;
                public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                    optionsBuilder.ReplaceService<IModelCacheKeyFactory, TenantModelCacheKeyFactory>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.HasDefaultSchema(Schema);
            }

            public class TenantModelCacheKeyFactory : IModelCacheKeyFactory
            {
                public object Create(DbContext context, bool designTime)
                    => context is ShopContext shop ? (context.GetType(), shop.Schema, designTime) : (object)context.GetType();
            }
        }
        """;

    [Fact]
    public void A_run_time_default_schema_with_a_key_factory_is_schema_per_tenant_with_evidence_for_each_piece()
    {
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/ShopContext.cs", SchemaPerTenant)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("**Schema per tenant** in `ShopContext`", md);
        Assert.Contains("| default schema read at run time | `HasDefaultSchema(Schema)` | [Data/ShopContext.cs:", md);
        Assert.Contains("| model cache key factory registered | `ReplaceService<IModelCacheKeyFactory, TenantModelCacheKeyFactory>()` in `ShopContext.OnConfiguring` |", md);
        Assert.Contains("| model cache key factory `TenantModelCacheKeyFactory` | key `context is ShopContext shop ?(context.GetType(), shop.Schema, designTime) :(object) context.GetType()`, which reads `ShopContext.Schema` as `HasDefaultSchema` does |", md);
        Assert.DoesNotContain("No `IModelCacheKeyFactory` replacement", md);
        // No schema is guessed for the tables: they are withheld with the reason.
        Assert.Contains("- default schema set at run time (`HasDefaultSchema(Schema)`): the tables' schema is known only at run time [Data/ShopContext.cs:", md);
        Assert.DoesNotContain("dbo", md);
        Assert.Contains("\"schemaPerTenant\": true", output.Json);
    }

    [Fact]
    public void A_run_time_schema_in_a_registration_lambda_belongs_to_the_registered_context()
    {
        var code = SchemaPerTenant.Replace("optionsBuilder.ReplaceService<IModelCacheKeyFactory, TenantModelCacheKeyFactory>();", "optionsBuilder.EnableDetailedErrors();") + """
            public static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlServer("Server=db;Database=Shop;Password=Tenant-Secret")
                        .ReplaceService<IModelCacheKeyFactory, Shop.Data.TenantModelCacheKeyFactory>());
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/ShopContext.cs", code)));
        AssertCompiles(output);
        Assert.Contains("**Schema per tenant** in `ShopContext`", output.Markdown);
        Assert.Contains("in `Setup.Add` |", output.Markdown);
        Assert.DoesNotContain("Tenant-Secret", output.All);
    }

    [Fact]
    public void A_run_time_schema_without_a_key_factory_is_not_called_schema_per_tenant_and_says_what_EF_caches()
    {
        var code = SchemaPerTenant.Replace("optionsBuilder.ReplaceService<IModelCacheKeyFactory, TenantModelCacheKeyFactory>();", "optionsBuilder.EnableDetailedErrors();");
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/ShopContext.cs", code)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.DoesNotContain("Schema per tenant", md);
        Assert.Contains("**Default schema chosen at run time** in `ShopContext`", md);
        Assert.Contains("No `IModelCacheKeyFactory` replacement for this context was found", md);
        Assert.Contains("\"schemaPerTenant\": false", output.Json);
    }

    [Fact]
    public void Trap_a_constant_default_schema_is_no_tenancy_and_names_the_schema()
    {
        var code = SchemaPerTenant.Replace("modelBuilder.HasDefaultSchema(Schema)", "modelBuilder.HasDefaultSchema(Sales)")
            .Replace("public string Schema =>", "private const string Sales = \"sales\"; public string Schema =>");
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/ShopContext.cs", code)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.DoesNotContain("Schema per tenant", md);
        Assert.DoesNotContain("chosen at run time", md);
        Assert.Contains("`sales.Customers`", md);
    }

    [Fact]
    public void Trap_a_look_alike_key_factory_interface_and_HasDefaultSchema_are_nothing()
    {
        var code = """
            namespace Shop.Data
            {
                public interface IModelCacheKeyFactory { object Create(DbContext context, bool designTime); }
                public class LookAlikeFactory : IModelCacheKeyFactory { public object Create(DbContext context, bool designTime) => context.GetType(); }
                public class SchemaBuilder { public SchemaBuilder HasDefaultSchema(string schema) => this; }
                public static class Use { public static void It(SchemaBuilder b, Shop.Tenancy.ITenantProvider tenant) => b.HasDefaultSchema(tenant.Current.Schema); }
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/ShopContext.cs", code)));
        AssertCompiles(output);
        Assert.DoesNotContain("run time", output.Markdown);
        Assert.DoesNotContain("LookAlikeFactory", output.All);
    }

    private const string TenantConnection = """
        using Shop.Tenancy;
        namespace Shop.Data
        {
            public class TenantContext(DbContextOptions<TenantContext> options, ITenantProvider tenant) : DbContext(options)
            {
                public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlServer(tenant.Current.ConnectionString);
            }

            public class PerScopeContext(DbContextOptions<PerScopeContext> options) : DbContext(options)
            {
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
            }

            public static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddDbContext<PerScopeContext>((sp, o) => o.UseSqlServer(sp.GetRequiredService<ITenantProvider>().Current.ConnectionString));
            }
        }
        """;

    [Fact]
    public void A_connection_string_read_through_a_tenant_type_is_database_per_tenant_by_name_with_when_it_is_read()
    {
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/TenantContext.cs", TenantConnection)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("| Connection string | read at run time from `tenant.Current.ConnectionString` (through `ITenantProvider`, `TenantInfo`), each time a new context instance is configured (`OnConfiguring`) |", md);
        Assert.Contains("| Connection string | read at run time from `sp.GetRequiredService<ITenantProvider>().Current.ConnectionString` (through `ITenantProvider`, `TenantInfo`), each time the context's options are built (once per scope with `AddDbContext`'s default lifetimes) |", md);
        Assert.Contains("Database per tenant (**heuristic: by name**", md);
        Assert.Contains("| `TenantContext` | `UseSqlServer` in `OnConfiguring` | read at run time from `tenant.Current.ConnectionString`", md);
        Assert.Contains("| `PerScopeContext` | `UseSqlServer` in `AddDbContext` | read at run time from", md);
        Assert.Contains("\"readThrough\": \"ITenantProvider, TenantInfo\"", output.Json);
        Assert.Contains("\"databasePerTenantByName\": [", output.Json);
    }

    [Fact]
    public void A_store_opened_with_a_tenant_connection_string_is_listed_too()
    {
        var code = """
            namespace Shop.Data
            {
                public class Reports(Shop.Tenancy.ITenantProvider tenants)
                {
                    public Microsoft.Data.SqlClient.SqlConnection Open() => new Microsoft.Data.SqlClient.SqlConnection(tenants.Current.ConnectionString);
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/Reports.cs", code)));
        AssertCompiles(output);
        Assert.Contains("| `SQL Server` | `new SqlConnection` | read at run time from `tenants.Current.ConnectionString` (through `ITenantProvider`, `TenantInfo`) | each time `new SqlConnection` runs |", output.Markdown);
    }

    [Fact]
    public void Trap_configuration_and_options_reads_and_a_tenant_provider_used_elsewhere_are_no_database_per_tenant()
    {
        var code = """
            namespace Shop.Data
            {
                public class DbSettings { public string ConnectionString { get; set; } = ""; }
                public class TenantProvider { public string Name { get; set; } = ""; public string ConnectionString { get; set; } = ""; }
                public class ShopContext(DbContextOptions<ShopContext> options, Microsoft.Extensions.Options.IOptions<DbSettings> settings, TenantProvider tenantProvider) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                    public string TenantName => tenantProvider.Name;
                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlServer(settings.Value.ConnectionString);
                }
                public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                }
                public static class Setup
                {
                    public static void Add(IServiceCollection services, IConfiguration tenantConfiguration) =>
                        services.AddDbContext<OtherContext>((sp, o) => o.UseSqlServer(sp.GetRequiredService<IConfiguration>().GetConnectionString("Tenant") ?? tenantConfiguration["Tenant:Db"]));
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", code)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("read at run time from `settings.Value.ConnectionString` (through `IOptions`, `DbSettings`)", md);
        Assert.Contains("named connection string `Tenant`", md);
        Assert.Contains("configuration key `Tenant:Db`", md);
        Assert.DoesNotContain("per tenant", md);
        Assert.DoesNotContain("### 4.2", md);
    }

    [Fact]
    public void Trap_a_connection_object_or_a_bare_parameter_is_not_read_at_run_time_from_a_member()
    {
        var code = """
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options, System.Data.Common.DbConnection tenantConnection) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlServer(tenantConnection);
                }
                public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    public static void Add(IServiceCollection services, string tenantConnectionString) =>
                        services.AddDbContext<OtherContext>(o => o.UseSqlServer(tenantConnectionString));
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", code)));
        AssertCompiles(output);
        Assert.DoesNotContain("read at run time", output.Markdown);
        Assert.DoesNotContain("per tenant", output.Markdown);
    }

    private static void AssertCompiles(GeneratorOutput output, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (Environment.GetEnvironmentVariable("DDG_DUMP") is { } dump) File.WriteAllText(Path.Combine(dump, test + ".md"), output.Markdown);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void When_a_run_time_connection_string_is_read_follows_the_options_lifetime_the_registration_passes()
    {
        const string code = """
            using Shop.Tenancy;
            namespace Shop.Data
            {
                public class SingletonOptionsContext(DbContextOptions<SingletonOptionsContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public class TransientOptionsContext(DbContextOptions<TransientOptionsContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public class FactoryContext(DbContextOptions<FactoryContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public static class Setup
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddDbContext<SingletonOptionsContext>((sp, o) => o.UseSqlServer(sp.GetRequiredService<ITenantProvider>().Current.ConnectionString),
                            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                        services.AddDbContext<TransientOptionsContext>((sp, o) => o.UseSqlServer(sp.GetRequiredService<ITenantProvider>().Current.ConnectionString),
                            optionsLifetime: ServiceLifetime.Transient);
                        services.AddDbContextFactory<FactoryContext>((sp, o) => o.UseSqlServer(sp.GetRequiredService<ITenantProvider>().Current.ConnectionString),
                            ServiceLifetime.Scoped);
                    }
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Tenants.cs", Tenants), ("Data/Setup.cs", code)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("`TenantInfo`), once: the registration passes a singleton lifetime for the options |", md);
        Assert.Contains("`TenantInfo`), each time the context's options are resolved (the registration passes a transient lifetime for the options) |", md);
        // AddDbContextFactory registers the options with the factory's lifetime.
        Assert.Contains("`TenantInfo`), each time the context's options are built (once per scope: the registration passes a scoped lifetime for the options) |", md);
        Assert.DoesNotContain("default lifetimes", md);
        Assert.DoesNotContain("default singleton lifetime", md);
    }

    [Fact]
    public void A_class_named_after_a_tenant_shows_what_of_the_request_it_reads()
    {
        var output = GeneratorHarness.Run(Sources.With(("Tenancy/Sources.cs", """
            using System.Collections.Generic;
            using System.Security.Claims;
            using Microsoft.AspNetCore.Http;
            namespace Shop.Tenancy
            {
                public interface ICurrentTenant { string Id { get; } }
                public sealed class HeaderTenant(IHttpContextAccessor http) : ICurrentTenant
                {
                    public string Id => http.HttpContext?.Request.Headers["X-Tenant"].ToString() ?? "";
                }
                public sealed class ClaimResolver(IHttpContextAccessor http) : ICurrentTenant
                {
                    public string Id => http.HttpContext?.User.FindFirst("tenant_id")?.Value
                        ?? (http.HttpContext!.Request.Headers.TryGetValue("X-Fallback", out var v) ? v.ToString() : "");
                }
                public sealed class RouteTenantResolver(IHttpContextAccessor http)
                {
                    public string? Id => http.HttpContext?.Request.RouteValues["tenant"]?.ToString() ?? http.HttpContext?.Request.Query["tenant"].ToString()
                        ?? http.HttpContext?.Request.Host.Host;
                }
                // Traps: a tenant class reading a plain dictionary; a class not named after a tenant reading a header;
                // a tenant class whose read is commented out.
                public sealed class TenantSettings(Dictionary<string, string> values) { public string Id => values["X-Tenant"]; }
                public sealed class CorrelationReader(IHttpContextAccessor http) { public string Id => http.HttpContext!.Request.Headers["X-Correlation"].ToString(); }
                public sealed class StaticTenant { public string Id => "main"; /* http.HttpContext.Request.Headers["X-Commented"] */ }
            }
            """)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("Where the tenant comes from (**heuristic: classes named after a tenant**", md);
        Assert.Contains("| `Shop.Tenancy.HeaderTenant` | request header `X-Tenant` | [Tenancy/Sources.cs:", md);
        // Named after the interface it implements.
        Assert.Contains("| `Shop.Tenancy.ClaimResolver` | claim `tenant_id`; request header `X-Fallback` | [Tenancy/Sources.cs:", md);
        Assert.Contains("| `Shop.Tenancy.RouteTenantResolver` | route value `tenant`; query-string value `tenant`; the request's host name | [Tenancy/Sources.cs:", md);
        Assert.DoesNotContain("TenantSettings", md);
        Assert.DoesNotContain("X-Correlation", md);
        Assert.DoesNotContain("X-Commented", md);
        Assert.Contains("\"tenantSources\"", output.Json);
    }
}
