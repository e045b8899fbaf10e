using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>The committed sample's model, judged by EF Core: its Data/ and Domain/ sources are compiled, EF Core
/// builds each context's model, and DATA_LAYER.json's schema for them must be the same.</summary>
public class SampleFidelityTests
{
    [Theory]
    [InlineData("Shop.Data.ShopContext")]
    [InlineData("Shop.Data.AuditContext")]
    public void Sample_schema_equals_EF_Cores_model(string contextFullName)
    {
        var sample = Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", "..", "samples", "ShopApi"));
        var sources = new[] { "Data", "Domain" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(sample, folder), "*.cs"))
            .ToDictionary(f => Path.GetRelativePath(sample, f).Replace('\\', '/'), f => ImplicitUsings + File.ReadAllText(f));
        Assert.NotEmpty(sources);

        // Without Program.cs no provider is registered: compare with EF Core on SQLite, where no provider-only facet
        // (SQL Server's index filters) applies, and leave store types aside (DataDocGen states none without a provider).
        var output = GeneratorHarness.Run(sources);
        var document = JsonNode.Parse(output.Json!)!;
        Assert.Empty(document["contextsWithIncompleteSchema"]!.AsArray());
        var actual = document["contexts"]!.AsArray().Single(c => c!["fullName"]!.GetValue<string>() == contextFullName)!;
        actual.AsObject()["provider"] = "Sqlite";

        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));
        using var context = EfModelDumper.CreateContext(assembly.GetType(contextFullName, throwOnError: true)!, "Sqlite");
        var expected = JsonNode.Parse(EfModelDumper.Dump(context))!;

        var diff = JsonDiff.Describe(SchemaFidelity.Normalize(expected, actual), actual.ToJsonString());
        Assert.True(diff is null, diff);
    }

    /// <summary>The Web SDK's implicit usings that the sample's Data/ and Domain/ sources rely on (the sample compiles with
    /// <c>ImplicitUsings</c>; this test compiles them alone).</summary>
    private const string ImplicitUsings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.Extensions.Configuration;\n";

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
