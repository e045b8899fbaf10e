using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Evolve migrations, compiled against the real Evolve package.</summary>
public class EvolveTests
{
    [Fact]
    public void Evolve_runs_are_listed_with_their_script_locations_and_switches()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Deploy/Migrator.cs"] = """
                using System.Data.Common;
                using EvolveDb;
                namespace Deploy
                {
                    public static class Migrator
                    {
                        public static void Run(DbConnection connection, bool production)
                        {
                            var evolve = new Evolve(connection, message => System.Console.WriteLine(message))
                            {
                                Locations = new[] { "db/migrations", "db/datasets" },
                                MetadataTableName = "changelog",
                                IsEraseDisabled = true,
                                EnableClusterMode = true,
                            };
                            if (production) evolve.Migrate();
                        }

                        public static void Fix(DbConnection connection) => new Evolve(connection).Repair();
                    }
                }
                namespace LookAlike
                {
                    public class Evolve { public void Migrate() { } }
                    public static class Use { public static void Run() => new Evolve().Migrate(); }
                }
                """,
        });

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("in `Migrator.Run`, when `production`: scripts from `db/migrations`, `db/datasets`, metadata table `changelog`, erase disabled, cluster mode (one migrator at a time) [Deploy/Migrator.cs:", md);
        Assert.Contains("- `Evolve.Repair()` in `Migrator.Fix` [Deploy/Migrator.cs:", md);
        Assert.DoesNotContain("Use.Run", md);
    }
}
