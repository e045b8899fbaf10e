using System.Reflection;
using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace DataDocGen.Generator.Tests;

/// <summary>
/// What an EF Core migration's Up and Down do when the migration class does not declare them: an Up inherited from a
/// project base class (BTCPay Server's <c>DBScriptsMigration</c>, which runs the embedded scripts its subclasses name),
/// a Down declared nowhere but EF Core's <c>Migration</c> (which throws), and the conditions around operations
/// (<c>if (migrationBuilder.IsNpgsql())</c>, BTCPay's <c>appssettingstojson</c>).
/// </summary>
public class MigrationUpDownTests
{
    private const string Context = """
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
        }
        """;

    /// <summary>BTCPay Server's shape: the base runs the scripts named by the class's attributes, in a loop.</summary>
    private const string ScriptsBase = """
        using System.IO;
        using System.Linq;
        using System.Reflection;
        using System.Text;
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Data
        {
            public abstract class DBScriptsMigration : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    foreach (var script in GetType().GetCustomAttributes<DBScriptAttribute>().OrderBy(n => n.ScriptName))
                    {
                        var name = Assembly.GetExecutingAssembly().GetManifestResourceNames().First(s => s.EndsWith("." + script.ScriptName, StringComparison.Ordinal));
                        using var reader = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!, Encoding.UTF8);
                        migrationBuilder.Sql(reader.ReadToEnd());
                    }
                }
            }

            [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
            public class DBScriptAttribute(string scriptName) : Attribute { public string ScriptName { get; set; } = scriptName; }

            public abstract class ScriptMigration : Migration
            {
                protected override void Up(MigrationBuilder mb) => mb.Sql("CREATE FUNCTION my_func() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;");
            }
        }
        """;

    private const string Inheriting = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240919034505_monitoredinvoices")]
            [Shop.Data.DBScript("004.MonitoredInvoices.sql")]
            public partial class monitoredinvoices : Shop.Data.DBScriptsMigration { }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240920000000_Script")]
            public class Script : Shop.Data.ScriptMigration { }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240921000000_EmptyDown")]
            public class EmptyDown : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: true);
                protected override void Down(MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    [Fact]
    public void An_up_inherited_from_a_project_base_is_read_there_and_said_to_be_inherited()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Data/DBScriptsMigration.cs", ScriptsBase), ("Migrations/Inheriting.cs", Inheriting)));

        // The Sql call runs once per attribute: no count is given, the loop is said.
        Assert.Contains("| `monitoredinvoices` | 2024-09-19 03:45:05 | inherited from `DBScriptsMigration.Up` [Data/DBScriptsMigration.cs:15](Data/DBScriptsMigration.cs#L15): "
                        + "Sql (for each `script` in `GetType().GetCustomAttributes<DBScriptAttribute>().OrderBy(n => n.ScriptName)`) |", output.Markdown);
        Assert.Contains("| `Script` | 2024-09-20 00:00:00 | inherited from `ScriptMigration.Up` [Data/DBScriptsMigration.cs:31](Data/DBScriptsMigration.cs#L31): Sql: 1 |", output.Markdown);
        Assert.DoesNotContain("my_func", output.All); // raw SQL is counted, never copied
        var migration = Item(output, "20240919034505_monitoredinvoices");
        Assert.Equal("DBScriptsMigration.Up", migration.GetProperty("upInheritedFrom").GetString());
        Assert.Equal("Data/DBScriptsMigration.cs:15", migration.GetProperty("upInheritedLocation").GetString());
        Assert.Single(migration.GetProperty("upOperations").EnumerateArray());
        // The migration's own Up is not said to be inherited.
        Assert.Equal(JsonValueKind.Null, Item(output, "20240921000000_EmptyDown").GetProperty("upInheritedFrom").ValueKind);
    }

    [Fact]
    public void A_down_declared_nowhere_but_in_ef_cores_migration_is_not_implemented_and_a_declared_empty_one_is_empty()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Data/DBScriptsMigration.cs", ScriptsBase), ("Migrations/Inheriting.cs", Inheriting)));

        Assert.Matches(@"\| `monitoredinvoices` \|[^\n]*\| not implemented \(EF Core's `Migration.Down` throws `NotSupportedException`: reverting fails\) \|", output.Markdown);
        Assert.Contains("| `EmptyDown` | 2024-09-21 00:00:00 | AddColumn: Orders | empty |", output.Markdown);
        Assert.Equal("not implemented", Item(output, "20240919034505_monitoredinvoices").GetProperty("down").GetString());
        Assert.False(Item(output, "20240919034505_monitoredinvoices").GetProperty("hasDown").GetBoolean());
        Assert.Equal("empty", Item(output, "20240921000000_EmptyDown").GetProperty("down").GetString());
    }

    [Fact]
    public void A_down_that_only_throws_is_said_to_throw_and_one_with_operations_is_implemented()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Migrations/Downs.cs", """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            namespace Shop.Migrations
            {
                [DbContext(typeof(Shop.Data.ShopContext))]
                [Migration("20240101000000_OneWay")]
                public class OneWay : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Legacy");
                    protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException("one way");
                }

                [DbContext(typeof(Shop.Data.ShopContext))]
                [Migration("20240102000000_TwoWay")]
                public class TwoWay : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateTable(name: "Orders", columns: table => new { Id = table.Column<int>(nullable: false) });
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        if (migrationBuilder.IsSqlServer()) throw new NotSupportedException();
                        migrationBuilder.DropTable(name: "Orders");
                    }
                }
            }
            """)));

        Assert.Contains("| `OneWay` | 2024-01-01 00:00:00 | DropTable: Legacy | throws (reverting fails) |", output.Markdown);
        Assert.Contains("| `TwoWay` | 2024-01-02 00:00:00 | CreateTable: Orders | implemented |", output.Markdown);
        Assert.Equal("throws", Item(output, "20240101000000_OneWay").GetProperty("down").GetString());
        Assert.False(Item(output, "20240101000000_OneWay").GetProperty("hasDown").GetBoolean());
        Assert.True(Item(output, "20240102000000_TwoWay").GetProperty("hasDown").GetBoolean());
    }

    private static Dictionary<string, string> BaseSources => Sources.With(("Data/ShopContext.cs", Context), ("Migrations/Bases.cs", Bases), ("Migrations/Uses.cs", Uses));

    private const string Bases = """
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Data
        {
            // A project class named Migration: a base like any other, not EF Core's.
            public abstract class Migration : Microsoft.EntityFrameworkCore.Migrations.Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
            }

            public abstract class Reversible : Microsoft.EntityFrameworkCore.Migrations.Migration
            {
                protected abstract override void Up(MigrationBuilder migrationBuilder);
                protected override void Down(MigrationBuilder migrationBuilder) { migrationBuilder.DropTable(name: "Orders"); }
            }

            public abstract class Creating : Reversible
            {
                protected override void Up(MigrationBuilder migrationBuilder) { migrationBuilder.CreateTable(name: "Real", columns: table => new { Id = table.Column<int>(nullable: false) }); }
            }

            // Hides Up without overriding it: EF Core calls Migration.Up, which runs Creating.Up.
            public abstract class Hiding : Creating
            {
                protected new void Up(MigrationBuilder migrationBuilder) { migrationBuilder.DropTable(name: "Fake"); }
            }
        }
        """;

    private const string Uses = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240101000000_Named")]
            public class Named : Shop.Data.Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.AddColumn<int>(name: "Rank", table: "Orders", nullable: true);
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240102000000_OwnUp")]
            public class OwnUp : Shop.Data.Reversible
            {
                protected override void Up(MigrationBuilder migrationBuilder) { migrationBuilder.CreateTable(name: "Orders", columns: table => new { Id = table.Column<int>(nullable: false) }); }
            }

            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240103000000_Hidden")]
            public class Hidden : Shop.Data.Hiding { }
        }
        """;

    [Fact]
    public void A_down_and_up_from_project_bases_are_read_at_the_nearest_override_not_at_an_abstract_one_or_a_hiding_one()
    {
        var output = GeneratorHarness.Run(BaseSources);

        Assert.Contains("| `Named` | 2024-01-01 00:00:00 | AddColumn: Orders | inherited from `Shop.Data.Migration.Down` [Migrations/Bases.cs:12](Migrations/Bases.cs#L12): implemented |", output.Markdown);
        Assert.Contains("| `OwnUp` | 2024-01-02 00:00:00 | CreateTable: Orders | inherited from `Reversible.Down` [Migrations/Bases.cs:18](Migrations/Bases.cs#L18): implemented |", output.Markdown);
        Assert.Contains("| `Hidden` | 2024-01-03 00:00:00 | inherited from `Creating.Up` [Migrations/Bases.cs:23](Migrations/Bases.cs#L23): CreateTable: Real | "
                        + "inherited from `Reversible.Down` [Migrations/Bases.cs:18](Migrations/Bases.cs#L18): implemented |", output.Markdown);
        Assert.DoesNotContain("Fake", output.Markdown);
        var ownUp = Item(output, "20240102000000_OwnUp");
        Assert.Equal(JsonValueKind.Null, ownUp.GetProperty("upInheritedFrom").ValueKind);
        Assert.Equal("Reversible.Down", ownUp.GetProperty("downInheritedFrom").GetString());
        Assert.True(ownUp.GetProperty("hasDown").GetBoolean());
    }

    /// <summary>A base in another assembly: compiled (a build's project reference) or as a compilation (the IDE's), whose
    /// source is then at hand but is not this project's.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_up_inherited_from_another_assemblys_base_is_said_to_be_inherited_and_not_read(bool compiled)
    {
        var vendor = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Vendor.cs"] = Sources.Usings + """
                using Microsoft.EntityFrameworkCore.Migrations;
                namespace Vendor
                {
                    public abstract class VendorMigration : Migration
                    {
                        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1");
                        protected override void Down(MigrationBuilder migrationBuilder) { }
                    }
                }
                """,
        }, assemblyName: "Vendor");
        MetadataReference reference = vendor.ToMetadataReference();
        if (compiled)
        {
            using var stream = new MemoryStream();
            Assert.True(vendor.Emit(stream).Success);
            reference = MetadataReference.CreateFromImage(stream.ToArray());
        }
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Migrations/FromVendor.cs", """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            namespace Shop.Migrations
            {
                [DbContext(typeof(Shop.Data.ShopContext))]
                [Migration("20240101000000_FromVendor")]
                public class FromVendor : Vendor.VendorMigration { }
            }
            """)), extraReferences: [reference]);

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("| `FromVendor` | 2024-01-01 00:00:00 | inherited from `VendorMigration.Up` (another assembly): not read | inherited from `VendorMigration.Down` (another assembly): not read |", output.Markdown);
        Assert.DoesNotContain("(Vendor.cs#", output.Markdown);
        var migration = Item(output, "20240101000000_FromVendor");
        Assert.Equal(["not read"], migration.GetProperty("upOperations").EnumerateArray().Select(o => o.GetString() ?? "(null)").ToArray());
        Assert.Equal("not read", migration.GetProperty("down").GetString());
        Assert.Equal(JsonValueKind.Null, migration.GetProperty("upInheritedLocation").ValueKind);
    }

    private const string Conditional = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20231219031609_appssettingstojson")]
            public partial class appssettingstojson : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // migrationBuilder.DropTable(name: "Commented") in a comment is no operation.
                    migrationBuilder.AddColumn<string>(name: "Settings", table: "Apps", nullable: true, comment: "if (migrationBuilder.IsNpgsql())");
                    if (migrationBuilder.IsNpgsql())
                    {
                        migrationBuilder.Sql("ALTER TABLE \"Apps\" ALTER COLUMN \"Settings\" TYPE JSONB USING \"Settings\"::JSONB");
                    }
                    else
                    {
                        migrationBuilder.AlterColumn<string>(name: "Settings", table: "Apps", nullable: true);
                    }
                    foreach (var table in new[] { "A", "B" }) migrationBuilder.DropTable(name: "Old");
                    new List<string> { "C", "D" }.ForEach(name => migrationBuilder.Sql("DROP VIEW " + name));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
        }
        """;

    [Fact]
    public void Operations_under_a_provider_check_or_in_a_loop_are_said_with_it()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Migrations/Conditional.cs", Conditional)));

        Assert.Contains("| `appssettingstojson` | 2023-12-19 03:16:09 | AddColumn: Apps; Sql: 1 (if `migrationBuilder.IsNpgsql()`); "
                        + "AlterColumn: Apps (if not `migrationBuilder.IsNpgsql()`); DropTable: Old (for each `table` in `new[] { \"A\", \"B\" }`); Sql (in a lambda) | empty |", output.Markdown);
        Assert.DoesNotContain("Commented", output.Markdown);
        Assert.Equal(["AddColumn: Apps", "Sql: 1 (if `migrationBuilder.IsNpgsql()`)", "AlterColumn: Apps (if not `migrationBuilder.IsNpgsql()`)",
                "DropTable: Old (for each `table` in `new[] { \"A\", \"B\" }`)", "Sql (in a lambda)"],
            Item(output, "20231219031609_appssettingstojson").GetProperty("upOperations").EnumerateArray().Select(o => o.GetString() ?? "(null)").ToArray());
    }

    [Fact]
    public void An_up_that_only_calls_other_code_says_its_statements_are_not_read()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Migrations/Helper.cs", """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;
            namespace Shop.Migrations
            {
                [DbContext(typeof(Shop.Data.ShopContext))]
                [Migration("20240101000000_Helper")]
                public class Helper : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) { Scripts.Apply(migrationBuilder); }
                    protected override void Down(MigrationBuilder migrationBuilder) { }
                }

                [DbContext(typeof(Shop.Data.ShopContext))]
                [Migration("20240102000000_Nothing")]
                public class Nothing : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder) { }
                    protected override void Down(MigrationBuilder migrationBuilder) { }
                }

                public static class Scripts { public static void Apply(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("SELECT 1"); }
            }
            """)));

        Assert.Contains("| `Helper` | 2024-01-01 00:00:00 | statements not read: 1 | empty |", output.Markdown);
        Assert.Contains("| `Nothing` | 2024-01-02 00:00:00 |  | empty |", output.Markdown); // an empty Up: nothing to say
    }

    /// <summary>EF Core itself agrees: the migrations compiled and loaded, their Up and Down operations built as EF Core
    /// builds them.</summary>
    [Fact]
    public void Ef_core_builds_the_operations_the_report_states()
    {
        var sources = Sources.With(("Data/ShopContext.cs", Context), ("Data/DBScriptsMigration.cs", ScriptsBase), ("Migrations/Inheriting.cs", Inheriting),
            ("Migrations/Conditional.cs", Conditional));
        var output = GeneratorHarness.Run(sources);
        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));

        // Script: inherited Up with one Sql; Down not implemented, which EF Core's Migration.Down throws for.
        var script = Create(assembly, "Shop.Migrations.Script");
        Assert.IsType<SqlOperation>(Assert.Single(script.UpOperations));
        Assert.Equal(["Sql: 1"], Item(output, "20240920000000_Script").GetProperty("upOperations").EnumerateArray().Select(o => o.GetString() ?? "(null)").ToArray());
        Assert.Throws<NotSupportedException>(() => script.DownOperations);
        Assert.Equal("not implemented", Item(output, "20240920000000_Script").GetProperty("down").GetString());
        // A declared empty Down: no operations, no exception.
        Assert.Empty(Create(assembly, "Shop.Migrations.EmptyDown").DownOperations);
        // The provider check: the Sql runs on PostgreSQL only, the AlterColumn elsewhere.
        var npgsql = Create(assembly, "Shop.Migrations.appssettingstojson", "Npgsql.EntityFrameworkCore.PostgreSQL");
        var sqlServer = Create(assembly, "Shop.Migrations.appssettingstojson", "Microsoft.EntityFrameworkCore.SqlServer");
        Assert.Equal(3, npgsql.UpOperations.OfType<SqlOperation>().Count()); // the PostgreSQL one and the lambda's two
        Assert.Empty(npgsql.UpOperations.OfType<AlterColumnOperation>());
        Assert.DoesNotContain(sqlServer.UpOperations.OfType<SqlOperation>(), o => o.Sql.Contains("JSONB", StringComparison.Ordinal));
        Assert.Single(sqlServer.UpOperations.OfType<AlterColumnOperation>());
        // The loop and the lambda: one call, two operations each (hence no count in the report).
        Assert.Equal(2, sqlServer.UpOperations.OfType<DropTableOperation>().Count());
        Assert.Equal(2, sqlServer.UpOperations.OfType<SqlOperation>().Count());
    }

    /// <summary>EF Core runs the nearest override, not a method hiding it, and an inherited Down.</summary>
    [Fact]
    public void Ef_core_runs_the_base_methods_the_report_names()
    {
        var output = GeneratorHarness.Run(BaseSources);
        var assembly = EfModel.Load(GeneratorHarness.Compile(BaseSources));
        var hidden = Create(assembly, "Shop.Migrations.Hidden");
        Assert.Equal("Real", Assert.IsType<CreateTableOperation>(Assert.Single(hidden.UpOperations)).Name);
        Assert.Equal(["CreateTable: Real"], Item(output, "20240103000000_Hidden").GetProperty("upOperations").EnumerateArray().Select(o => o.GetString() ?? "(null)").ToArray());
        Assert.Equal("Orders", Assert.IsType<DropTableOperation>(Assert.Single(hidden.DownOperations)).Name);
        Assert.Equal("implemented", Item(output, "20240103000000_Hidden").GetProperty("down").GetString());
        Assert.IsType<SqlOperation>(Assert.Single(Create(assembly, "Shop.Migrations.Named").DownOperations));
        Assert.Equal("Shop.Data.Migration.Down", Item(output, "20240101000000_Named").GetProperty("downInheritedFrom").GetString());
    }

    private static Migration Create(Assembly assembly, string type, string? provider = null)
    {
        var migration = (Migration)Activator.CreateInstance(assembly.GetType(type, throwOnError: true)!)!;
        if (provider is not null) migration.ActiveProvider = provider;
        return migration;
    }

    private static JsonElement Item(GeneratorOutput output, string id) =>
        Json.Parse(output.Json).GetProperty("migrations").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
}
