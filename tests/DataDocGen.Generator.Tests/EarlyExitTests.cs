using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace DataDocGen.Generator.Tests;

/// <summary>Guard clauses that leave a block early (<see cref="EarlyExits"/>): the code after one runs under the negated
/// condition. Before, a migration after <c>if (!isDevelopment) return;</c> was reported as unconditional, and an
/// interceptor written with <c>if (entry.State != EntityState.Deleted) continue;</c> was not seen to soft-delete.</summary>
public class EarlyExitTests
{
    [Theory]
    [InlineData("!isDevelopment", "isDevelopment")]
    [InlineData("!(a && b)", "a && b")]
    [InlineData("entry.State != EntityState.Deleted", "entry.State == EntityState.Deleted")]
    [InlineData("count == 0", "count != 0")]
    [InlineData("order is null", "order is not null")]
    [InlineData("order is not Order o", "order is Order o")]
    [InlineData("(count > 10)", "not (count > 10)")]
    [InlineData("a || b", "not (a || b)")]
    public void The_condition_after_an_early_exit_is_the_negated_guard(string guard, string after)
    {
        Assert.Equal(after, EarlyExits.Negated(SyntaxFactory.ParseExpression(guard)));
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
                public static void Run(ShopContext db, bool isDevelopment, bool seed)
                {
                    BODY
                }
                private static void Log() { }
            }
        }
        """;

    private static string Markdown(string body)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", Context.Replace("BODY", body))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output.Markdown!;
    }

    [Theory]
    [InlineData("if (!isDevelopment) return; db.Database.Migrate();", "when `isDevelopment`")]
    [InlineData("if (!isDevelopment) { Log(); return; } db.Database.Migrate();", "when `isDevelopment`")]
    [InlineData("if (!isDevelopment) return; if (!seed) return; db.Database.Migrate();", "when `isDevelopment && seed`")]
    [InlineData("if (!isDevelopment) return; if (seed) db.Database.Migrate();", "when `isDevelopment && seed`")]
    [InlineData("if (isDevelopment) { if (seed || db is null) db.Database.Migrate(); }", "when `isDevelopment && (seed || db is null)`")]
    [InlineData("if (isDevelopment) { } else { if (!seed) return; db.Database.Migrate(); }", "when `not (isDevelopment) && seed`")]
    public void A_migration_after_an_early_return_runs_under_its_negated_condition(string body, string condition)
    {
        Assert.Contains("`Migrate()` in `Startup.Run`, " + condition + ": context `ShopContext`", Markdown(body));
    }

    [Theory]
    [InlineData("if (!isDevelopment) Log(); db.Database.Migrate();")] // no exit: the migration always runs
    [InlineData("if (db is null) throw new System.ArgumentNullException(nameof(db)); db.Database.Migrate();")] // a precondition, not a condition
    [InlineData("db.Database.Migrate(); if (!isDevelopment) return;")] // the exit comes after
    [InlineData("System.Action a = () => { if (!isDevelopment) return; }; db.Database.Migrate();")] // the exit leaves the lambda only
    public void Code_that_does_not_leave_before_the_call_puts_no_condition_on_it(string body)
    {
        Assert.Contains("`Migrate()` in `Startup.Run`: context `ShopContext`", Markdown(body));
    }

    [Fact]
    public void An_early_return_in_top_level_statements_guards_the_statements_after_it()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", Context.Replace("BODY", "")), ("Program.cs", """
            var isDevelopment = args.Length > 0;
            if (!isDevelopment) return;
            using var db = new Shop.ShopContext(new DbContextOptions<Shop.ShopContext>());
            db.Database.EnsureCreated();
            """)));
        var line = output.Markdown!.Split('\n').Single(l => l.Contains("EnsureCreated()", StringComparison.Ordinal));
        Assert.True(line.StartsWith("- `EnsureCreated()` in `top-level statements`, when `isDevelopment`: context `ShopContext`", StringComparison.Ordinal), line);
    }

    [Fact]
    public void A_condition_keeps_names_and_redacts_secrets_in_its_string_literals()
    {
        // Conditions are printed as code: a literal connection string or token in one must not reach the report.
        var md = Markdown("if (System.Environment.GetEnvironmentVariable(\"APP_MODE\") != \"migrate\") return;"
            + " if (db.Database.GetConnectionString() == \"Server=db;Database=Shop;Password=Hunter2!x\") return;"
            + " if (System.Environment.GetEnvironmentVariable(\"TOKEN\") != \"ghp_9fK2mQ7xR4tL8vN3pZ6wB1yC5dH0jS\") return;"
            + " db.Database.Migrate();");
        var line = md.Split('\n').Single(l => l.Contains("`Migrate()` in `Startup.Run`", StringComparison.Ordinal));
        Assert.Contains("System.Environment.GetEnvironmentVariable(\"APP_MODE\") == \"migrate\"", line);
        Assert.Contains("Password=***", line);
        Assert.DoesNotContain("Hunter2", md);
        Assert.DoesNotContain("ghp_9fK2", md);
    }
}
