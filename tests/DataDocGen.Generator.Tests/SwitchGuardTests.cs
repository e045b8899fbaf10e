using System.Text.Json;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Tests;

/// <summary>What runs inside a <c>switch</c> section (or a switch expression's arm) runs under its label
/// (<see cref="SwitchLabels"/>). The Ombi audit: its context registrations, one per database type in
/// <c>switch (configuration.OmbiDatabase.Type) { case var type when type.Equals(SqliteDatabase, ...): ... }</c>, were
/// reported as unconditional; and a command timeout set in a constructor after <c>if (_created) return;</c> said it
/// applied to every instance.</summary>
public class SwitchGuardTests
{
    [Theory]
    [InlineData("switch (kind) { case \"sqlite\": Run(); break; }", "kind is \"sqlite\"")]
    [InlineData("switch (kind) { case \"a\": case \"b\": Run(); break; }", "kind is \"a\" or \"b\"")]
    [InlineData("switch (options.Kind) { case var type when type.Equals(Sqlite, StringComparison.OrdinalIgnoreCase): Run(); break; }", "options.Kind.Equals(Sqlite, StringComparison.OrdinalIgnoreCase)")]
    // The switch's value is a call: not written in place of `t` (it would read as a second call).
    [InlineData("switch (Kind()) { case var t when t.Length > 2: Run(); break; }", "Kind() is var t && t.Length > 2")]
    // A lambda in the when clause declares its own `t`: not substituted.
    [InlineData("switch (kind) { case var t when Check(t => t > 0): Run(); break; }", "kind is var t && Check(t => t > 0)")]
    [InlineData("switch (kind) { case string s when s.Length > 2: Run(); break; }", "kind is string s && s.Length > 2")]
    [InlineData("switch (kind) { case \"a\": case var t when t.Length > 2 || t == b: Run(); break; }", "kind is \"a\" || (kind.Length > 2 || kind == b)")]
    [InlineData("switch (a ?? b) { case 1: Run(); break; }", "(a ?? b) is 1")]
    [InlineData("switch (kind) { case 1 + 2: Run(); break; }", "kind is (1 + 2)")]
    [InlineData("switch (message.Type) { case nameof(OrderPlaced): Run(); break; }", "message.Type is nameof(OrderPlaced)")]
    [InlineData("switch (kind) { case \"a\": break; case \"b\": break; default: Run(); break; }", "not (kind is \"a\" or \"b\")")]
    [InlineData("switch (kind) { case > 2 and < 5: Run(); break; }", "kind is > 2 and < 5")]
    public void A_switch_section_runs_under_its_label(string code, string condition)
    {
        var label = SwitchLabels.Section(Section(code));
        Assert.True(label.Conditional);
        Assert.Equal(condition, label.Code);
    }

    [Fact]
    public void A_lone_default_puts_no_condition_and_a_goto_case_one_not_written()
    {
        Assert.False(SwitchLabels.Section(Section("switch (kind) { default: Run(); break; }")).Conditional);
        // `goto case 1` runs the section from the other one too: its label alone is not the condition.
        var reached = SwitchLabels.Section(Section("switch (kind) { case 2: goto case 1; case 1: Run(); break; }"));
        Assert.True(reached.Conditional);
        Assert.Null(reached.Code);
    }

    private static SwitchSectionSyntax Section(string code) =>
        SyntaxFactory.ParseStatement(code).DescendantNodes().OfType<SwitchSectionSyntax>().Single(s => s.ToString().Contains("Run()", StringComparison.Ordinal));

    private const string Registrations = """
        namespace Shop
        {
            public class Order { public int Id { get; set; } }
            public abstract class ShopContext(DbContextOptions options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            public sealed class SqliteShopContext(DbContextOptions<SqliteShopContext> options) : ShopContext(options) { }
            public sealed class MySqlShopContext(DbContextOptions<MySqlShopContext> options) : ShopContext(options) { }
            public class DatabaseOptions { public string Type { get; set; } = ""; }
            public class ShopConfiguration { public DatabaseOptions ShopDatabase { get; set; } = new(); }
            public static class DatabaseExtensions
            {
                public const string SqliteDatabase = "Sqlite";
                public const string MySqlDatabase = "MySQL";
                public static void ConfigureDatabases(this IServiceCollection services, ShopConfiguration configuration, string kind, int mode)
                {
                    BODY
                }
                private static void Log(string message) { }
            }
        }
        """;

    private static string RegistrationRow(string body, string context)
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Databases.cs", Registrations.Replace("BODY", body))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var section = md.Substring(md.IndexOf("#### " + context + "\n", StringComparison.Ordinal));
        return section.Split('\n').First(l => l.StartsWith("| Registration |", StringComparison.Ordinal));
    }

    [Fact]
    public void A_registration_in_a_case_with_a_var_pattern_says_the_pattern_s_condition()
    {
        // Ombi's DatabaseExtensions.
        const string body = """
            switch (configuration.ShopDatabase.Type)
            {
                case var type when type.Equals(SqliteDatabase, StringComparison.InvariantCultureIgnoreCase):
                    services.AddDbContext<ShopContext, SqliteShopContext>(o => o.UseSqlite("Data Source=shop.db"));
                    break;
                case var type when type.Equals(MySqlDatabase, StringComparison.InvariantCultureIgnoreCase):
                    services.AddDbContext<ShopContext, MySqlShopContext>(o => o.UseSqlServer("Server=db"));
                    break;
            }
            """;
        Assert.Contains(", when `configuration.ShopDatabase.Type.Equals(SqliteDatabase, StringComparison.InvariantCultureIgnoreCase)` |", RegistrationRow(body, "SqliteShopContext"));
        Assert.Contains(", when `configuration.ShopDatabase.Type.Equals(MySqlDatabase, StringComparison.InvariantCultureIgnoreCase)` |", RegistrationRow(body, "MySqlShopContext"));
    }

    [Theory]
    [InlineData("switch (kind) { case \"sqlite\": services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; }", "`kind is \"sqlite\"`")]
    [InlineData("switch (kind) { case \"lite\": case \"sqlite\": services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; }", "`kind is \"lite\" or \"sqlite\"`")]
    [InlineData("switch (kind) { case \"mysql\": break; default: services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; }", "`not (kind is \"mysql\")`")]
    // Nested: both labels, the outer first.
    [InlineData("switch (kind) { case \"sqlite\": switch (mode) { case 1: services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; } break; }", "`kind is \"sqlite\" && mode is 1`")]
    // An early exit inside the section guards what follows it in the section.
    [InlineData("switch (kind) { case \"sqlite\": if (mode == 0) return; services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; }", "`kind is \"sqlite\" && mode != 0`")]
    [InlineData("switch (kind) { case \"sqlite\": if (mode == 0) break; services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; }", "`kind is \"sqlite\" && mode != 0`")]
    // Another case returns before the call's case: no condition of the call.
    [InlineData("switch (kind) { case \"none\": Log(\"none\"); return; case \"sqlite\": services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; }", "`kind is \"sqlite\"`")]
    // A switch expression's arm.
    [InlineData("_ = kind switch { \"sqlite\" => services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")), _ => services };", "`kind is \"sqlite\"`")]
    [InlineData("_ = kind switch { \"mysql\" => services, _ => services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")) };", "`not (kind is \"mysql\")`")]
    public void A_registration_in_a_switch_section_says_its_label(string body, string condition)
    {
        Assert.EndsWith(", when " + condition + " | [Data/Databases.cs:23](Data/Databases.cs#L23) |", RegistrationRow(body, "SqliteShopContext"));
    }

    [Theory]
    [InlineData("switch (kind) { default: services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); break; }")] // a lone default runs for every value
    [InlineData("switch (kind) { case \"none\": Log(\"case \\\"sqlite\\\":\"); break; } services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\"));")] // after the switch, a string naming a case
    [InlineData("var name = kind switch { \"sqlite\" => \"lite\", _ => kind }; services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\"));")] // a switch expression before the call
    [InlineData("Pick(kind); services.AddDbContext<SqliteShopContext>(o => o.UseSqlite(\"Data Source=shop.db\")); } private static void Pick(string kind) { switch (kind) { case \"sqlite\": Log(kind); return; }")] // a switch in another method
    public void A_switch_that_does_not_hold_the_registration_puts_no_condition_on_it(string body)
    {
        // Beside each trap, a registration in a section, which says its label.
        body = "switch (mode) { case 1: services.AddDbContext<MySqlShopContext>(o => o.UseSqlServer(\"Server=db\")); break; } " + body;
        var row = RegistrationRow(body, "SqliteShopContext");
        Assert.DoesNotContain("when", row);
        Assert.EndsWith("lifetime Scoped | [Data/Databases.cs:23](Data/Databases.cs#L23) |", row);
        Assert.EndsWith(", when `mode is 1` | [Data/Databases.cs:23](Data/Databases.cs#L23) |", RegistrationRow(body, "MySqlShopContext"));
    }

    private const string Context = """
        namespace Shop
        {
            public class Order { public int Id { get; set; } }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            public static class Startup
            {
                public static void Run(ShopContext db, string kind, bool seed)
                {
                    BODY
                }
            }
        }
        """;

    [Theory]
    [InlineData("switch (kind) { case \"dev\": db.Database.Migrate(); break; }", "when `kind is \"dev\"`")]
    [InlineData("if (!seed) return; switch (kind) { case \"dev\": db.Database.Migrate(); break; }", "when `seed && kind is \"dev\"`")]
    [InlineData("switch (kind) { case \"dev\" when seed: db.Database.Migrate(); break; }", "when `kind is \"dev\" && seed`")]
    public void A_migration_in_a_switch_section_runs_under_its_label(string body, string condition)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", Context.Replace("BODY", body))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("`Migrate()` in `Startup.Run`, " + condition + ": context `ShopContext`", output.Markdown);
    }

    [Fact]
    public void A_transaction_s_operation_in_a_switch_section_says_its_label()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Stock.cs", """
            using System.Data;
            using Dapper;
            using Microsoft.Data.SqlClient;
            namespace Shop.Services
            {
                public class Stock(SqlConnection connection)
                {
                    public void Hold(int id, string mode)
                    {
                        using var transaction = connection.BeginTransaction();
                        switch (mode)
                        {
                            case "hold":
                                if (id <= 0) break;
                                connection.Execute("UPDATE Stock SET Held = 1 WHERE Id = @id", new { id }, transaction);
                                break;
                            default:
                                connection.Execute("DELETE FROM Holds WHERE Id = @id", new { id }, transaction);
                                break;
                        }
                        transaction.Commit();
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var operations = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray().Single().GetProperty("operations").EnumerateArray().Select(o => o.GetString());
        Assert.Equal("Dapper Execute UPDATE Stock (if `mode is \"hold\"` and if `not (id <= 0)`); Dapper Execute DELETE Holds (if `not (mode is \"hold\")`); Commit", string.Join("; ", operations));
    }

    [Fact]
    public void A_background_job_s_step_in_a_switch_section_says_its_label()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", """
            using System.Linq;
            namespace Shop.Data
            {
                public class OutboxMessage { public int Id { get; set; } public bool Sent { get; set; } }
                public class ShopContext : DbContext
                {
                    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
                public class OutboxRepository(ShopContext db)
                {
                    public int Mode() => 1;
                    public void Purge() => db.Outbox.Where(m => m.Sent).ExecuteDelete();
                }
            }
            """), ("Jobs/Relay.cs", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            namespace Shop.Jobs
            {
                public sealed class Relay(Shop.Data.OutboxRepository outbox) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                        while (await timer.WaitForNextTickAsync(stoppingToken))
                        {
                            switch (outbox.Mode())
                            {
                                case 2:
                                    outbox.Purge();
                                    break;
                            }
                        }
                    }
                }
            }
            """))).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.Relay`", StringComparison.Ordinal));
        Assert.Contains("deletes `Shop.Data.OutboxMessage` with `ExecuteDelete` through `OutboxRepository.Purge` (if `outbox.Mode() is 2`) [Jobs/Relay.cs:22](Jobs/Relay.cs#L22)", row);
    }

    [Fact]
    public void A_seeder_s_writes_in_a_switch_section_say_its_label()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Seeding.cs", """
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public static class DemoSeeder
                {
                    public static void Seed(ShopContext db, string kind)
                    {
                        switch (kind)
                        {
                            case "demo":
                                db.Customers.Add(new Customer { Name = "Demo" });
                                db.SaveChanges();
                                break;
                        }
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| seeder class | `Shop.Data.DemoSeeder` | Add Shop.Domain.Customer; SaveChanges | `DemoSeeder` | writes only if `kind is \"demo\"` |", output.Markdown);
    }

    private const string TimeoutContext = """
        namespace Shop
        {
            public class Order { public int Id { get; set; } }
            public class ShopContext : DbContext
            {
                private static bool _created;
                public ShopContext(DbContextOptions<ShopContext> options) : base(options)
                {
                    BODY
                }
                public DbSet<Order> Orders => Set<Order>();
            }
        }
        """;

    private static string TimeoutRow(string body, out JsonElement json)
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", TimeoutContext.Replace("BODY", body))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        json = Json.Parse(output.Json).GetProperty("commandTimeouts").EnumerateArray().Single();
        return output.Markdown!.Split('\n').Single(l => l.Contains("| EF Core Database.SetCommandTimeout |", StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_timeout_after_an_early_exit_says_the_condition_and_applies_to_the_instances_that_set_it()
    {
        // Ombi's context constructor.
        var row = TimeoutRow("if (_created) return; _created = true; Database.SetCommandTimeout(60); Database.Migrate();", out var json);
        Assert.Equal("| the commands run after the call by each `ShopContext` instance that makes it (EF Core) | EF Core Database.SetCommandTimeout | 60 seconds | `ShopContext.ctor`, when `not (_created)` | [Data/ShopContext.cs:14](Data/ShopContext.cs#L14) |", row);
        Assert.Equal("not (_created)", json.GetProperty("condition").GetString());
    }

    [Theory]
    [InlineData("switch (options.ContextType.Name) { case \"ShopContext\": Database.SetCommandTimeout(60); break; }", "options.ContextType.Name is \"ShopContext\"")]
    [InlineData("if (!_created) Database.SetCommandTimeout(60);", "!_created")]
    public void A_command_timeout_under_a_condition_says_it(string body, string condition)
    {
        var row = TimeoutRow(body, out var json);
        Assert.Contains("| `ShopContext.ctor`, when `" + condition + "` |", row);
        Assert.Equal(condition, json.GetProperty("condition").GetString());
    }

    [Theory]
    [InlineData("Database.SetCommandTimeout(60); if (_created) return; _created = true;")] // the exit comes after
    [InlineData("Database.SetCommandTimeout(60); switch (_created) { case true: return; }")] // a switch after the call
    [InlineData("System.Action a = () => { if (_created) return; }; Database.SetCommandTimeout(60);")] // the exit leaves the lambda only
    public void A_command_timeout_set_on_every_instance_says_this_instance(string body)
    {
        var row = TimeoutRow(body, out var json);
        Assert.StartsWith("| the commands this `ShopContext` instance runs after the call (EF Core) |", row);
        Assert.Contains("| `ShopContext.ctor` |", row);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("condition").ValueKind);
    }
}
