using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>DbUp's <c>WithScriptsEmbeddedInAssembly</c> (issue 5.1), compiled against the real dbup-sqlserver package. The
/// manifest resource names come as AdditionalFiles metadata, as the package's targets pass them (the end-to-end test
/// <c>Embedded_sql_resources_reach_the_generator_with_their_manifest_names</c> checks the real MSBuild side).</summary>
public class DbUpEmbeddedTests
{
    private const string Key = "build_metadata.AdditionalFiles.DataDocGenResourceName";

    private static readonly Dictionary<string, string> Scripts = new()
    {
        ["Deploy/Scripts/010_index.sql"] = "CREATE INDEX IX_A ON A(Id);",
        ["Deploy/Scripts/002_create.sql"] = "CREATE TABLE A (Id int);",
        ["Deploy/Scripts/B_seed.sql"] = "INSERT INTO A VALUES (1);",
        ["Deploy/Scripts/a_grants.sql"] = "GRANT SELECT ON A TO reader;",
        ["Deploy/Seed/001_users.sql"] = "INSERT INTO Users VALUES (1);",
        ["Deploy/Adhoc/cleanup.sql"] = "DELETE FROM A;", // in the project, but not an embedded resource
    };

    private static readonly Dictionary<string, string> ResourceNames = new()
    {
        ["Deploy/Scripts/010_index.sql"] = "Shop.Deploy.Scripts.010_index.sql",
        ["Deploy/Scripts/002_create.sql"] = "Shop.Deploy.Scripts.002_create.sql",
        ["Deploy/Scripts/B_seed.sql"] = "Shop.Deploy.Scripts.B_seed.sql",
        ["Deploy/Scripts/a_grants.sql"] = "Shop.Deploy.Scripts.a_grants.sql",
        ["Deploy/Seed/001_users.sql"] = "Shop.Deploy.Seed.001_users.sql",
    };

    private static GeneratorOutput Run(string members, IEnumerable<Microsoft.CodeAnalysis.MetadataReference>? references = null) =>
        GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Deploy/Upgrader.cs"] = """
                using System;
                using System.Reflection;
                using DbUp;
                namespace Deploy
                {
                    public static class Upgrader
                    {
                """ + members + """
                    }
                }
                """,
        }, Scripts, extraReferences: references, resourceNames: ResourceNames);

    private static List<string> LinesAfter(string markdown, string member)
    {
        var lines = markdown.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("- `PerformUpgrade()` in `" + member + "`", StringComparison.Ordinal));
        Assert.True(start >= 0, "no PerformUpgrade line for " + member);
        return lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>DbUp takes the resource names ending in .sql and runs them by name with StringComparer.Ordinal: digits,
    /// then capitals, then lower case; the folder names are part of the name, so Scripts.* before Seed.*.</summary>
    [Fact]
    public void Embedded_scripts_of_this_assembly_are_listed_in_the_order_DbUp_runs_them()
    {
        var output = Run("""
                    public static void Run(string cs) => DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly()).Build().PerformUpgrade();
                    public static void ByType(string cs) => DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(typeof(Upgrader).Assembly).Build().PerformUpgrade();
            """);

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var expected = new[]
        {
            "  - the embedded `.sql` files it runs (DbUp's default: resource names ending in `.sql`, any case), in the order DbUp runs them (by manifest resource name, ordinal):",
            @"    1. `Shop.Deploy.Scripts.002_create.sql`: CREATE TABLE [Deploy/Scripts/002\_create.sql:1](Deploy/Scripts/002_create.sql#L1)",
            @"    2. `Shop.Deploy.Scripts.010_index.sql`: CREATE INDEX [Deploy/Scripts/010\_index.sql:1](Deploy/Scripts/010_index.sql#L1)",
            @"    3. `Shop.Deploy.Scripts.B_seed.sql`: INSERT [Deploy/Scripts/B\_seed.sql:1](Deploy/Scripts/B_seed.sql#L1)",
            @"    4. `Shop.Deploy.Scripts.a_grants.sql`: GRANT [Deploy/Scripts/a\_grants.sql:1](Deploy/Scripts/a_grants.sql#L1)",
            @"    5. `Shop.Deploy.Seed.001_users.sql`: INSERT [Deploy/Seed/001\_users.sql:1](Deploy/Seed/001_users.sql#L1)",
        };
        Assert.Equal(expected, LinesAfter(output.Markdown!, "Upgrader.Run"));
        Assert.Equal(expected, LinesAfter(output.Markdown!, "Upgrader.ByType"));
        Assert.DoesNotContain("Adhoc", string.Join("\n", LinesAfter(output.Markdown!, "Upgrader.Run"))); // not embedded
        // DATA_LAYER.json carries the same list, in the same order.
        using var json = System.Text.Json.JsonDocument.Parse(output.Json!);
        var run = json.RootElement.GetProperty("migrationRuns").EnumerateArray().First(r => r.GetProperty("member").GetString() == "Upgrader.Run");
        var source = Assert.Single(run.GetProperty("embeddedScripts").EnumerateArray());
        Assert.True(source.GetProperty("thisAssembly").GetBoolean());
        Assert.Equal(new[] { "Shop.Deploy.Scripts.002_create.sql", "Shop.Deploy.Scripts.010_index.sql", "Shop.Deploy.Scripts.B_seed.sql", "Shop.Deploy.Scripts.a_grants.sql", "Shop.Deploy.Seed.001_users.sql" },
            source.GetProperty("scripts").EnumerateArray().Select(s => s.GetProperty("resourceName").GetString()).ToArray());
        Assert.Equal("Deploy/Scripts/002_create.sql:1", source.GetProperty("scripts")[0].GetProperty("location").GetString());
    }

    [Fact]
    public void A_simple_filter_is_applied_and_any_other_leaves_candidates()
    {
        var output = Run("""
                    public static void Seed(string cs) => DeployChanges.To.SqlDatabase(cs)
                        .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), s => s.StartsWith("Shop.Deploy.Seed.")).Build().PerformUpgrade();
                    public static void NotSeed(string cs) => DeployChanges.To.SqlDatabase(cs)
                        .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), s => s.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) && !s.Contains(".Seed.")).Build().PerformUpgrade();
                    public static void Custom(string cs) => DeployChanges.To.SqlDatabase(cs)
                        .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), Wanted).Build().PerformUpgrade();
                    // Culture-sensitive StartsWith ending on a letter: "ch" is one letter in Czech, so not evaluated.
                    public static void Cultural(string cs) => DeployChanges.To.SqlDatabase(cs)
                        .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), s => s.StartsWith("Shop.Deploy.Sc")).Build().PerformUpgrade();
                    private static bool Wanted(string name) => name.Length > 3;
            """);

        var seed = LinesAfter(output.Markdown!, "Upgrader.Seed");
        Assert.Equal("  - the embedded `.sql` files its filter takes (evaluated here; other embedded resources it may take are not read), in the order DbUp runs them (by manifest resource name, ordinal):", seed[0]);
        Assert.Equal(@"    1. `Shop.Deploy.Seed.001_users.sql`: INSERT [Deploy/Seed/001\_users.sql:1](Deploy/Seed/001_users.sql#L1)", Assert.Single(seed.Skip(1)));

        var notSeed = LinesAfter(output.Markdown!, "Upgrader.NotSeed");
        Assert.Equal("  - the embedded `.sql` files its filter takes (evaluated here), in the order DbUp runs them (by manifest resource name, ordinal):", notSeed[0]);
        Assert.Equal(["002_create", "010_index", "B_seed", "a_grants"], notSeed.Skip(1).Select(l => l.Split('`')[1].Split('.')[3]));

        foreach (var member in new[] { "Upgrader.Custom", "Upgrader.Cultural" })
        {
            var lines = LinesAfter(output.Markdown!, member);
            Assert.Equal("  - a filter in code decides at run time which embedded resources run; the project's embedded `.sql` files, which it may take, by resource name (DbUp's order among those it takes):", lines[0]);
            Assert.Equal(5, lines.Skip(1).Count(l => l.StartsWith("    - `Shop.Deploy.", StringComparison.Ordinal)));
            Assert.DoesNotContain(lines, l => l.StartsWith("    1.", StringComparison.Ordinal)); // no order claimed as a run order
        }
    }

    [Fact]
    public void Scripts_of_another_assembly_or_one_chosen_at_run_time_are_not_read()
    {
        var contracts = GeneratorHarness.Compile(new Dictionary<string, string> { ["Marker.cs"] = "namespace Contracts { public class Marker { } }" }, "Contracts");
        var output = Run("""
                    public static void Other(string cs) => DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(typeof(Contracts.Marker).Assembly).Build().PerformUpgrade();
                    public static void Entry(string cs) => DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(Assembly.GetEntryAssembly()!).Build().PerformUpgrade();
            """, [contracts.ToMetadataReference()]);

        Assert.Equal(["  - the scripts embedded in the assembly `Contracts` (another project or package) are not read"], LinesAfter(output.Markdown!, "Upgrader.Other"));
        Assert.Equal(["  - the assembly whose embedded scripts run is chosen at run time: not read"], LinesAfter(output.Markdown!, "Upgrader.Entry"));
    }

    /// <summary>A method of the same name that is not DbUp's is neither described nor listed.</summary>
    [Fact]
    public void A_look_alike_WithScriptsEmbeddedInAssembly_is_ignored()
    {
        var output = Run("""
                    public static void Run(string cs) => Lookalike.WithScriptsEmbeddedInAssembly(DeployChanges.To.SqlDatabase(cs), Assembly.GetExecutingAssembly()).Build().PerformUpgrade();
                    public static void Chained(string cs) => DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), 1).Build().PerformUpgrade();
                }
                public static class Lookalike
                {
                    public static DbUp.Builder.UpgradeEngineBuilder WithScriptsEmbeddedInAssembly(this DbUp.Builder.UpgradeEngineBuilder builder, Assembly assembly, int skip) => builder;
                    public static DbUp.Builder.UpgradeEngineBuilder WithScriptsEmbeddedInAssembly(DbUp.Builder.UpgradeEngineBuilder builder, Assembly assembly) => builder;
            """);

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var line = Assert.Single(output.Markdown!.Split('\n'), l => l.Contains("`Upgrader.Chained`", StringComparison.Ordinal));
        Assert.DoesNotContain("embedded", line);
        Assert.Empty(LinesAfter(output.Markdown!, "Upgrader.Chained"));
        Assert.DoesNotContain("Shop.Deploy.Scripts", output.Markdown);
    }

    /// <summary>Without the metadata (a .sql file that is not an EmbeddedResource) nothing is listed, rather than a guess.</summary>
    [Fact]
    public void Without_embedded_resources_nothing_is_listed()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Deploy/Upgrader.cs"] = """
                namespace Deploy { public static class Upgrader { public static void Run(string cs) =>
                    DbUp.DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Build().PerformUpgrade(); } }
                """,
        }, Scripts);

        Assert.Contains("- `PerformUpgrade()` in `Upgrader.Run`: DbUp to SQL Server, scripts embedded in the assembly [", output.Markdown);
        Assert.Empty(LinesAfter(output.Markdown!, "Upgrader.Run"));
    }

    [Theory]
    [InlineData("StartsWith", "Shop.Migrations.", null, "Shop.Migrations.001.sql", true)]
    [InlineData("StartsWith", "Shop.Migrations.", null, "Shop.Seed.001.sql", false)]
    [InlineData("StartsWith", "Shop.Migrations.C", null, "Shop.Migrations.Ch.sql", null)] // Czech "ch"
    [InlineData("StartsWith", "Shop.", null, "Shop.Add-index.sql", null)] // '-' is special in some cultures
    [InlineData("StartsWith", "shop.", "OrdinalIgnoreCase", "Shop.x.sql", true)]
    [InlineData("StartsWith", "shop.", "CurrentCultureIgnoreCase", "Shop.x.sql", null)] // Turkish i
    [InlineData("StartsWith", "shop.", "InvariantCultureIgnoreCase", "Shop.x.sql", true)]
    [InlineData("EndsWith", ".sql", null, "Shop.x.SQL", false)]
    [InlineData("EndsWith", ".sql", "OrdinalIgnoreCase", "Shop.x.SQL", true)]
    [InlineData("Contains", "-index", null, "Shop.Add-index.sql", true)] // Contains(string) is ordinal
    public void Filter_calls_are_evaluated_only_when_exact(string op, string value, string? comparison, string name, bool? expected) =>
        Assert.Equal(expected, DbUpNameFilterEvaluator.Accepts(new DbUpNameFilter(op, value, comparison), name));

    [Fact]
    public void Unknown_operands_decide_only_when_the_other_side_cannot()
    {
        var unknown = new DbUpNameFilter("StartsWith", "Shop.C", null);
        var no = new DbUpNameFilter("Contains", "Seed", null);
        var yes = new DbUpNameFilter("Contains", "Shop", null);
        Assert.False(DbUpNameFilterEvaluator.Accepts(new DbUpNameFilter("And", null, null, new[] { unknown, no }.ToEquatableArray()), "Shop.Ch.sql"));
        Assert.Null(DbUpNameFilterEvaluator.Accepts(new DbUpNameFilter("And", null, null, new[] { unknown, yes }.ToEquatableArray()), "Shop.Ch.sql"));
        Assert.True(DbUpNameFilterEvaluator.Accepts(new DbUpNameFilter("Or", null, null, new[] { unknown, yes }.ToEquatableArray()), "Shop.Ch.sql"));
    }
}
