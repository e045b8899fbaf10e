using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>DbUp upgrades, compiled against the real dbup-sqlserver package.</summary>
public class DbUpTests
{
    [Fact]
    public void The_upgrade_and_its_configuration_are_listed()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Deploy/Upgrader.cs"] = """
                using DbUp;
                namespace Deploy
                {
                    public static class Upgrader
                    {
                        public static int Run(string connectionString, bool upgrade)
                        {
                            var engine = DeployChanges.To
                                .SqlDatabase(connectionString)
                                .WithScriptsEmbeddedInAssembly(typeof(Upgrader).Assembly)
                                .WithTransactionPerScript()
                                .JournalToSqlTable("deploy", "SchemaVersions")
                                .LogToConsole()
                                .Build();
                            if (upgrade)
                            {
                                var result = engine.PerformUpgrade();
                                return result.Successful ? 0 : 1;
                            }
                            return 0;
                        }

                        public static void FromFolder() =>
                            DeployChanges.To.SqlDatabase("Server=.;Database=Shop;Password=letmein").WithScriptsFromFileSystem("Scripts").Build().PerformUpgrade();
                    }
                }
                namespace LookAlike
                {
                    public class Engine { public void PerformUpgrade() { } }
                    public static class Use { public static void Run() => new Engine().PerformUpgrade(); }
                }
                """,
        });

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("- `PerformUpgrade()` in `Upgrader.Run`, when `upgrade`: DbUp to SQL Server, scripts embedded in the assembly, a transaction per script, journal table `deploy.SchemaVersions` [Deploy/Upgrader.cs:", output.Markdown);
        Assert.Contains("- `PerformUpgrade()` in `Upgrader.FromFolder`: DbUp to SQL Server, scripts from the folder `Scripts` [Deploy/Upgrader.cs:", output.Markdown);
        Assert.DoesNotContain("Use.Run", output.Markdown);
        Assert.DoesNotContain("letmein", output.Markdown);
    }

    /// <summary>DbUp runs a folder's top-level .sql files sorted by file name with StringComparer.Ordinal (its default
    /// ScriptNameComparer): digits before capitals before lower case, 002 before 010.</summary>
    [Fact]
    public void Scripts_of_a_constant_folder_are_listed_in_the_order_DbUp_runs_them()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Deploy/Upgrader.cs"] = """
                using DbUp;
                using DbUp.ScriptProviders;
                namespace Deploy
                {
                    public static class Upgrader
                    {
                        public static void FromFolder(string cs) => DeployChanges.To.SqlDatabase(cs).WithScriptsFromFileSystem("Scripts").Build().PerformUpgrade();
                        public static void WithOptions(string cs) => DeployChanges.To.SqlDatabase(cs)
                            .WithScriptsFromFileSystem("Scripts", new FileSystemScriptOptions { IncludeSubDirectories = true }).Build().PerformUpgrade();
                        public static void AtRunTime(string cs, string folder) => DeployChanges.To.SqlDatabase(cs).WithScriptsFromFileSystem(folder).Build().PerformUpgrade();
                    }
                }
                """,
        }, new Dictionary<string, string>
        {
            ["Deploy/Scripts/010_add_index.sql"] = "CREATE INDEX IX_A ON A(Id);",
            ["Deploy/Scripts/002_create.sql"] = "CREATE TABLE A (Id int);",
            ["Deploy/Scripts/B_seed.sql"] = "INSERT INTO A VALUES (1);",
            ["Deploy/Scripts/a_grants.sql"] = "GRANT SELECT ON A TO reader;",
            ["Deploy/Scripts/Old/001_legacy.sql"] = "SELECT 1;",
            ["Other/Scripts/000_elsewhere.sql"] = "SELECT 1;",
        });

        var lines = output.Markdown!.Split('\n');
        var listed = lines.Where(l => l.StartsWith("  - the `.sql` files in `Scripts/`", StringComparison.Ordinal)).ToList();
        var only = Assert.Single(listed); // the call with options and the one with a run-time folder list none
        Assert.EndsWith("in the order DbUp runs them (by file name, ordinal; DbUp reads the folder at run time, relative to the working directory): "
            + @"[Deploy/Scripts/002\_create.sql:1](Deploy/Scripts/002_create.sql#L1), [Deploy/Scripts/010\_add\_index.sql:1](Deploy/Scripts/010_add_index.sql#L1), "
            + @"[Deploy/Scripts/B\_seed.sql:1](Deploy/Scripts/B_seed.sql#L1), [Deploy/Scripts/a\_grants.sql:1](Deploy/Scripts/a_grants.sql#L1)", only);
        Assert.Contains("`Upgrader.FromFolder`", lines[Array.IndexOf(lines, only) - 1]);
        using var json = System.Text.Json.JsonDocument.Parse(output.Json!);
        var run = json.RootElement.GetProperty("migrationRuns").EnumerateArray().First(r => r.GetProperty("member").GetString() == "Upgrader.FromFolder");
        Assert.Equal("Scripts", run.GetProperty("scriptFolder").GetString());
        Assert.Equal(new[] { "Deploy/Scripts/002_create.sql:1", "Deploy/Scripts/010_add_index.sql:1", "Deploy/Scripts/B_seed.sql:1", "Deploy/Scripts/a_grants.sql:1" },
            run.GetProperty("folderScripts").EnumerateArray().Select(s => s.GetString()).ToArray());
    }
}
