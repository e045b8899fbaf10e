using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Tables libraries create or change at run time (3.1), against the real Hangfire.SqlServer 1.8, Rebus.PostgreSql 9
/// and Marten 9 packages: what each creates, and the setting that decides it, written or the library's default.</summary>
public class LibrarySchemaTests
{
    private const string Heading = "Tables that libraries create or change by themselves at run time";

    private static GeneratorOutput Run(string code)
    {
        var output = GeneratorHarness.Run(Sources.With(("Setup.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output;
    }

    [Fact]
    public void Hangfire_sql_server_storage_creates_its_tables_in_its_default_schema_unless_told_not_to()
    {
        var output = Run("""
            using Hangfire;
            using Hangfire.SqlServer;
            namespace Shop.Jobs
            {
                public static class Setup
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration)
                    {
                        GlobalConfiguration.Configuration.UseSqlServerStorage(configuration.GetConnectionString("Jobs"));
                    }
                    public static void Other(IGlobalConfiguration h, IConfiguration configuration, bool install)
                    {
                        h.UseSqlServerStorage("Jobs", new SqlServerStorageOptions { SchemaName = "jobs", PrepareSchemaIfNecessary = false });
                        h.UseSqlServerStorage("Jobs", new SqlServerStorageOptions { PrepareSchemaIfNecessary = install });
                        var storage = new SqlServerStorage("Jobs");
                        // Options built elsewhere are not followed: no row.
                        var options = new SqlServerStorageOptions();
                        h.UseSqlServerStorage("Jobs", options);
                    }
                }
            }
            """);
        var md = output.Markdown!;
        Assert.Contains(Heading, md);
        Assert.Contains("| Hangfire | SQL Server | its job storage tables in schema `HangFire` | creates and upgrades them (`PrepareSchemaIfNecessary` is on by default) | `Setup.Add` | [Setup.cs:14](Setup.cs#L14) |", md);
        Assert.Contains("| Hangfire | SQL Server | its job storage tables in schema `jobs` | does not create them (`PrepareSchemaIfNecessary = false`): they must already exist | `Setup.Other` | [Setup.cs:18](Setup.cs#L18) |", md);
        Assert.Contains("| Hangfire | SQL Server | its job storage tables in schema `HangFire` | creates and upgrades them if `PrepareSchemaIfNecessary` is true (set at run time: `install`) | `Setup.Other` | [Setup.cs:19](Setup.cs#L19) |", md);
        Assert.Contains("| Hangfire | SQL Server | its job storage tables in schema `HangFire` | creates and upgrades them (`PrepareSchemaIfNecessary` is on by default) | `Setup.Other` | [Setup.cs:20](Setup.cs#L20) |", md);
        Assert.DoesNotContain("| `Setup.Other` | [Setup.cs:23]", md);

        using var json = JsonDocument.Parse(output.Json!);
        var rows = json.RootElement.GetProperty("librarySchemas").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("does not create them (`PrepareSchemaIfNecessary = false`): they must already exist", rows[1].GetProperty("behaviour").GetString());
        Assert.Equal("Setup.cs:18", rows[1].GetProperty("location").GetString());
    }

    [Fact]
    public void Rebus_sql_stores_create_their_tables_if_missing_by_the_default_of_their_own_signature()
    {
        var output = Run("""
            using Rebus.Config;
            using Rebus.Transport.InMem;
            namespace Shop.Billing
            {
                public static class Setup
                {
                    public static void Add(IServiceCollection services) => services.AddRebus(configure => configure
                        .Transport(t => t.UseInMemoryTransport(new InMemNetwork(), "billing"))
                        .Sagas(s => s.StoreInPostgres("Host=pg", "billing_sagas", "billing_saga_index"))
                        .Subscriptions(s => s.StoreInPostgres("Host=pg", "billing_subscriptions", isCentralized: true, automaticallyCreateTables: false)));
                }
            }
            """);
        var md = output.Markdown!;
        Assert.Contains("| Rebus | PostgreSQL | saga data table `billing_sagas` and index table `billing_saga_index` | creates them if missing (`automaticallyCreateTables` is true by default) | `Setup.Add` | [Setup.cs:14](Setup.cs#L14) |", md);
        Assert.Contains("| Rebus | PostgreSQL | subscription table `billing_subscriptions` | does not create them (`automaticallyCreateTables: false`): they must already exist | `Setup.Add` | [Setup.cs:15](Setup.cs#L15) |", md);
        // The database each store keeps its data in is a store of 1.1, named after the package that declares the method.
        Assert.Contains("| PostgreSQL (SQL) | Rebus saga storage (Rebus.PostgreSql) | `StoreInPostgres` | constant in code: `Host=pg` [Setup.cs:14](Setup.cs#L14) |", md);
        Assert.Contains("| PostgreSQL (SQL) | Rebus subscription storage (Rebus.PostgreSql) | `StoreInPostgres` | constant in code: `Host=pg` [Setup.cs:15](Setup.cs#L15) |", md);
    }

    private const string Marten = """
        using JasperFx;
        using Marten;
        namespace Shop.Orders
        {
            public class OrderView { public Guid Id { get; set; } }
            public static class Setup
            {
                public static void Add(IServiceCollection services, bool production)
                {
                    services.AddMarten(options =>
                    {
                        options.Connection("Host=pg;Database=orders");
                        SETTING
                    })EXTRA;
                    SHARED
                }
            }
        }
        """;

    private static GeneratorOutput RunMarten(string setting = "", string extra = "", string shared = "") =>
        Run(Marten.Replace("SETTING", setting).Replace("EXTRA", extra).Replace("SHARED", shared));

    [Fact]
    public void A_marten_store_with_no_setting_anywhere_changes_its_schema_by_marten_default()
    {
        var md = RunMarten().Markdown!;
        Assert.Contains("| Marten | PostgreSQL | its tables and functions | creates missing tables and functions and updates existing ones to the configuration, dropping columns, indexes and foreign keys it no longer declares (never whole tables), when a document type or the event store is first used (`AutoCreateSchemaObjects` is not set: Marten's default `CreateOrUpdate`) | `Setup.Add` | [Setup.cs:15](Setup.cs#L15) |", md);
    }

    [Fact]
    public void A_store_built_with_DocumentStore_For_gets_the_default_too()
    {
        var md = Run("""
            using Marten;
            namespace Shop.Orders
            {
                public static class Store
                {
                    public static IDocumentStore Build() => DocumentStore.For(options => options.Connection("Host=pg;Database=orders"));
                }
            }
            """).Markdown!;
        Assert.Contains("Marten's default `CreateOrUpdate`) | `Store.Build` | [Setup.cs:11](Setup.cs#L11) |", md);
    }

    [Theory]
    [InlineData("options.AutoCreateSchemaObjects = AutoCreate.None;", "makes no schema change at run time: a missing table fails with PostgreSQL's own error (`AutoCreateSchemaObjects = AutoCreate.None`)")]
    [InlineData("options.AutoCreateSchemaObjects = AutoCreate.All;", "drops and recreates the tables that do not match the configuration (their rows are lost)")]
    [InlineData("options.AutoCreateSchemaObjects = production ? AutoCreate.None : AutoCreate.CreateOrUpdate;", "set at run time (`AutoCreateSchemaObjects = production ? AutoCreate.None : AutoCreate.CreateOrUpdate`)")]
    public void A_written_marten_setting_replaces_the_default(string setting, string expected)
    {
        var md = RunMarten(setting).Markdown!;
        Assert.Contains(expected, md);
        Assert.DoesNotContain("Marten's default `CreateOrUpdate`", md);
        Assert.Contains("| `Setup.Add` | [Setup.cs:18](Setup.cs#L18) |", md);
    }

    [Fact]
    public void Shared_jasperfx_settings_withhold_the_default_and_apply_on_startup_is_said()
    {
        var shared = RunMarten(shared: "services.CritterStackDefaults(x => x.Production.ResourceAutoCreate = AutoCreate.None);").Markdown!;
        Assert.DoesNotContain("Marten's default", shared);
        Assert.DoesNotContain(Heading, shared);

        // JasperFx's resource setup: Marten's schema is applied at start-up too; ResetState also clears the data.
        var setup = RunMarten(shared: "JasperFx.Resources.ResourceHostExtensions.AddResourceSetupOnStartup(services);").Markdown!;
        Assert.Contains("| Marten | PostgreSQL | its tables and functions | sets up every registered resource, its schema included, before the application starts (a hosted service, `AddResourceSetupOnStartup`) | `Setup.Add` | [Setup.cs:20](Setup.cs#L20) |", setup);
        var reset = RunMarten(shared: "JasperFx.Resources.ResourceHostExtensions.AddResourceSetupOnStartup(services, JasperFx.Resources.StartupAction.ResetState);").Markdown!;
        Assert.Contains("before the application starts (a hosted service, `AddResourceSetupOnStartup`) and clears their existing data (`StartupAction.ResetState`) |", reset);
        var runTime = RunMarten(shared: "JasperFx.Resources.ResourceHostExtensions.AddResourceSetupOnStartup(services, production ? JasperFx.Resources.StartupAction.SetupOnly : JasperFx.Resources.StartupAction.ResetState);").Markdown!;
        Assert.Contains(", with a startup action set at run time", runTime);
        var onStartup = RunMarten(extra: ".ApplyAllDatabaseChangesOnStartup()").Markdown!;
        Assert.Contains("applies every schema change before the application starts (a hosted service, `ApplyAllDatabaseChangesOnStartup`)", onStartup);
        Assert.Contains("Marten's default `CreateOrUpdate`", onStartup);
    }

    [Fact]
    public void Look_alikes_comments_and_strings_are_nothing()
    {
        var output = Run("""
            namespace Shop.Fakes
            {
                public class Options { public int AutoCreateSchemaObjects { get; set; } }
                public class Config { }
                public static class FakeExtensions
                {
                    public static Config UseSqlServerStorage(this Config c, string cs) => c;
                    public static Config StoreInPostgres(this Config c, string cs, string table, bool automaticallyCreateTables = true) => c;
                    public static Config AddMarten(this Config c) => c;
                }
                public static class Setup
                {
                    public static void Add(Config config, Options options)
                    {
                        config.UseSqlServerStorage("Jobs").StoreInPostgres("Host=pg", "sagas").AddMarten();
                        options.AutoCreateSchemaObjects = 1;
                        // services.AddHangfire(h => h.UseSqlServerStorage("Jobs"));
                        var text = "h.UseSqlServerStorage(\"Jobs\")";
                    }
                }
            }
            """);
        Assert.DoesNotContain(Heading, output.Markdown ?? "");
        Assert.DoesNotContain("| `StoreInPostgres` |", output.Markdown ?? "");
        using var json = JsonDocument.Parse(output.Json!);
        Assert.Equal(0, json.RootElement.GetProperty("librarySchemas").GetArrayLength());
    }
}
