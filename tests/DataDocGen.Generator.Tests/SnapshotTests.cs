using System.Runtime.CompilerServices;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>
/// The rendered report for a whole project, compared with the committed expected files under Snapshots/NAME/.
/// To accept a deliberate change: set DATADOCGEN_UPDATE_SNAPSHOTS=1, run the tests, review the diff, commit.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("Shop")]
    public void Report_matches_the_committed_snapshot(string name)
    {
        var folder = Path.Combine(SourceFolder(), "Snapshots", name);
        var input = Path.Combine(folder, "input");
        var sources = Directory.GetFiles(input, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(input, f).Replace('\\', '/'), File.ReadAllText);
        var settings = Directory.GetFiles(input, "appsettings*.json")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

        var output = GeneratorHarness.Run(sources, settings);

        Assert.Empty(output.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Check(Path.Combine(folder, "DATA_LAYER.md"), output.Markdown!);
        AssertTablesMatchEfCore(output, sources);
        Check(Path.Combine(folder, "DATA_LAYER.json"), output.Json!);
    }

    /// <summary>EF Core judges the snapshot's tables: every context with stated tables is built by EF and compared.</summary>
    private static void AssertTablesMatchEfCore(GeneratorOutput output, Dictionary<string, string> sources)
    {
        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));
        foreach (var context in Json.Parse(output.Json).GetProperty("contexts").EnumerateArray())
        {
            var tables = Json.Tables(context);
            if (tables.Count == 0) continue; // non-relational, or tables withheld (asserted by the snapshot itself)
            var fullName = context.GetProperty("fullName").GetString()!;
            Assert.Equal(Render(EfModel.Tables(assembly, fullName)), Render(tables));
            Assert.Equal(Render(EfModel.Tables(assembly, fullName, views: true)), Render(Json.Tables(context, "views")));
        }

        static string Render(Dictionary<string, string[]> t) =>
            string.Join("\n", t.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + ": " + string.Join(", ", x.Value.Order(StringComparer.Ordinal))));
    }

    private static void Check(string expectedPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("DATADOCGEN_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), "missing snapshot " + expectedPath + " (run with DATADOCGEN_UPDATE_SNAPSHOTS=1)");
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
