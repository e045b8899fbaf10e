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
}
