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
    [InlineData("Domains")]
    public void Report_matches_the_committed_snapshot(string name)
    {
        var folder = Path.Combine(SourceFolder(), "Snapshots", name);
        var input = Path.Combine(folder, "input");
        var sources = Directory.Exists(input)
            ? Directory.GetFiles(input, "*.cs", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(input, f).Replace('\\', '/'), File.ReadAllText)
            : DomainSources();
        var settings = Directory.Exists(input)
            ? Directory.GetFiles(input, "appsettings*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText)
            : new Dictionary<string, string>();

        var output = GeneratorHarness.Run(sources, settings);

        Assert.Empty(output.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Check(Path.Combine(folder, "DATA_LAYER.md"), output.Markdown!);
        AssertTablesMatchEfCore(output, sources);
        Check(Path.Combine(folder, "DATA_LAYER.json"), output.Json!);
    }

    /// <summary>EF Core judges the snapshot: every relational context whose schema DataDocGen states is built by EF
    /// Core with the context's own provider and compared in full (tables, columns, keys, indexes, relationships).</summary>
    private static void AssertTablesMatchEfCore(GeneratorOutput output, Dictionary<string, string> sources)
    {
        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));
        var document = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!;
        var incomplete = document["contextsWithIncompleteSchema"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToHashSet();
        foreach (var context in document["contexts"]!.AsArray())
        {
            var provider = context!["provider"]?.GetValue<string>();
            if (provider is not ("SqlServer" or "Sqlite" or "Npgsql") || incomplete.Contains(context["name"]!.GetValue<string>())) continue;
            using var db = EfModelDumper.CreateContext(assembly.GetType(context["fullName"]!.GetValue<string>(), throwOnError: true)!, provider);
            var expected = System.Text.Json.Nodes.JsonNode.Parse(EfModelDumper.Dump(db))!;
            var diff = JsonDiff.Describe(Fidelity.SchemaFidelity.Normalize(expected, context), context.ToJsonString());
            Assert.True(diff is null, context["name"] + ": " + diff);
        }
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

    /// <summary>The "Domains" snapshot: several fidelity models in one project, each with its own provider (one file each).</summary>
    private static Dictionary<string, string> DomainSources()
    {
        var providers = new Dictionary<string, string>
        {
            ["Fleet"] = "UseSqlServer(\"Server=fleet.internal;Database=Fleet;User Id=fleet;Password=Fleet-S3cret\")",
            ["Hr"] = "UseSqlite(\"Data Source=hr.db\")",
            ["Accounts"] = "UseNpgsql(\"Host=pg.internal;Database=accounts;Username=app;Password=Acc-S3cret\")",
            ["Library"] = "UseSqlServer(\"Server=.;Database=Library;Integrated Security=true\")",
            ["Media"] = "UseSqlServer(\"Server=.;Database=Media;Integrated Security=true\")",
            ["Crm"] = "UseNpgsql(\"Host=crm.internal;Database=crm;Username=crm;Password=Crm-S3cret\")",
            ["Warehouse"] = "UseSqlite(\"Data Source=warehouse.db\")",
            ["Social"] = "UseSqlServer(\"Server=.;Database=Social;Integrated Security=true\")",
            ["Payments"] = "UseSqlServer(\"Server=.;Database=Payments;Integrated Security=true\")",
            ["Shipping"] = "UseSqlite(\"Data Source=shipping.db\")",
            ["School"] = "UseSqlServer(\"Server=.;Database=School;Integrated Security=true\")",
            ["Catalogue"] = "UseNpgsql(\"Host=catalogue.internal;Database=catalogue;Username=cat;Password=Cat-S3cret\")",
        };
        var sources = new Dictionary<string, string>();
        foreach (var (source, context) in Fidelity.Models.All.Values)
        {
            var ns = context.Substring(0, context.IndexOf('.'));
            if (!providers.TryGetValue(ns, out var provider)) continue;
            sources[ns + ".cs"] = Sources.Usings + source.Replace("USE_PROVIDER", provider);
        }
        return sources;
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
