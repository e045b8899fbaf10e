using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>A registration or <c>OnConfiguring</c> that hands the options builder to code DataDocGen does not follow (an
/// interface's <c>Initialise(opt)</c>, a helper, a delegate): the report says so, instead of "no provider is chosen in this
/// project" (the Jellyfin audit: its provider is set through <c>IJellyfinDatabaseProvider.Initialise(opt, ...)</c>).</summary>
public class ProviderNotFollowedTests
{
    private const string Context = """
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
            }
            public interface IDbProvider { void Initialise(DbContextOptionsBuilder options); }
            public sealed class SqliteProvider : IDbProvider
            {
                public void Initialise(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=app.db");
            }
        }
        """;

    private static (GeneratorOutput Output, Dictionary<string, string> Sources) Run(string program, string context = Context)
    {
        var sources = Sources.With(("Data/ShopContext.cs", context), ("Program.cs", program));
        return (GeneratorHarness.Run(sources), sources);
    }

    /// <summary>The calls 1.1 lists as "Context options not read".</summary>
    private static string[] NotFollowed(GeneratorOutput output) =>
        System.Text.RegularExpressions.Regex.Matches(output.Markdown!, @"\| Context options not read \| `(.+?)` receives the options builder;").Select(m => m.Groups[1].Value).ToArray();

    /// <summary>The context's entry in JSON's contextsWithUnknownProvider, if any.</summary>
    private static System.Text.Json.JsonElement? UnknownProvider(GeneratorOutput output) =>
        Json.Parse(output.Json).GetProperty("contextsWithUnknownProvider").EnumerateArray().Where(c => c.GetProperty("name").GetString() == "ShopContext")
            .Select(c => (System.Text.Json.JsonElement?)c).FirstOrDefault();

    [Fact]
    public void A_provider_set_through_an_interface_is_not_said_to_be_missing()
    {
        // The audit's Repro1: the only implementation calls UseSqlite, but DataDocGen does not follow the interface call.
        var (output, sources) = Run("""
            namespace Shop
            {
                public static class Registration
                {
                    public static IServiceCollection AddApp(this IServiceCollection services)
                    {
                        services.AddSingleton<Shop.Data.IDbProvider, Shop.Data.SqliteProvider>();
                        services.AddDbContext<Shop.Data.ShopContext>((sp, opt) =>
                        {
                            var provider = sp.GetRequiredService<Shop.Data.IDbProvider>();
                            provider.Initialise(opt);
                            opt.EnableDetailedErrors();
                        });
                        return services;
                    }
                }
            }
            """);
        var line = Json.LineOf(sources["Program.cs"], "provider.Initialise(opt)");

        Assert.DoesNotContain("no provider is chosen in this project", output.Markdown);
        Assert.Contains($"| Context options not read | `provider.Initialise(opt)` receives the options builder; DataDocGen does not follow it, so the provider, connection string or options it may set are not shown | [Program.cs:{line}](Program.cs#L{line}) |", output.Markdown);
        Assert.Contains("| Context option | `EnableDetailedErrors()` |", output.Markdown);
        Assert.Contains($"Store types are not shown: they depend on the provider, which is not chosen in the code DataDocGen follows: the options builder is handed to `provider.Initialise(opt)` [Program.cs:{line}](Program.cs#L{line}), which DataDocGen does not follow.", output.Markdown);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Context(output.Json, "ShopContext").GetProperty("provider").ValueKind);
        var unknown = UnknownProvider(output)!.Value;
        Assert.Equal($"no provider is chosen in the code DataDocGen follows: the options builder is handed to provider.Initialise(opt) (Program.cs:{line}), which DataDocGen does not follow",
            unknown.GetProperty("reason").GetString());
        Assert.Equal([("provider.Initialise(opt)", $"Program.cs:{line}")],
            unknown.GetProperty("optionsNotFollowed").EnumerateArray().Select(c => (c.GetProperty("call").GetString(), c.GetProperty("location").GetString())));
        Assert.Equal(["provider.Initialise(opt)"], NotFollowed(output));
        // The fragment other projects merge keeps them.
        var report = ReportFragment.Read(output.Fragment!)!;
        Assert.Equal(output.Fragment, ReportFragment.Write(report));
        Assert.Equal(output.Markdown, MarkdownEmitter.Emit(report, new RelativePath(GeneratorHarness.ProjectDir)));
    }

    [Fact]
    public void A_host_registering_a_librarys_context_through_an_interface_is_named_in_the_merged_report()
    {
        const string library = """
            namespace Shop.Data
            {
                public class Order { public int Id { get; set; } }
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                }
                public interface IDbProvider { void Initialise(DbContextOptionsBuilder options); }
            }
            """;
        var infrastructure = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", library)), projectDir: "/src/Infrastructure/", assemblyName: "Infrastructure");
        using var stream = new MemoryStream();
        Assert.True(infrastructure.Compilation.Emit(stream).Success);

        var host = GeneratorHarness.Run(Sources.With(("Startup.cs", """
            public static class Startup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddDbContext<Shop.Data.ShopContext>((sp, o) => sp.GetRequiredService<Shop.Data.IDbProvider>().Initialise(o));
            }
            """)), new Dictionary<string, string>
        {
            ["/src/Infrastructure/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = infrastructure.Fragment!,
        }, extraReferences: [MetadataReference.CreateFromImage(stream.ToArray())], projectDir: "/src/Web/", assemblyName: "Web");

        Assert.Contains("Store types are not shown: they depend on the provider, which is not chosen in the code DataDocGen follows: the options builder is handed to `sp.GetRequiredService<Shop.Data.IDbProvider>().Initialise(o)` [Startup.cs:", host.Markdown);
        Assert.DoesNotContain("no provider is chosen in this project", host.Markdown);
    }

    [Fact]
    public void Jellyfins_registration_names_both_calls_it_does_not_follow()
    {
        // ServiceCollectionExtensions.cs:153 in the audit's copy: a pooled factory whose lambda hands the builder to the
        // database provider and to the locking behaviour, both resolved from the container.
        var (output, _) = Run("""
            namespace Shop
            {
                public interface ILockingBehavior { void Initialise(DbContextOptionsBuilder optionsBuilder); }
                public sealed class Settings { public string DatabaseType { get; set; } = ""; }
                public interface IJellyfinDatabaseProvider { void Initialise(DbContextOptionsBuilder options, Settings settings); }
                public static class Registration
                {
                    public static IServiceCollection AddJellyfinDbContext(this IServiceCollection serviceCollection, Settings efCoreConfiguration)
                    {
                        serviceCollection.AddPooledDbContextFactory<Shop.Data.ShopContext>((serviceProvider, opt) =>
                        {
                            var provider = serviceProvider.GetRequiredService<IJellyfinDatabaseProvider>();
                            provider.Initialise(opt, efCoreConfiguration);
                            var lockingBehavior = serviceProvider.GetRequiredService<ILockingBehavior>();
                            lockingBehavior.Initialise(opt);
                        });
                        return serviceCollection;
                    }
                }
            }
            """);

        Assert.Equal(["provider.Initialise(opt, efCoreConfiguration)", "lockingBehavior.Initialise(opt)"], NotFollowed(output));
        Assert.DoesNotContain("no provider is chosen in this project", output.Markdown);
    }

    [Theory]
    // A static helper of this project.
    [InlineData("services.AddDbContext<Shop.Data.ShopContext>(o => DbSetup.Configure(o));", "DbSetup.Configure(o)")]
    // A method group: the action itself is code not followed.
    [InlineData("services.AddDbContext<Shop.Data.ShopContext>(DbSetup.Configure);", "DbSetup.Configure")]
    // A delegate passed in, called or handed over.
    [InlineData("services.AddDbContext<Shop.Data.ShopContext>(o => configure(o));", "configure(o)")]
    [InlineData("services.AddDbContext<Shop.Data.ShopContext>(o => configure?.Invoke(o));", "configure?.Invoke(o)")]
    [InlineData("services.AddDbContext<Shop.Data.ShopContext>(configure);", "configure")]
    // An extension method of this project: listed once, as not read.
    [InlineData("services.AddDbContext<Shop.Data.ShopContext>(o => o.UseAppDatabase());", "o.UseAppDatabase()")]
    [InlineData("services.AddDbContext<Shop.Data.ShopContext>(o => o.ConfigureAppDatabase());", "o.ConfigureAppDatabase()")]
    public void Each_way_of_handing_the_builder_over_is_named(string registration, string call)
    {
        var (output, _) = Run($$"""
            namespace Shop
            {
                public static class DbSetup
                {
                    public static void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite("Data Source=app.db");
                    public static DbContextOptionsBuilder UseAppDatabase(this DbContextOptionsBuilder builder) => builder.UseSqlite("Data Source=app.db");
                    public static DbContextOptionsBuilder ConfigureAppDatabase(this DbContextOptionsBuilder builder) => builder.UseSqlite("Data Source=app.db");
                }
                public static class Registration
                {
                    public static void Add(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
                    {
                        {{registration}}
                    }
                }
            }
            """);

        Assert.Equal([call], NotFollowed(output));
        Assert.DoesNotContain("| Context option |", output.Markdown);
        Assert.DoesNotContain("no provider is chosen in this project", output.Markdown);
        Assert.Contains("Store types are not shown: they depend on the provider, which is not chosen in the code DataDocGen follows: the options builder is handed to `" + call + "`", output.Markdown);
    }

    [Fact]
    public void OnConfiguring_handing_its_builder_to_a_virtual_method_is_named()
    {
        var context = """
            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                    {
                        base.OnConfiguring(optionsBuilder);
                        ConfigureProvider(optionsBuilder);
                    }
                    protected virtual void ConfigureProvider(DbContextOptionsBuilder optionsBuilder) { }
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", context)));

        // base.OnConfiguring is DbContext's own (EF Core): not code left unread.
        Assert.Equal(["ConfigureProvider(optionsBuilder)"], NotFollowed(output));
        Assert.Contains("| Context options not read | `ConfigureProvider(optionsBuilder)` receives the options builder;", output.Markdown);
    }

    [Fact]
    public void Calls_that_do_not_hand_the_builder_to_unread_code_are_not_named()
    {
        // Traps beside one real hand-over: a look-alike Initialise given something else, a comment and a string naming the
        // call, EF Core's own extension called in static form, a package's extension (EFCore.NamingConventions) and the
        // builder handed to a provider's options lambda.
        var (output, _) = Run("""
            namespace Shop
            {
                public interface ILogSetup { void Initialise(IServiceProvider services); }
                public static class Registration
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration)
                    {
                        services.AddDbContext<Shop.Data.ShopContext>((sp, opt) =>
                        {
                            sp.GetRequiredService<ILogSetup>().Initialise(sp);
                            // provider.Initialise(opt);
                            Console.WriteLine("provider.Initialise(opt)");
                            SqlServerDbContextOptionsExtensions.UseSqlServer(opt, configuration.GetConnectionString("Shop"));
                            opt.UseSnakeCaseNamingConvention();
                            sp.GetRequiredService<Shop.Data.IDbProvider>().Initialise(opt);
                        });
                    }
                }
            }
            """);

        Assert.Equal(["sp.GetRequiredService<Shop.Data.IDbProvider>().Initialise(opt)"], NotFollowed(output));
        // The provider is known here: store types are shown and JSON names no reason.
        Assert.Equal("SqlServer", Json.Context(output.Json, "ShopContext").GetProperty("provider").GetString());
        Assert.Null(UnknownProvider(output));
        Assert.DoesNotContain("Store types are not shown", output.Markdown);
    }

    [Fact]
    public void A_base_contexts_OnConfiguring_in_this_project_is_read_not_named()
    {
        var context = """
            namespace Shop.Data
            {
                public abstract class BaseContext : DbContext
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=app.db");
                }
                public class ShopContext : BaseContext
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                    {
                        base.OnConfiguring(optionsBuilder);
                        Tune(optionsBuilder);
                    }
                    private static void Tune(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.EnableDetailedErrors();
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", context)));

        Assert.Equal(["Tune(optionsBuilder)"], NotFollowed(output));
        Assert.Equal("Sqlite", Json.Context(output.Json, "ShopContext").GetProperty("provider").GetString());
    }

    [Fact]
    public void A_registration_that_hands_nothing_over_still_says_no_provider_is_chosen()
    {
        var (output, _) = Run("""
            namespace Shop
            {
                public static class Registration
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddDbContext<Shop.Data.ShopContext>(opt => opt.EnableDetailedErrors());
                }
            }
            """, """
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                }
            }
            """);

        // The project holds no provider call at all (ProviderOutsideConfigurationTests: one attributed to no context is named).
        Assert.Empty(NotFollowed(output));
        Assert.Contains("Store types are not shown: no provider is chosen in this project, and they depend on it.", output.Markdown);
        var unknown = UnknownProvider(output)!.Value;
        Assert.Equal("no provider is chosen in this project", unknown.GetProperty("reason").GetString());
        Assert.Empty(unknown.GetProperty("optionsNotFollowed").EnumerateArray());
        Assert.DoesNotContain("Context options not read", output.Markdown);
    }
}
