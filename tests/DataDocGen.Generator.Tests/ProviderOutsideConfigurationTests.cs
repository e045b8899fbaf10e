using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>Providers chosen on an options builder the code makes itself, outside <c>OnConfiguring</c> and registrations
/// (the BTCPay audit: <c>ApplicationDbContextFactory.CreateContext</c> makes a <c>DbContextOptionsBuilder&lt;ApplicationDbContext&gt;</c>
/// and hands it to <c>ConfigureBuilder</c>, whose switch calls <c>UseSqlite</c>, <c>UseNpgsql</c> or <c>UseMySql</c>; a
/// design-time factory calls <c>UseNpgsql</c>). The report said "no provider is chosen in this project".</summary>
public class ProviderOutsideConfigurationTests
{
    private const string Context = """
        namespace Shop.Data
        {
            public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : DbContext(options)
            {
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
            }
        }
        """;

    private const string DesignTimeFactory = """
        namespace Shop.Data
        {
            public class DesignTimeDbContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ApplicationDbContext>
            {
                public ApplicationDbContext CreateDbContext(string[] args)
                {
                    var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
                    builder.UseNpgsql("User ID=postgres;Host=127.0.0.1;Port=39372;Database=designtimebtcpay");
                    return new ApplicationDbContext(builder.Options);
                }
            }
        }
        """;

    /// <summary>BTCPay's BTCPayServer.Data/ApplicationDbContextFactory.cs.</summary>
    private const string ContextFactory = """
        namespace Shop.Data
        {
            public class ApplicationDbContextFactory(Microsoft.Extensions.Options.IOptions<Shop.Abstractions.DatabaseOptions> options)
                : Shop.Abstractions.BaseDbContextFactory<ApplicationDbContext>(options, "")
            {
                public override ApplicationDbContext CreateContext()
                {
                    var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
                    ConfigureBuilder(builder);
                    return new ApplicationDbContext(builder.Options);
                }
            }
        }
        """;

    /// <summary>BTCPay's BTCPayServer.Abstractions/Contracts/BaseDbContextFactory.cs (before it kept only PostgreSQL), with a
    /// stand-in for Pomelo's UseMySql, which the tests do not reference.</summary>
    private const string BaseFactory = """
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Abstractions
        {
            public enum DatabaseType { Sqlite, Postgres, MySQL }
            public class DatabaseOptions { public DatabaseType DatabaseType { get; set; } public string ConnectionString { get; set; } = ""; }
            public abstract class BaseDbContextFactory<T>(Microsoft.Extensions.Options.IOptions<DatabaseOptions> options, string schemaPrefix) where T : DbContext
            {
                private readonly Microsoft.Extensions.Options.IOptions<DatabaseOptions> _options = options;
                private readonly string _schemaPrefix = schemaPrefix;

                public abstract T CreateContext();

                public void ConfigureBuilder(DbContextOptionsBuilder builder)
                {
                    switch (_options.Value.DatabaseType)
                    {
                        case DatabaseType.Sqlite:
                            builder.UseSqlite(_options.Value.ConnectionString, o =>
                            {
                                if (!string.IsNullOrEmpty(_schemaPrefix)) o.MigrationsHistoryTable(_schemaPrefix);
                            });
                            break;
                        case DatabaseType.Postgres:
                            builder
                                .UseNpgsql(_options.Value.ConnectionString, o =>
                                {
                                    o.EnableRetryOnFailure(10);
                                    if (!string.IsNullOrEmpty(_schemaPrefix)) o.MigrationsHistoryTable(_schemaPrefix);
                                })
                                .ReplaceService<IMigrationsSqlGenerator, Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.NpgsqlMigrationsSqlGenerator>();
                            break;
                        case DatabaseType.MySQL:
                            builder.UseMySql(_options.Value.ConnectionString, "8.0", o => o.EnableRetryOnFailure(10));
                            break;
                        default:
                            throw new System.ArgumentOutOfRangeException();
                    }
                }
            }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            public sealed class MySqlOptions { public MySqlOptions EnableRetryOnFailure(int count) => this; }
            public static class MySqlDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseMySql(this DbContextOptionsBuilder builder, string connectionString, string serverVersion, System.Action<MySqlOptions>? mySqlOptionsAction = null) => builder;
            }
        }
        """;

    /// <summary>BTCPay's ConfigureBuilder today: PostgreSQL only.</summary>
    private const string NpgsqlOnlyBaseFactory = """
        namespace Shop.Abstractions
        {
            public class DatabaseOptions { public string ConnectionString { get; set; } = ""; }
            public abstract class BaseDbContextFactory<T>(Microsoft.Extensions.Options.IOptions<DatabaseOptions> options, string schemaPrefix) where T : DbContext
            {
                public abstract T CreateContext();

                public void ConfigureBuilder(DbContextOptionsBuilder builder) =>
                    builder.UseNpgsql(options.Value.ConnectionString, o =>
                    {
                        o.EnableRetryOnFailure(10);
                        o.CommandTimeout(60);
                        if (!string.IsNullOrEmpty(schemaPrefix)) o.MigrationsHistoryTable(schemaPrefix);
                    });
            }
        }
        """;

    private static GeneratorOutput Run(Dictionary<string, string> sources, IEnumerable<MetadataReference>? references = null) =>
        GeneratorHarness.Run(sources, extraReferences: references);

    private static string Link(string path, int line) => $"[{path}:{line}]({path}#L{line})";

    private static System.Text.Json.JsonElement? UnknownProvider(GeneratorOutput output, string name) =>
        Json.Parse(output.Json).GetProperty("contextsWithUnknownProvider").EnumerateArray().Where(c => c.GetProperty("name").GetString() == name)
            .Select(c => (System.Text.Json.JsonElement?)c).FirstOrDefault();

    [Fact]
    public void BTCPays_factory_and_its_base_class_switch_choose_the_provider_at_run_time()
    {
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/DesignTimeDbContextFactory.cs", DesignTimeFactory),
            ("Data/ApplicationDbContextFactory.cs", ContextFactory), ("Abstractions/BaseDbContextFactory.cs", BaseFactory));
        var output = Run(sources);
        var baseFactory = sources["Abstractions/BaseDbContextFactory.cs"];
        var sqlite = Json.LineOf(baseFactory, "builder.UseSqlite");
        var npgsql = Json.LineOf(baseFactory, ".UseNpgsql");
        var replace = Json.LineOf(baseFactory, ".ReplaceService");
        var mySql = Json.LineOf(baseFactory, "builder.UseMySql");
        var designTime = Json.LineOf(sources["Data/DesignTimeDbContextFactory.cs"], "builder.UseNpgsql");

        Assert.DoesNotContain("no provider is chosen", output.Markdown);
        Assert.Contains($"| Provider | SQLite: `UseSqlite` on the options builder made in `ApplicationDbContextFactory.CreateContext`, when `_options.Value.DatabaseType is DatabaseType.Sqlite` | {Link("Abstractions/BaseDbContextFactory.cs", sqlite)} |", output.Markdown);
        Assert.Contains($"| Connection string | read at run time from `_options.Value.ConnectionString` (through `IOptions`, `DatabaseOptions`), each time `ApplicationDbContextFactory.CreateContext` makes the options | {Link("Abstractions/BaseDbContextFactory.cs", sqlite)} |", output.Markdown);
        Assert.Contains($"| Provider | PostgreSQL (Npgsql): `UseNpgsql` on the options builder made in `ApplicationDbContextFactory.CreateContext`, when `_options.Value.DatabaseType is DatabaseType.Postgres` | {Link("Abstractions/BaseDbContextFactory.cs", npgsql)} |", output.Markdown);
        Assert.Contains($"| Provider options | `EnableRetryOnFailure(10)`, `MigrationsHistoryTable(_schemaPrefix)` | {Link("Abstractions/BaseDbContextFactory.cs", npgsql)} |", output.Markdown);
        Assert.Contains($"| Context option | `ReplaceService<IMigrationsSqlGenerator, Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.NpgsqlMigrationsSqlGenerator>()` | {Link("Abstractions/BaseDbContextFactory.cs", replace)} |", output.Markdown);
        Assert.Contains($"| Provider | MySQL: `UseMySql` on the options builder made in `ApplicationDbContextFactory.CreateContext`, when `_options.Value.DatabaseType is DatabaseType.MySQL` | {Link("Abstractions/BaseDbContextFactory.cs", mySql)} |", output.Markdown);
        Assert.Contains($"| Provider (design time) | PostgreSQL (Npgsql): `UseNpgsql` on the options builder made in the design-time factory `DesignTimeDbContextFactory.CreateDbContext` (used by `dotnet ef`, not by the application at run time) | {Link("Data/DesignTimeDbContextFactory.cs", designTime)} |", output.Markdown);
        // The design-time provider is listed after the application's.
        Assert.True(output.Markdown!.IndexOf("| Provider (design time) |", StringComparison.Ordinal) > output.Markdown.IndexOf("| Provider | MySQL", StringComparison.Ordinal));
        Assert.Contains("Store types are not shown: the provider is chosen at run time (MySQL or PostgreSQL (Npgsql) or SQLite), and they depend on it. "
                        + $"The design-time factory `DesignTimeDbContextFactory.CreateDbContext` chooses PostgreSQL (Npgsql) for `dotnet ef` only: `UseNpgsql` {Link("Data/DesignTimeDbContextFactory.cs", designTime)}.", output.Markdown);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "ApplicationDbContext").GetProperty("provider").ValueKind);
        var unknown = UnknownProvider(output, "ApplicationDbContext")!.Value;
        Assert.Equal("the provider is chosen at run time (MySql or Npgsql or Sqlite); the design-time factory DesignTimeDbContextFactory.CreateDbContext chooses Npgsql for dotnet ef only: "
                     + $"UseNpgsql (Data/DesignTimeDbContextFactory.cs:{designTime})", unknown.GetProperty("reason").GetString());
        Assert.Equal([("Npgsql", "UseNpgsql", "DesignTimeDbContextFactory.CreateDbContext", $"Data/DesignTimeDbContextFactory.cs:{designTime}")],
            unknown.GetProperty("designTimeProviders").EnumerateArray().Select(p => (p.GetProperty("provider").GetString(), p.GetProperty("method").GetString(),
                p.GetProperty("factory").GetString(), p.GetProperty("location").GetString())));
        Assert.Empty(unknown.GetProperty("unattributedProviderCalls").EnumerateArray());

        // The fragment other projects merge keeps them.
        var report = ReportFragment.Read(output.Fragment!)!;
        Assert.Equal(output.Fragment, ReportFragment.Write(report));
        Assert.Equal(output.Markdown, MarkdownEmitter.Emit(report, new RelativePath(GeneratorHarness.ProjectDir)));
    }

    [Fact]
    public void A_factory_whose_helper_chooses_only_PostgreSQL_gives_the_context_its_provider_and_store_types()
    {
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/ApplicationDbContextFactory.cs", ContextFactory),
            ("Abstractions/BaseDbContextFactory.cs", NpgsqlOnlyBaseFactory));
        var output = Run(sources);
        var npgsql = Json.LineOf(sources["Abstractions/BaseDbContextFactory.cs"], "builder.UseNpgsql");

        Assert.Equal("Npgsql", Json.Context(output.Json, "ApplicationDbContext").GetProperty("provider").GetString());
        Assert.Contains($"| Provider | PostgreSQL (Npgsql): `UseNpgsql` on the options builder made in `ApplicationDbContextFactory.CreateContext` | {Link("Abstractions/BaseDbContextFactory.cs", npgsql)} |", output.Markdown);
        Assert.Contains("| Provider options | `EnableRetryOnFailure(10)`, `CommandTimeout(60)`, `MigrationsHistoryTable(schemaPrefix)` |", output.Markdown);
        Assert.DoesNotContain("Store types are not shown", output.Markdown);
        Assert.Contains("| `Id` | `System.Int32` | `integer` |", output.Markdown);
    }

    [Fact]
    public void A_builder_made_and_configured_in_one_chain_or_through_a_project_extension_is_the_contexts()
    {
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/Factories.cs", """
            namespace Shop.Data
            {
                public static class Contexts
                {
                    public static ApplicationDbContext Create(string connectionString) =>
                        new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(connectionString).Options);

                    public static ApplicationDbContext CreateThroughExtension(bool detailed)
                    {
                        DbContextOptionsBuilder<ApplicationDbContext> builder = new();
                        if (detailed) builder.UseAppDatabase();
                        return new ApplicationDbContext(builder.Options);
                    }
                }

                public static class OptionsExtensions
                {
                    public static DbContextOptionsBuilder UseAppDatabase(this DbContextOptionsBuilder options) => options.UseSqlite("Data Source=app.db").EnableDetailedErrors();
                }
            }
            """));
        var output = Run(sources);
        var factories = sources["Data/Factories.cs"];

        Assert.Equal("Sqlite", Json.Context(output.Json, "ApplicationDbContext").GetProperty("provider").GetString());
        Assert.Contains($"| Provider | SQLite: `UseSqlite` on the options builder made in `Contexts.Create` | {Link("Data/Factories.cs", Json.LineOf(factories, "UseSqlite(connectionString)"))} |", output.Markdown);
        Assert.Contains($"| Provider | SQLite: `UseSqlite` on the options builder made in `Contexts.CreateThroughExtension`, when `detailed` | {Link("Data/Factories.cs", Json.LineOf(factories, "options.UseSqlite"))} |", output.Markdown);
        Assert.Contains($"| Context option | `EnableDetailedErrors()` | {Link("Data/Factories.cs", Json.LineOf(factories, "options.UseSqlite"))} |", output.Markdown);
    }

    [Fact]
    public void A_design_time_factory_alone_chooses_no_provider_for_the_application()
    {
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/DesignTimeDbContextFactory.cs", DesignTimeFactory));
        var output = Run(sources);
        var line = Json.LineOf(sources["Data/DesignTimeDbContextFactory.cs"], "builder.UseNpgsql");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "ApplicationDbContext").GetProperty("provider").ValueKind);
        Assert.Contains($"| Provider (design time) | PostgreSQL (Npgsql): `UseNpgsql` on the options builder made in the design-time factory `DesignTimeDbContextFactory.CreateDbContext` (used by `dotnet ef`, not by the application at run time) | {Link("Data/DesignTimeDbContextFactory.cs", line)} |", output.Markdown);
        Assert.DoesNotContain("| Provider |", output.Markdown);
        Assert.Contains("Store types are not shown: no provider is chosen for run time in this project, and they depend on it. "
                        + $"The design-time factory `DesignTimeDbContextFactory.CreateDbContext` chooses PostgreSQL (Npgsql) for `dotnet ef` only: `UseNpgsql` {Link("Data/DesignTimeDbContextFactory.cs", line)}.", output.Markdown);
        Assert.Contains("| `Id` | `System.Int32` |  |", output.Markdown); // no store type: the design-time provider decides none
        Assert.Equal($"no provider is chosen for run time in this project; the design-time factory DesignTimeDbContextFactory.CreateDbContext chooses Npgsql for dotnet ef only: UseNpgsql (Data/DesignTimeDbContextFactory.cs:{line})",
            UnknownProvider(output, "ApplicationDbContext")!.Value.GetProperty("reason").GetString());

        // A host that registers the context with SQL Server takes its SQL Server schema (the library's variants), and the
        // design-time provider does not make the choice "at run time".
        using var stream = new MemoryStream();
        Assert.True(output.Compilation.Emit(stream).Success);
        var host = GeneratorHarness.Run(Sources.With(("Startup.cs", """
            public static class Startup
            {
                public static void Add(IServiceCollection services) => services.AddDbContext<Shop.Data.ApplicationDbContext>(o => o.UseSqlServer("Server=.;Database=Shop"));
            }
            """)), new Dictionary<string, string> { ["/src/Data/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = output.Fragment! },
            extraReferences: [MetadataReference.CreateFromImage(stream.ToArray())], projectDir: "/src/Web/", assemblyName: "Web");
        Assert.Equal("SqlServer", Json.Context(host.Json, "ApplicationDbContext").GetProperty("provider").GetString());
        Assert.Contains("| `Id` | `System.Int32` | `int` |", host.Markdown);
        Assert.Contains("| Provider (design time) | PostgreSQL (Npgsql): `UseNpgsql`", host.Markdown);
    }

    [Fact]
    public void A_builder_of_another_context_is_not_this_contexts()
    {
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/Reporting.cs", """
            namespace Shop.Data
            {
                public class ReportingContext(DbContextOptions<ReportingContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                }

                public static class ReportingFactory
                {
                    public static ReportingContext Create()
                    {
                        var builder = new DbContextOptionsBuilder<ReportingContext>();
                        Configure(builder);
                        return new ReportingContext(builder.Options);
                    }

                    // Called with ReportingContext's builder only.
                    private static void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite("Data Source=reports.db");
                }
            }
            """));
        var output = Run(sources);

        Assert.Equal("Sqlite", Json.Context(output.Json, "ReportingContext").GetProperty("provider").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "ApplicationDbContext").GetProperty("provider").ValueKind);
        Assert.Equal("no provider is chosen in this project", UnknownProvider(output, "ApplicationDbContext")!.Value.GetProperty("reason").GetString());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output.Markdown!, @"\| Provider \| SQLite"));
    }

    [Fact]
    public void A_provider_call_on_a_builder_connected_to_no_context_is_named_instead_of_no_provider()
    {
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/Setup.cs", """
            namespace Shop.Data
            {
                public static class Setup
                {
                    // Called only with a builder of a type parameter: the context is not known here.
                    public static void Configure(DbContextOptionsBuilder options) => options.UseNpgsql("Host=db;Database=shop");

                    public static TContext CreateAny<TContext>(System.Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext
                    {
                        var builder = new DbContextOptionsBuilder<TContext>();
                        Configure(builder);
                        return create(builder.Options);
                    }

                    // A non-generic builder: nothing says which context it is for.
                    public static ApplicationDbContext Create()
                    {
                        var builder = new DbContextOptionsBuilder();
                        builder.UseSqlite("Data Source=app.db");
                        return new ApplicationDbContext((DbContextOptions<ApplicationDbContext>)builder.Options);
                    }

                    // Assigned again: which builder the call is made on is not read.
                    public static ApplicationDbContext Reassigned(DbContextOptionsBuilder<ApplicationDbContext> other)
                    {
                        var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
                        builder = other;
                        builder.UseSqlServer("Server=.;Database=Shop");
                        return new ApplicationDbContext(builder.Options);
                    }
                }
            }
            """));
        var output = Run(sources);
        var setup = sources["Data/Setup.cs"];
        var npgsql = Json.LineOf(setup, "options.UseNpgsql");
        var sqlite = Json.LineOf(setup, "builder.UseSqlite");
        var sqlServer = Json.LineOf(setup, "builder.UseSqlServer");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "ApplicationDbContext").GetProperty("provider").ValueKind);
        Assert.DoesNotContain("| Provider |", output.Markdown);
        Assert.DoesNotContain("no provider is chosen", output.Markdown);
        Assert.Contains("Store types are not shown: the provider is chosen on an options builder DataDocGen does not attribute to this context: "
                        + $"`UseNpgsql` {Link("Data/Setup.cs", npgsql)}, `UseSqlite` {Link("Data/Setup.cs", sqlite)}, `UseSqlServer` {Link("Data/Setup.cs", sqlServer)}, "
                        + "and they depend on it.", output.Markdown);
        var unknown = UnknownProvider(output, "ApplicationDbContext")!.Value;
        Assert.Equal("the provider is chosen on an options builder DataDocGen does not attribute to this context: "
                     + $"UseNpgsql (Data/Setup.cs:{npgsql}), UseSqlite (Data/Setup.cs:{sqlite}), UseSqlServer (Data/Setup.cs:{sqlServer})",
            unknown.GetProperty("reason").GetString());
        Assert.Equal(["Npgsql", "Sqlite", "SqlServer"], unknown.GetProperty("unattributedProviderCalls").EnumerateArray().Select(c => c.GetProperty("provider").GetString()));
    }

    /// <summary>The Ombi audit: under contexts whose only unattributed provider calls were <c>UseSqlite</c>/<c>UseMySql</c>,
    /// every unique index over a nullable column carried "on SQL Server EF Core adds a filter excluding NULLs". The note
    /// stays when one of those calls, or a design-time factory's, is SQL Server's.</summary>
    [Theory]
    [InlineData("builder.UseSqlite(\"Data Source=app.db\"); builder.UseMySql(\"Server=db\", null!);", false)]
    [InlineData("builder.UseSqlite(\"Data Source=app.db\"); builder.UseSqlServer(\"Server=.\");", true)]
    public void The_SQL_Server_filter_note_needs_a_SQL_Server_call_among_the_unattributed_ones(string calls, bool note)
    {
        var output = Run(Sources.With(("Data/TagContext.cs", """
            namespace Shop.Data
            {
                public class Tag { public int Id { get; set; } public string? Code { get; set; } }
                public class TagContext(DbContextOptions<TagContext> options) : DbContext(options)
                {
                    public DbSet<Tag> Tags => Set<Tag>();
                    protected override void OnModelCreating(ModelBuilder b) => b.Entity<Tag>().HasIndex(t => t.Code).IsUnique();
                }
                public static class Setup
                {
                    // A non-generic builder: nothing says which context it is for.
                    public static DbContextOptions Create()
                    {
                        var builder = new DbContextOptionsBuilder();
                        CALLS
                        return builder.Options;
                    }
                }
            }
            """.Replace("CALLS", calls))));

        Assert.Contains("Store types are not shown: the provider is chosen on an options builder DataDocGen does not attribute to this context: ", output.Markdown);
        Assert.Contains("Unique index `IX_Tags_Code` (`Code`)", output.Markdown);
        Assert.Equal(note, output.Markdown!.Contains("on SQL Server EF Core adds a filter excluding NULLs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_builder_handed_to_a_method_compiled_elsewhere_names_that_call()
    {
        // The real BTCPay: BaseDbContextFactory is in BTCPayServer.Abstractions, another assembly.
        var abstractions = GeneratorHarness.Run(Sources.With(("Abstractions/BaseDbContextFactory.cs", BaseFactory)), projectDir: "/src/Abstractions/", assemblyName: "Abstractions");
        using var stream = new MemoryStream();
        Assert.True(abstractions.Compilation.Emit(stream).Success);
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/ApplicationDbContextFactory.cs", ContextFactory));
        var output = Run(sources, [MetadataReference.CreateFromImage(stream.ToArray())]);
        var line = Json.LineOf(sources["Data/ApplicationDbContextFactory.cs"], "ConfigureBuilder(builder)");

        Assert.DoesNotContain("no provider is chosen in this project", output.Markdown);
        Assert.Contains($"| Context options not read | `ConfigureBuilder(builder)` receives the options builder; DataDocGen does not follow it, so the provider, connection string or options it may set are not shown | {Link("Data/ApplicationDbContextFactory.cs", line)} |", output.Markdown);
        Assert.Contains("Store types are not shown: they depend on the provider, which is not chosen in the code DataDocGen follows: the options builder is handed to "
                        + $"`ConfigureBuilder(builder)` {Link("Data/ApplicationDbContextFactory.cs", line)}, which DataDocGen does not follow.", output.Markdown);
        var unknown = UnknownProvider(output, "ApplicationDbContext")!.Value;
        Assert.Equal([("ConfigureBuilder(builder)", $"Data/ApplicationDbContextFactory.cs:{line}")],
            unknown.GetProperty("optionsNotFollowed").EnumerateArray().Select(c => (c.GetProperty("call").GetString(), c.GetProperty("location").GetString())));
    }

    [Fact]
    public void An_edit_of_the_helper_a_builder_is_handed_to_reaches_the_report()
    {
        // The factory's result is reused while its file is unchanged; the helper read in another file is recorded.
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/Factory.cs", """
            namespace Shop.Data
            {
                public static class Factory
                {
                    public static ApplicationDbContext Create()
                    {
                        var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
                        Helper.Configure(builder);
                        return new ApplicationDbContext(builder.Options);
                    }
                }
            }
            """), ("Data/Helper.cs", """
            namespace Shop.Data
            {
                public static class Helper { public static void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite("Data Source=app.db"); }
            }
            """));
        Compilation compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("| Provider | SQLite: `UseSqlite` on the options builder made in `Factory.Create` |", Markdown(driver));

        var helper = compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.ProjectDir + "Data/Helper.cs");
        compilation = compilation.ReplaceSyntaxTree(helper, helper.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            helper.GetText().ToString().Replace("UseSqlite(\"Data Source=app.db\")", "UseNpgsql(\"Host=db\")"))));
        driver = driver.RunGenerators(compilation);
        Assert.Contains("| Provider | PostgreSQL (Npgsql): `UseNpgsql` on the options builder made in `Factory.Create` |", Markdown(driver));
        Assert.DoesNotContain("UseSqlite", Markdown(driver));
    }

    private static string Markdown(GeneratorDriver driver)
    {
        DataDocGen.Tasks.PayloadReader.Read(driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString(), out var files);
        return files["DATA_LAYER.md"];
    }

    [Fact]
    public void A_builder_handed_to_a_virtual_or_interface_method_is_not_followed()
    {
        var sources = Sources.With(("Data/ApplicationDbContext.cs", Context), ("Data/Factory.cs", """
            namespace Shop.Data
            {
                public interface IProviderSetup { void Apply(DbContextOptionsBuilder builder); }
                public class Factory(IProviderSetup setup)
                {
                    public ApplicationDbContext Create()
                    {
                        var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
                        Configure(builder);
                        setup.Apply(builder);
                        return new ApplicationDbContext(builder.Options);
                    }

                    // A derived factory may replace it.
                    protected virtual void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite("Data Source=app.db");
                }
            }
            """));
        var output = Run(sources);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "ApplicationDbContext").GetProperty("provider").ValueKind);
        Assert.DoesNotContain("| Provider |", output.Markdown);
        Assert.Equal(["Configure(builder)", "setup.Apply(builder)"],
            UnknownProvider(output, "ApplicationDbContext")!.Value.GetProperty("optionsNotFollowed").EnumerateArray().Select(c => c.GetProperty("call").GetString()));
    }
}
