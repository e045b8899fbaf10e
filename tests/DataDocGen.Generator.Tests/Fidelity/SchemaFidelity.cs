using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>
/// Compares a context's schema in DATA_LAYER.json with EF Core's own design-time model of the same code, built for a
/// given provider: tables, columns, keys, foreign keys, indexes, constraints and relationships must be equal.
/// </summary>
internal static class SchemaFidelity
{
    public static readonly Dictionary<string, string> ProviderCalls = new()
    {
        ["SqlServer"] = "UseSqlServer(\"Server=.;Database=Fidelity\")",
        ["Sqlite"] = "UseSqlite(\"Data Source=fidelity.db\")",
        ["Npgsql"] = "UseNpgsql(\"Host=localhost;Database=fidelity\")",
    };

    /// <param name="model">C# source; <c>USE_PROVIDER</c> is replaced by the provider call (use it in OnConfiguring).</param>
    public static void AssertSame(string model, string contextFullName, string provider)
    {
        var sources = new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + model.Replace("USE_PROVIDER", ProviderCalls[provider]) };
        var output = GeneratorHarness.Run(sources);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var document = JsonNode.Parse(output.Json!)!;
        var name = contextFullName.Substring(contextFullName.LastIndexOf('.') + 1);
        var incomplete = document["contextsWithIncompleteSchema"]!.AsArray().FirstOrDefault(c => c!["name"]!.GetValue<string>() == name);
        Assert.True(incomplete is null, "DataDocGen withheld the schema: " + incomplete?.ToJsonString());
        var actual = document["contexts"]!.AsArray().Single(c => c!["fullName"]!.GetValue<string>() == contextFullName)!;

        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));
        using var context = EfModelDumper.CreateContext(assembly.GetType(contextFullName, throwOnError: true)!, provider);
        var expected = JsonNode.Parse(EfModelDumper.Dump(context))!;

        var diff = JsonDiff.Describe(Normalize(expected, actual), Normalize(actual, actual));
        Assert.True(diff is null, $"{provider}: DATA_LAYER.json differs from EF Core's model\n{diff}");
    }

    /// <summary>Compares what DataDocGen states: a column's storeType only where DataDocGen writes one (null means "not
    /// stated", e.g. for a converted property), everything else always.</summary>
    public static string Normalize(JsonNode node, JsonNode generated)
    {
        var copy = JsonNode.Parse(node.ToJsonString())!;
        foreach (var list in new[] { "tables", "views" })
        {
            foreach (var table in copy[list]!.AsArray())
            {
                var generatedTable = generated[list]!.AsArray().FirstOrDefault(t => t!["name"]!.ToJsonString() == table!["name"]!.ToJsonString()
                                                                                   && t["schema"]?.ToJsonString() == table["schema"]?.ToJsonString());
                foreach (var column in table!["columns"]!.AsArray())
                {
                    var generatedColumn = generatedTable?["columns"]!.AsArray().FirstOrDefault(c => c!["name"]!.ToJsonString() == column!["name"]!.ToJsonString());
                    if (generatedColumn?["storeType"] is null) column!.AsObject()["storeType"] = null;
                }
            }
        }
        return copy.ToJsonString();
    }
}
