using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Where the project calls the methods that apply migrations (3.1), with the condition at each call.</summary>
public class MigrationCallerTests
{
    private const string Context = """
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
            }
        }
        """;

    [Fact]
    public void A_static_helper_and_an_instance_method_are_named_with_each_caller_and_its_condition()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context),
            ("Data/Migrator.cs", """
                namespace Shop.Data
                {
                    public static class Migrator
                    {
                        public static void Run(ShopContext db) => db.Database.Migrate();
                    }

                    public class DbInitializer(ShopContext db)
                    {
                        public async System.Threading.Tasks.Task InitAsync()
                        {
                            await db.Database.MigrateAsync();
                        }
                    }
                }
                """),
            ("Startup.cs", """
                namespace Shop
                {
                    public static class Startup
                    {
                        public static void Configure(Shop.Data.ShopContext db, IConfiguration configuration, bool development)
                        {
                            if (configuration.GetValue<bool>("Database:MigrateOnStartup"))
                            {
                                Shop.Data.Migrator.Run(db);
                            }
                            if (development) Shop.Data.Migrator.Run(db);
                            else System.Console.WriteLine("no migration");
                        }

                        public static async System.Threading.Tasks.Task InitAsync(Shop.Data.DbInitializer? initializer, bool fresh)
                        {
                            if (!fresh) await initializer!.InitAsync();
                            var later = new System.Func<System.Threading.Tasks.Task?>(() => fresh ? initializer?.InitAsync() : null);
                            await (later() ?? System.Threading.Tasks.Task.CompletedTask);
                        }
                    }
                }
                """)));

        var md = output.Markdown!;
        Assert.Contains("- `Migrate()` in `Migrator.Run`: context `ShopContext` [Data/Migrator.cs:10](Data/Migrator.cs#L10)\n"
            + "  - `Migrator.Run` is called from `Startup.Configure`, when `configuration.GetValue<bool>(\"Database:MigrateOnStartup\")` [Startup.cs:14](Startup.cs#L14)\n"
            + "  - `Migrator.Run` is called from `Startup.Configure`, when `development` [Startup.cs:16](Startup.cs#L16)\n", md);
        // An instance method; a call in a lambda gets the condition inside the lambda only, and says where it sits.
        Assert.Contains("- `MigrateAsync()` in `DbInitializer.InitAsync`: context `ShopContext` [Data/Migrator.cs:17](Data/Migrator.cs#L17)\n"
            + "  - `DbInitializer.InitAsync` is called from `Startup.InitAsync`, when `!fresh` [Startup.cs:22](Startup.cs#L22)\n"
            + "  - `DbInitializer.InitAsync` is called from `Startup.InitAsync` (in a lambda), when `fresh` [Startup.cs:23](Startup.cs#L23)\n", md);

        using var json = System.Text.Json.JsonDocument.Parse(output.Json!);
        var run = json.RootElement.GetProperty("migrationRuns").EnumerateArray().First(r => r.GetProperty("member").GetString() == "Migrator.Run");
        var callers = run.GetProperty("callers").EnumerateArray().ToList();
        Assert.Equal(2, callers.Count);
        Assert.Equal("Startup.Configure", callers[0].GetProperty("member").GetString());
        Assert.Equal("configuration.GetValue<bool>(\"Database:MigrateOnStartup\")", callers[0].GetProperty("condition").GetString());
        Assert.Equal("Startup.cs:14", callers[0].GetProperty("location").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, callers[0].GetProperty("within").ValueKind);
        var lambda = json.RootElement.GetProperty("migrationRuns").EnumerateArray().First(r => r.GetProperty("member").GetString() == "DbInitializer.InitAsync")
            .GetProperty("callers").EnumerateArray().Last();
        Assert.Equal("lambda", lambda.GetProperty("within").GetString());
    }

    [Fact]
    public void A_runner_in_top_level_statements_or_a_local_function_gets_no_callers_and_a_call_from_a_local_function_names_it()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context),
            ("Data/Migrator.cs", """
                namespace Shop.Data
                {
                    public static class Migrator
                    {
                        public static void Run(ShopContext db) => db.Database.Migrate();
                    }
                }
                """),
            ("Program.cs", """
                var db = new Shop.Data.ShopContext(new DbContextOptions<Shop.Data.ShopContext>());
                db.Database.EnsureCreated();
                void Upgrade(bool now)
                {
                    if (now) Shop.Data.Migrator.Run(db);
                }
                if (args.Length > 0) Upgrade(true);
                """)));

        var md = output.Markdown!;
        Assert.Contains("- `EnsureCreated()` in `top-level statements`: context `ShopContext` [Program.cs:7](Program.cs#L7)\n\n", md);
        Assert.Contains("  - `Migrator.Run` is called from `top-level statements` (in a local function `Upgrade`), when `now` [Program.cs:10](Program.cs#L10)\n", md);
        // The local function's own callers are not followed: one line only.
        Assert.Single(md.Split('\n'), l => l.Contains("is called from", StringComparison.Ordinal));
    }

    [Fact]
    public void A_method_the_project_never_calls_gets_no_caller_line()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context),
            ("Data/Migrator.cs", """
                namespace Shop.Data
                {
                    public static class Migrator
                    {
                        public static void Run(ShopContext db)
                        {
                            if (db.Database.IsRelational()) db.Database.Migrate();
                        }
                    }
                }
                """)));

        Assert.Contains("- `Migrate()` in `Migrator.Run`, when `db.Database.IsRelational()`: context `ShopContext` [Data/Migrator.cs:12](Data/Migrator.cs#L12)\n\n", output.Markdown);
        Assert.DoesNotContain("is called from", output.Markdown);
        using var json = System.Text.Json.JsonDocument.Parse(output.Json!);
        Assert.Empty(json.RootElement.GetProperty("migrationRuns").EnumerateArray().Single().GetProperty("callers").EnumerateArray());
    }

    [Fact]
    public void Look_alikes_comments_strings_method_groups_and_calls_that_may_reach_other_code_are_not_callers()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context),
            ("Data/Migrator.cs", """
                namespace Shop.Data
                {
                    public static class Migrator
                    {
                        public static void Run(ShopContext db) => db.Database.Migrate();

                        public static void Run(string name) { }

                        // Recursion tells nothing of where it is run from.
                        public static void Retry(ShopContext db, int left) { db.Database.Migrate(); if (left > 0) Retry(db, left - 1); }

                        // Calling this does not migrate: the lambda it returns does, when someone runs it.
                        public static System.Action Later(ShopContext db) => () => db.Database.Migrate();
                    }

                    public static class Other
                    {
                        public static void Run(ShopContext db) { }
                    }

                    public interface IMigrator { void Apply(); }

                    public class Applier(ShopContext db) : IMigrator
                    {
                        public void Apply() => db.Database.Migrate();
                    }

                    public class BaseMigrator(ShopContext db)
                    {
                        public virtual void Upgrade() => db.Database.Migrate();
                    }

                    public class QuietMigrator(ShopContext db) : BaseMigrator(db)
                    {
                        public override void Upgrade() { }
                    }
                }
                """),
            ("Startup.cs", """
                namespace Shop
                {
                    public static class Startup
                    {
                        public static void Configure(Shop.Data.ShopContext db, bool development, Shop.Data.IMigrator migrator, Shop.Data.BaseMigrator upgrader)
                        {
                            if (development) Shop.Data.Other.Run(db);          // another type's method of the same name
                            if (development) Shop.Data.Migrator.Run("db");     // another overload
                            // if (development) Shop.Data.Migrator.Run(db);
                            var text = "Shop.Data.Migrator.Run(db)";
                            System.Action<Shop.Data.ShopContext> group = Shop.Data.Migrator.Run;
                            if (development) group(db);                        // a method group: where it leads is not followed
                            if (development) migrator.Apply();                 // through the interface
                            if (development) upgrader.Upgrade();               // a virtual method: an override may run instead
                            if (development) Shop.Data.Migrator.Later(db);     // returns the lambda, does not run it
                        }
                    }
                }
                """)));

        var md = output.Markdown!;
        Assert.Contains("`Migrate()` in `Migrator.Run`", md);
        Assert.Contains("`Migrate()` in `Migrator.Retry`", md);
        Assert.Contains("`Migrate()` in `Applier.Apply`", md);
        Assert.Contains("`Migrate()` in `BaseMigrator.Upgrade`", md);
        Assert.DoesNotContain("is called from", md);
        using var json = System.Text.Json.JsonDocument.Parse(output.Json!);
        Assert.All(json.RootElement.GetProperty("migrationRuns").EnumerateArray(), r => Assert.Empty(r.GetProperty("callers").EnumerateArray()));
    }

    [Fact]
    public void An_extension_method_and_a_generic_method_are_followed_through_their_reduced_and_constructed_forms()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context),
            ("Data/Migrations.cs", """
                namespace Shop.Data
                {
                    public static class MigrationExtensions
                    {
                        public static void MigrateDatabase(this IServiceProvider services) =>
                            services.GetRequiredService<ShopContext>().Database.Migrate();

                        public static void Create<TContext>(TContext db) where TContext : DbContext => db.Database.EnsureCreated();
                    }
                }
                """),
            ("Startup.cs", """
                using Shop.Data;
                namespace Shop
                {
                    public static class Startup
                    {
                        public static void Configure(IServiceProvider services, bool development)
                        {
                            if (development) services.MigrateDatabase();
                            else Shop.Data.MigrationExtensions.Create(services.GetRequiredService<Shop.Data.ShopContext>());
                        }
                    }
                }
                """)));

        var md = output.Markdown!;
        Assert.Contains("  - `MigrationExtensions.MigrateDatabase` is called from `Startup.Configure`, when `development` [Startup.cs:13](Startup.cs#L13)\n", md);
        Assert.Contains("  - `MigrationExtensions.Create` is called from `Startup.Configure`, when `not (development)` [Startup.cs:14](Startup.cs#L14)\n", md);
    }

    [Fact]
    public void Callers_are_followed_up_while_each_sits_directly_in_a_plain_method_and_mutual_recursion_stops()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context),
            ("Data/Migrator.cs", """
                namespace Shop.Data
                {
                    public static class Migrator
                    {
                        public static void Run(ShopContext db) => db.Database.Migrate();

                        public static void Ping(ShopContext db, int left) { db.Database.EnsureCreated(); if (left > 0) Pong(db, left - 1); }

                        public static void Pong(ShopContext db, int left) { if (left > 1) Ping(db, left); }
                    }
                }
                """),
            ("Startup.cs", """
                namespace Shop
                {
                    public static class Boot
                    {
                        public static void Init(Shop.Data.ShopContext db) => Shop.Data.Migrator.Run(db);
                    }

                    public class Host
                    {
                        public void Start(Shop.Data.ShopContext db, bool fresh)
                        {
                            if (fresh) Boot.Init(db);
                        }
                    }

                    public static class Entry
                    {
                        public static void Main(Shop.Data.ShopContext db, string[] args)
                        {
                            if (args.Length > 0) new Host().Start(db, true);
                        }
                    }
                }
                """)));

        var md = output.Markdown!;
        Assert.Contains("- `Migrate()` in `Migrator.Run`: context `ShopContext` [Data/Migrator.cs:10](Data/Migrator.cs#L10)\n"
            + "  - `Migrator.Run` is called from `Boot.Init` [Startup.cs:10](Startup.cs#L10)\n"
            + "    - `Boot.Init` is called from `Host.Start`, when `fresh` [Startup.cs:17](Startup.cs#L17)\n"
            + "      - `Host.Start` is called from `Entry.Main`, when `args.Length > 0` [Startup.cs:25](Startup.cs#L25)\n", md);
        // Ping calls Pong, which calls Ping: Pong's call from Ping is listed, and Ping, already on the path, is not followed again.
        Assert.Contains("- `EnsureCreated()` in `Migrator.Ping`: context `ShopContext` [Data/Migrator.cs:12](Data/Migrator.cs#L12)\n"
            + "  - `Migrator.Ping` is called from `Migrator.Pong`, when `left > 1` [Data/Migrator.cs:14](Data/Migrator.cs#L14)\n"
            + "    - `Migrator.Pong` is called from `Migrator.Ping`, when `left > 0` [Data/Migrator.cs:12](Data/Migrator.cs#L12)\n\n", md);

        using var json = System.Text.Json.JsonDocument.Parse(output.Json!);
        var run = json.RootElement.GetProperty("migrationRuns").EnumerateArray().First(r => r.GetProperty("member").GetString() == "Migrator.Run");
        var top = run.GetProperty("callers")[0].GetProperty("callers")[0].GetProperty("callers")[0];
        Assert.Equal("Entry.Main", top.GetProperty("member").GetString());
        Assert.Equal("args.Length > 0", top.GetProperty("condition").GetString());
        Assert.Empty(top.GetProperty("callers").EnumerateArray());
    }

    [Fact]
    public void A_DbUp_upgrade_in_a_helper_is_named_with_its_caller()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Deploy/Upgrader.cs"] = """
                using DbUp;
                namespace Deploy
                {
                    public static class Upgrader
                    {
                        public static void Run(string connectionString) =>
                            DeployChanges.To.SqlDatabase(connectionString).WithScriptsEmbeddedInAssembly(typeof(Upgrader).Assembly).Build().PerformUpgrade();
                    }

                    public static class Host
                    {
                        public static void Start(string connectionString, bool migrate)
                        {
                            if (migrate) Upgrader.Run(connectionString);
                        }
                    }
                }
                """,
        });

        Assert.Contains("  - `Upgrader.Run` is called from `Host.Start`, when `migrate` [Deploy/Upgrader.cs:14](Deploy/Upgrader.cs#L14)\n", output.Markdown);
    }
}
