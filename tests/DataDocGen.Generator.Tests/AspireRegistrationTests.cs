using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Aspire's PostgreSQL EF Core component, <c>builder.AddNpgsqlDbContext&lt;T&gt;("name")</c> (found missing by the
/// audit of dotnet/eShop: its Catalog context had no provider). A stand-in with the real names stands for
/// Aspire.Npgsql.EntityFrameworkCore.PostgreSQL, whose behaviour was checked at run time on 13.6.5: a pooled context
/// (pool size 1024), Npgsql, the connection string from <c>ConnectionStrings:name</c>, else the settings section's
/// <c>ConnectionString</c>, and a retrying execution strategy unless <c>DisableRetry</c>.</summary>
public class AspireRegistrationTests
{
    private const string StandIn = """
        namespace Aspire.Npgsql.EntityFrameworkCore.PostgreSQL
        {
            public sealed class NpgsqlEntityFrameworkCorePostgreSQLSettings { public string? ConnectionString { get; set; } public bool DisableRetry { get; set; } }
        }
        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostApplicationBuilder { }
            public static class AspireEFPostgreSqlExtensions
            {
                public static void AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName,
                    System.Action<Aspire.Npgsql.EntityFrameworkCore.PostgreSQL.NpgsqlEntityFrameworkCorePostgreSQLSettings>? configureSettings = null,
                    System.Action<DbContextOptionsBuilder>? configureDbContextOptions = null) where TContext : DbContext { }
            }
        }
        namespace LookAlike
        {
            public static class Hosting { public static void AddNpgsqlDbContext<TContext>(this Microsoft.Extensions.Hosting.IHostApplicationBuilder builder, string connectionName) { } }
        }
        namespace Catalog
        {
            using Microsoft.Extensions.Hosting;
            public class Item { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options) { public DbSet<Item> Items => Set<Item>(); }
            public static class Setup
            {
                public static void Add(Microsoft.Extensions.Hosting.IHostApplicationBuilder builder)
                {
                    REGISTRATION
                }
            }
        }
        """;

    private static GeneratorOutput Run(string registration, IReadOnlyDictionary<string, string>? appSettings = null)
    {
        var output = GeneratorHarness.Run(Sources.With(("Catalog.cs", StandIn.Replace("REGISTRATION", registration))), appSettings);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output;
    }

    [Fact]
    public void AddNpgsqlDbContext_is_a_pooled_Npgsql_registration_with_a_named_connection_string()
    {
        var output = Run("Microsoft.Extensions.Hosting.AspireEFPostgreSqlExtensions.AddNpgsqlDbContext<CatalogContext>(builder, \"catalogdb\");",
            new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "catalogdb": "Host=db;Database=catalog;Username=app;Password=secret1" } }""" });

        Assert.Equal("Npgsql", Json.Context(output.Json, "CatalogContext").GetProperty("provider").GetString());
        Assert.Contains("`AddNpgsqlDbContext<CatalogContext>` (Aspire): a pooled context (`AddDbContextPool`, EF Core's default pool size), retries on failure (Aspire's default;", output.Markdown);
        Assert.Contains("named connection string `catalogdb` (configuration key `ConnectionStrings:catalogdb`)", output.Markdown);
        Assert.Contains("`Aspire:Npgsql:EntityFrameworkCore:PostgreSQL:ConnectionString`", output.Markdown);
        Assert.DoesNotContain("secret1", output.Markdown);
        // Store types follow the provider.
        Assert.Contains("| `Name` | `System.String` | `text` |", output.Markdown);
    }

    [Theory]
    [InlineData("builder.AddNpgsqlDbContext<CatalogContext>(\"catalogdb\", s => s.DisableRetry = true);", "no retries (`DisableRetry = true`)")]
    [InlineData("builder.AddNpgsqlDbContext<CatalogContext>(\"catalogdb\", s => { s.DisableRetry = System.DateTime.Now.Year > 2000; });", "retries on failure unless `DisableRetry`, set in code, turns them off")]
    [InlineData("builder.AddNpgsqlDbContext<CatalogContext>(\"catalogdb\", configureDbContextOptions: o => o.UseNpgsql(n => n.CommandTimeout(30)));", "retries on failure (Aspire's default;")]
    public void The_settings_lambda_decides_retries(string registration, string expected)
    {
        var output = Run(registration);

        Assert.Contains(expected, output.Markdown);
        Assert.Equal("Npgsql", Json.Context(output.Json, "CatalogContext").GetProperty("provider").GetString());
    }

    [Theory]
    [InlineData("LookAlike.Hosting.AddNpgsqlDbContext<CatalogContext>(builder, \"catalogdb\");")]
    [InlineData("// builder.AddNpgsqlDbContext<CatalogContext>(\"catalogdb\");")]
    public void Look_alikes_and_comments_register_nothing(string registration)
    {
        var output = Run(registration);

        Assert.DoesNotContain("AddNpgsqlDbContext", output.Markdown);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "CatalogContext").GetProperty("provider").ValueKind);
    }
}
