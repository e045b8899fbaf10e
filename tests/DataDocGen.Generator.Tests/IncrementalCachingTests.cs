using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataDocGen.Generator.Tests;

/// <summary>The report must not be re-rendered by edits that do not change it: every DataDocGen step stays Cached or Unchanged.</summary>
public class IncrementalCachingTests
{
    /// <summary>Every named step: a new provider is covered as soon as it has a tracking name (the project below must
    /// give each one at least one node, or the assertion says which step is untracked).</summary>
    private static readonly string[] AllSteps = typeof(DataLayerReportGenerator.TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!).ToArray();

    private static readonly Dictionary<string, string> Project = Sources.With(
        ("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    public override int SaveChanges() => base.SaveChanges();
                }
            }
            """),
        ("Program.cs", """
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config) =>
                    services.AddDbContextPool<Shop.Data.ShopContext>(o => o.UseSqlServer(config.GetConnectionString("Shop")));

                public static int Archive(Shop.Data.ShopContext db) => db.Database.ExecuteSqlRaw("DELETE FROM Orders WHERE Id < 0");

                public static void Upgrade(Shop.Data.ShopContext db) => db.Database.Migrate();

                public static void Boot(Shop.Data.ShopContext db, bool migrate) { if (migrate) Upgrade(db); }

                public static void Cache(IServiceCollection services) => services.AddMemoryCache();

                public static void OutputCache(IServiceCollection services) => services.AddOutputCache(o => o.AddPolicy("Orders", b => b.Expire(System.TimeSpan.FromMinutes(1))));

                public static void Identity(IServiceCollection services) => services.Configure<Microsoft.AspNetCore.Identity.IdentityOptions>(o => o.Stores.MaxLengthForKeys = 128);

                public static void InTransaction(Shop.Data.ShopContext db) { using var transaction = db.Database.BeginTransaction(); }

                public static System.Linq.IQueryable<Shop.Domain.Order> Read(Shop.Data.ShopContext db) => db.Orders.AsNoTracking();

                public static Microsoft.Data.SqlClient.SqlConnection Open(IConfiguration config) => new Microsoft.Data.SqlClient.SqlConnection(config.GetConnectionString("Shop"));
            }

            public sealed class OrderArchiver(Shop.Data.ShopContext db) : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken) => db.Orders.Where(o => o.Id < 0).ExecuteDeleteAsync(stoppingToken);
            }

            public sealed class OrderCopyJob(Shop.Data.ShopContext db) { public int Run() => db.Orders.Count(); }

            public sealed class DesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<Shop.Data.ShopContext>
            {
                public Shop.Data.ShopContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<Shop.Data.ShopContext>().UseSqlServer("Server=.;Database=Shop").Options);
            }

            public static class JobSchedules { public static void Register() => Hangfire.RecurringJob.AddOrUpdate<OrderCopyJob>("copy", x => x.Run(), Hangfire.Cron.Daily()); }

            public sealed class OrderPurgeJob(Shop.Data.ShopContext db) : Quartz.IJob
            {
                public async System.Threading.Tasks.ValueTask Execute(Quartz.IJobExecutionContext context, System.Threading.CancellationToken cancellationToken) => await db.Orders.Where(o => o.Id < 0).ExecuteDeleteAsync(cancellationToken);
                public static void Register(IServiceCollection services) => Quartz.QuartzServiceCollectionExtensions.AddQuartz(services,
                    q => Quartz.QuartzBuilderExtensions.ScheduleJob<OrderPurgeJob>(q, t => Quartz.TriggerConfiguratorExtensions.WithCronSchedule(t, "0 0 3 * * ?"), null!));
            }

            public static class OrderSeeder { public static void Seed(Shop.Data.ShopContext db) { db.Orders.Add(new Shop.Domain.Order()); db.SaveChanges(); } }

            public sealed class AllOrders : Ardalis.Specification.Specification<Shop.Domain.Order> { public AllOrders() { Query.Where(o => o.Id > 0); } }

            public static class Messages { public static System.Threading.Tasks.Task Notify(MassTransit.IPublishEndpoint publish) => publish.Publish(new Shop.Domain.Order()); }

            public static class Relay { public static System.Threading.Tasks.ValueTask Forward(RabbitMQ.Client.IChannel channel) => channel.BasicPublishAsync("orders", "order.placed", System.ReadOnlyMemory<byte>.Empty); }

            public static class Documents { public static void Save(Marten.IDocumentSession session) => session.Store(new Shop.Domain.Order()); }

            public static class Catalog { public static void Add(MongoDB.Driver.IMongoCollection<Shop.Domain.Order> orders) => orders.InsertOne(new Shop.Domain.Order()); }

            public class OrderConsumer : MassTransit.IConsumer<Shop.Domain.Order> { public System.Threading.Tasks.Task Consume(MassTransit.ConsumeContext<Shop.Domain.Order> context) => System.Threading.Tasks.Task.CompletedTask; }

            public class Secret { [Microsoft.AspNetCore.Identity.PersonalData] public string? Name { get; set; } }

            public static class Deploy { public static void Run(string cs) => DbUp.DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Build().PerformUpgrade(); }

            public static class Masking { public static void Add(IServiceCollection services) => services.AddRedaction(); }

            public class TenantKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory { public object Create(DbContext context, bool designTime) => (context.GetType(), designTime); }

            public class OrderRequest { [System.ComponentModel.DataAnnotations.Required] public string? Name { get; set; } }

            public class OrderRepository(Shop.Data.ShopContext db)
            {
                public static void Register(IServiceCollection services) => services.AddScoped<OrderRepository>();
                public int Count() => db.Orders.Count();
            }

            [FluentMigrator.Migration(1)]
            public class AddAudit : FluentMigrator.Migration
            {
                public override void Up() => Create.Table("Audit").WithColumn("Id").AsInt32();
                public override void Down() => Delete.Table("Audit");
            }

            [Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(Shop.Data.ShopContext))]
            [Microsoft.EntityFrameworkCore.Migrations.Migration("20240101000000_Initial")]
            public class Initial : Microsoft.EntityFrameworkCore.Migrations.Migration
            {
                protected override void Up(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema("sales");
                    migrationBuilder.Sql("GRANT SELECT ON sales.Orders TO reader");
                }
            }
            """),
        ("Services/Replays.cs", """
            using System.Linq;
            public static class Replays { public static int Latest(Shop.Data.ShopContext db) { var latest = 0; foreach (var o in db.Orders.OrderBy(x => x.Id)) latest = System.Math.Max(latest, o.Id); return latest; } }
            """),
        ("Services/PriceCalculator.cs", """
            namespace Shop.Services
            {
                public class PriceCalculator : System.IDisposable
                {
                    public decimal Total(decimal price, int quantity) => price * quantity;
                    public void Dispose() { }
                }
            }
            """));

    private static readonly AdditionalText[] AppSettings =
    [
        new InMemoryAdditionalText(GeneratorHarness.ProjectDir + "appsettings.json", """{ "ConnectionStrings": { "Shop": "Server=db;Database=Shop" } }"""),
        new InMemoryAdditionalText(GeneratorHarness.ProjectDir + "Database/001_roles.sql", "CREATE ROLE reporting;",
            new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DataDocGenResourceName"] = "Shop.Database.001_roles.sql" }),
        new InMemoryAdditionalText("/src/Domain/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix, """{ "fragmentVersion": "1", "report": { "ProjectName": "Domain" } }"""),
    ];

    [Fact]
    public void Second_run_on_the_same_compilation_is_fully_cached()
    {
        var compilation = GeneratorHarness.Compile(Project);
        var driver = GeneratorHarness.CreateDriver(AppSettings).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());

        AssertAllCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void Unrelated_method_body_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Project);
        var driver = GeneratorHarness.CreateDriver(AppSettings).RunGenerators(compilation);

        var edited = ReplaceIn(compilation, "Services/PriceCalculator.cs", "price * quantity", "price * quantity * 1.0m");
        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver.GetRunResult());
    }

    [Fact]
    public void Data_layer_edit_re_renders_the_report()
    {
        var compilation = GeneratorHarness.Compile(Project);
        var driver = GeneratorHarness.CreateDriver(AppSettings).RunGenerators(compilation);

        var edited = ReplaceIn(compilation, "Data/ShopContext.cs",
            "public DbSet<Shop.Domain.Order> Orders", "public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();\n        public DbSet<Shop.Domain.Order> Orders");
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var rendered = result.TrackedSteps[DataLayerReportGenerator.TrackingNames.Rendered].Single().Outputs.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, rendered.Reason);
        Assert.Contains("Shop.Domain.Customer", GeneratorOutputOf(result));
    }

    [Fact]
    public void A_host_that_skips_implementation_outputs_runs_no_DataDocGen_step_at_all()
    {
        // What an IDE may do with RegisterImplementationSourceOutput: no payload, and no transform runs (nothing pulls them).
        var compilation = GeneratorHarness.Compile(Project);
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new DataLayerReportGenerator().AsSourceGenerator()], AppSettings, GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.DataDocGenReportDirectory"] = GeneratorHarness.ProjectDir }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.Implementation, trackIncrementalGeneratorSteps: true));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Empty(result.GeneratedSources);
        Assert.DoesNotContain(result.TrackedSteps.Keys, AllSteps.Contains);

        // The command line runs it: the same driver without the host's restriction produces the payload.
        Assert.Single(GeneratorHarness.CreateDriver(AppSettings).RunGenerators(compilation).GetRunResult().Results.Single().GeneratedSources);
    }

    /// <summary>TransformCache reuses a file's findings while the file and every declaration stay the same. A declaration
    /// change elsewhere must still reach it: here the DbSet a cached query reads changes type in another file, and a
    /// constructor (read to follow a connection string) changes in another part of a partial class.</summary>
    [Fact]
    public void Reused_transform_results_follow_declaration_and_constructor_changes_in_other_files()
    {
        var sources = Sources.With(
            ("Data/ShopContext.cs", "namespace Shop.Data { public class ShopContext : DbContext { public DbSet<Shop.Domain.Order> Things => Set<Shop.Domain.Order>(); } }"),
            ("Data/Reader.cs", "namespace Shop.Data { public class Reader(ShopContext db) { public int Count() => db.Things.Count(); } }"),
            ("Data/Store.cs", "namespace Shop.Data { public partial class Store { private readonly string _cs; public Microsoft.Data.SqlClient.SqlConnection Open() => new Microsoft.Data.SqlClient.SqlConnection(_cs); } }"),
            ("Data/Store.Init.cs", "namespace Shop.Data { public partial class Store { public Store(IConfiguration c) { _cs = c.GetConnectionString(\"First\")!; } } }"),
            ("Services/Other.cs", "namespace Shop.Services { public class Other { public int Work() => 1 + 1; } }"));
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("| `Shop.Domain.Order` |  | `Reader.Count`", first);
        Assert.Contains("named connection string `First`", first);

        // A body edit elsewhere: same report.
        var bodyEdit = ReplaceIn(compilation, "Services/Other.cs", "1 + 1", "1 + 2");
        driver = driver.RunGenerators(bodyEdit);
        Assert.Equal(first, GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        // The DbSet's type changes in another file: the reader's unchanged query is read again.
        var retyped = ReplaceIn(bodyEdit, "Data/ShopContext.cs", "DbSet<Shop.Domain.Order> Things => Set<Shop.Domain.Order>()", "DbSet<Shop.Domain.Customer> Things => Set<Shop.Domain.Customer>()");
        driver = driver.RunGenerators(retyped);
        var second = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("| `Shop.Domain.Customer` |  | `Reader.Count`", second);
        Assert.DoesNotContain("| `Shop.Domain.Order` |  | `Reader.Count`", second);

        // The constructor in the other part changes the key the connection comes from.
        var rekeyed = ReplaceIn(retyped, "Data/Store.Init.cs", "\"First\"", "\"Second\"");
        driver = driver.RunGenerators(rekeyed);
        var third = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("named connection string `Second`", third);
        Assert.DoesNotContain("`First`", third);
    }

    /// <summary>A reused result may cite lines of other files and read their bodies: a line added above a cited
    /// constructor moves its link, a fluent call edited in another part of a partial context changes the schema, and
    /// an edit elsewhere rescans only the edited file.</summary>
    [Fact]
    public void Reused_transform_results_follow_moved_lines_and_bodies_read_in_other_files()
    {
        var sources = Sources.With(
            ("Data/ShopContext.cs", "namespace Shop.Data { public partial class ShopContext : DbContext { public DbSet<Shop.Domain.Ticket> Tickets => Set<Shop.Domain.Ticket>(); } }"),
            ("Data/ShopContext.Model.cs", "namespace Shop.Data { public partial class ShopContext { protected override void OnModelCreating(ModelBuilder b) { b.Entity<Shop.Domain.Ticket>().Property(t => t.Number).HasMaxLength(100); } } }"),
            ("Domain/Ticket.cs", "namespace Shop.Domain { public class Ticket { public int Id { get; set; } public string Number { get; set; } = \"\"; } }"),
            ("Data/Store.cs", "namespace Shop.Data { public partial class Store { private readonly string _cs; public Microsoft.Data.SqlClient.SqlConnection Open() => new Microsoft.Data.SqlClient.SqlConnection(_cs); } }"),
            ("Data/Store.Init.cs", "namespace Shop.Data\n{\n    public partial class Store\n    {\n        private static int Twice(int x)\n        {\n            return x * 2;\n        }\n\n        public Store(IConfiguration c) { _cs = c.GetConnectionString(\"First\")!; }\n    }\n}"),
            ("Services/Other.cs", "namespace Shop.Services { public class Other : System.IDisposable { public int Work() => 1 + 1; public void Dispose() { } } }"));
        Compilation compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("Data/Store.Init.cs#L15", first);
        Assert.Matches(@"\| `Number` \| `System.String` \|[^|]*\| no \| 100 \|", first);

        // An edit inside a body of another file: only that file's candidates run again, and the report is the same.
        var missed = new List<string>();
        // The event is static and other test classes run generators in parallel: keep only this test's compilation's misses.
        void OnMiss(Compilation c, SyntaxTree tree) { lock (missed) { if (c == compilation) missed.Add(tree.FilePath); } }
        DataDocGen.Generator.Helpers.TransformCache.Missed += OnMiss;
        try
        {
            compilation = ReplaceIn(compilation, "Services/Other.cs", "1 + 1", "1 + 2");
            driver = driver.RunGenerators(compilation);
            Assert.Equal(first, GeneratorOutputOf(driver.GetRunResult().Results.Single()));
            List<string> seen;
            lock (missed) seen = missed.ToList();
            Assert.NotEmpty(seen);
            Assert.All(seen, path => Assert.EndsWith("Services/Other.cs", path));
        }
        finally
        {
            DataDocGen.Generator.Helpers.TransformCache.Missed -= OnMiss;
        }

        // A line added inside a method body above the cited constructor: the citation moves with it.
        compilation = ReplaceIn(compilation, "Data/Store.Init.cs", "return x * 2;", "var y = x;\n            return y * 2;");
        driver = driver.RunGenerators(compilation);
        var second = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("Data/Store.Init.cs#L16", second);
        Assert.DoesNotContain("Data/Store.Init.cs#L15", second);

        // The context's OnModelCreating lives in another part: editing its body changes the column.
        compilation = ReplaceIn(compilation, "Data/ShopContext.Model.cs", "HasMaxLength(100)", "HasMaxLength(200)");
        driver = driver.RunGenerators(compilation);
        var third = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Matches(@"\| `Number` \| `System.String` \|[^|]*\| no \| 200 \|", third);
    }

    /// <summary>A loop's call to a project method is followed into the method's body in another file: editing that body
    /// changes the loop's finding though the loop's file is unchanged.</summary>
    [Fact]
    public void A_loop_finding_follows_an_edit_of_the_called_method_in_another_file()
    {
        var sources = Sources.With(
            ("Data/StockStore.cs", "namespace Shop.Data { public class StockStore(System.Data.IDbConnection c) { public int Set(string sku) => Dapper.SqlMapper.Execute(c, \"UPDATE dbo.Stock SET Quantity = 0 WHERE Sku = @sku\", new { sku }); } }"),
            ("Services/Sync.cs", "namespace Shop.Services { public class Sync(Shop.Data.StockStore store) { public void Run(List<string> skus) { foreach (var sku in skus) store.Set(sku); } } }"));
        Compilation compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("| `Sync.Run` | Write inside a loop (a round trip per item) |  | `Dapper Execute UPDATE dbo.Stock through StockStore.Set in the loop at line 6`", GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        compilation = ReplaceIn(compilation, "Data/StockStore.cs", "\"UPDATE dbo.Stock SET Quantity = 0 WHERE Sku = @sku\"", "\"SELECT Quantity FROM dbo.Stock WHERE Sku = @sku\"");
        driver = driver.RunGenerators(compilation);
        var second = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("| `Sync.Run` | Query inside a loop (N+1 risk) |  | `Dapper Execute SELECT dbo.Stock through StockStore.Set in the loop at line 6`", second);
        Assert.DoesNotContain("UPDATE dbo.Stock through", second);
    }

    /// <summary>A converted column's store type depends on the converter class's base constructor call in another file:
    /// an edit there (mapping hints passed to the base, a body change the declarations do not show) changes the report.</summary>
    [Fact]
    public void A_converted_store_type_follows_an_edit_of_the_converter_class_in_another_file()
    {
        var sources = Sources.With(
            ("Data/Trimmed.cs", "namespace Shop.Data { using Microsoft.EntityFrameworkCore.Storage.ValueConversion; public sealed class Trimmed : ValueConverter<string, string> { public Trimmed() : base(v => v.Trim(), v => v) { } } }"),
            ("Data/NotesContext.cs", """
                namespace Shop.Data
                {
                    public class Note { public int Id { get; set; } public string Text { get; set; } = ""; }
                    public class NotesContext : DbContext
                    {
                        public DbSet<Note> Notes => Set<Note>();
                        protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.;Database=Notes");
                        protected override void OnModelCreating(ModelBuilder m) => m.Entity<Note>().Property(n => n.Text).HasConversion<Trimmed>();
                    }
                }
                """));
        Compilation compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("| `Text` | `System.String` | `nvarchar(max)` |", GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        compilation = ReplaceIn(compilation, "Data/Trimmed.cs", "base(v => v.Trim(), v => v)", "base(v => v.Trim(), v => v, new ConverterMappingHints(size: 20))");
        driver = driver.RunGenerators(compilation);
        Assert.Contains("| `Text` | `System.String` |  |", GeneratorOutputOf(driver.GetRunResult().Results.Single()));
    }

    /// <summary>The callers of a method that applies migrations live in other files: an edit of a caller's condition, a
    /// new caller, and a runner moved into a lambda (whose caller is not known) each change the report, while a body edit
    /// elsewhere rescans only the edited file.</summary>
    [Fact]
    public void Callers_of_a_migration_method_follow_edits_in_their_files_and_in_the_method()
    {
        var sources = Sources.With(
            ("Data/Migrator.cs", "namespace Shop.Data { public static class Migrator { public static void Run(DbContext db) => db.Database.Migrate(); } }"),
            ("Startup.cs", "namespace Shop { public static class Startup { public static void Boot(DbContext db, bool migrate) { if (migrate) Shop.Data.Migrator.Run(db); } } }"),
            ("Services/Other.cs", "namespace Shop.Services { public class Other { public int Work() => 1 + 1; } }"));
        Compilation compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("  - `Migrator.Run` is called from `Startup.Boot`, when `migrate` [Startup.cs:6](Startup.cs#L6)", first);

        var missed = new List<string>();
        void OnMiss(Compilation c, SyntaxTree tree) { lock (missed) { if (c == compilation) missed.Add(tree.FilePath); } }
        DataDocGen.Generator.Helpers.TransformCache.Missed += OnMiss;
        try
        {
            compilation = ReplaceIn(compilation, "Services/Other.cs", "1 + 1", "1 + 2");
            driver = driver.RunGenerators(compilation);
            Assert.Equal(first, GeneratorOutputOf(driver.GetRunResult().Results.Single()));
            var steps = driver.GetRunResult().Results.Single().TrackedSteps;
            foreach (var step in new[] { DataLayerReportGenerator.TrackingNames.RunnerMethods, DataLayerReportGenerator.TrackingNames.RunnerCallers, DataLayerReportGenerator.TrackingNames.RunnerCallersJoined, DataLayerReportGenerator.TrackingNames.Rendered })
            {
                Assert.All(steps[step].SelectMany(r => r.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " was " + o.Reason));
            }
            List<string> seen;
            lock (missed) seen = missed.ToList();
            Assert.NotEmpty(seen);
            Assert.All(seen, path => Assert.EndsWith("Services/Other.cs", path));
        }
        finally
        {
            DataDocGen.Generator.Helpers.TransformCache.Missed -= OnMiss;
        }

        compilation = ReplaceIn(compilation, "Startup.cs", "if (migrate)", "if (!migrate)");
        driver = driver.RunGenerators(compilation);
        Assert.Contains("  - `Migrator.Run` is called from `Startup.Boot`, when `!migrate` [Startup.cs:6](Startup.cs#L6)", GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        compilation = ReplaceIn(compilation, "Services/Other.cs", "public int Work() => 1 + 2;", "public void Work(DbContext db) => Shop.Data.Migrator.Run(db);");
        driver = driver.RunGenerators(compilation);
        Assert.Contains("  - `Migrator.Run` is called from `Other.Work` [Services/Other.cs:6](Services/Other.cs#L6)", GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        // A caller of the caller: the next level is looked for again.
        compilation = ReplaceIn(compilation, "Services/Other.cs", "public void Work(DbContext db) => Shop.Data.Migrator.Run(db);",
            "public void Work(DbContext db) => Shop.Data.Migrator.Run(db); public void Later(DbContext db) { if (db is null) Shop.Startup.Boot(db!, true); }");
        driver = driver.RunGenerators(compilation);
        Assert.Contains("  - `Migrator.Run` is called from `Startup.Boot`, when `!migrate` [Startup.cs:6](Startup.cs#L6)\n"
            + "    - `Startup.Boot` is called from `Other.Later`, when `db is null` [Services/Other.cs:6](Services/Other.cs#L6)\n", GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        compilation = ReplaceIn(compilation, "Data/Migrator.cs", "public static void Run(DbContext db) => db.Database.Migrate();",
            "public static System.Action Run(DbContext db) => () => db.Database.Migrate();");
        driver = driver.RunGenerators(compilation);
        Assert.DoesNotContain("is called from", GeneratorOutputOf(driver.GetRunResult().Results.Single()));
    }

    /// <summary>A caller's file reused by reference must still follow a declaration change elsewhere: a new overload in
    /// another part of the class takes the unchanged call, which then no longer reaches the method that migrates.</summary>
    [Fact]
    public void A_reused_caller_follows_an_overload_declared_in_another_file()
    {
        var sources = Sources.With(
            ("Data/Migrator.cs", "namespace Shop.Data { public static partial class Migrator { public static void Run(DbContext db) => db.Database.Migrate(); } }"),
            ("Startup.cs", "namespace Shop { public static class Startup { public static void Boot(bool migrate) { if (migrate) Shop.Data.Migrator.Run(Shop.Data.Holder.Db); } } }"),
            ("Data/Holder.cs", "namespace Shop.Data { public static class Holder { public static DbContext Db => null!; public static int Work() => 1 + 1; } }"));
        Compilation compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("  - `Migrator.Run` is called from `Startup.Boot`, when `migrate`", GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        compilation = ReplaceIn(compilation, "Data/Holder.cs", "1 + 1", "1 + 2");
        driver = driver.RunGenerators(compilation);
        Assert.Contains("  - `Migrator.Run` is called from `Startup.Boot`, when `migrate`", GeneratorOutputOf(driver.GetRunResult().Results.Single()));

        compilation = ReplaceIn(compilation, "Data/Holder.cs", "public static DbContext Db => null!;",
            "public static Special Db => null!; } public class Special : DbContext { } public static partial class Migrator { public static void Run(Special db) { }");
        driver = driver.RunGenerators(compilation);
        var output = GeneratorOutputOf(driver.GetRunResult().Results.Single());
        Assert.Contains("`Migrate()` in `Migrator.Run`", output);
        Assert.DoesNotContain("is called from", output);
    }

    private static string GeneratorOutputOf(GeneratorRunResult result)
    {
        DataDocGen.Tasks.PayloadReader.Read(result.GeneratedSources.Single().SourceText.ToString(), out var files);
        return files["DATA_LAYER.md"];
    }

    private static Compilation ReplaceIn(Compilation compilation, string file, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.ProjectDir + file);
        var text = tree.GetText().ToString();
        Assert.Contains(oldText, text);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(oldText, newText))));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult runResult)
    {
        var result = runResult.Results.Single();
        foreach (var step in AllSteps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), "step not tracked: " + step);
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} was {output.Reason}");
            }
        }
        // Nothing in a pipeline model may hold on to Roslyn objects (they defeat caching and keep compilations alive).
        foreach (var name in AllSteps)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(r => r.Outputs))
            {
                ModelGraph.AssertNoRoslynObjects(value, name);
            }
        }
    }
}
