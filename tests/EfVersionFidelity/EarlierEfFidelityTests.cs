using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Fidelity;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests.EfVersions;

/// <summary>The schema fidelity models (DataDocGen.Generator.Tests' own, linked) judged by an earlier EF Core major
/// version, the project's EfMajor: DataDocGen reads the EF Core version a context is compiled against, and its report
/// must equal what that version builds. Models EF Core itself refuses in that version must be withheld, with the reason.</summary>
public class EarlierEfFidelityTests
{
    /// <summary>Models this EF Core version refuses, and the reason DataDocGen gives for withholding their schema.</summary>
    private static readonly Dictionary<string, string> RefusedByEfCore = new()
    {
        // "Configuring the complex property 'Employee.Bonus' as optional is not supported" (EF Core 8 and 9).
        ["payroll: complex types stored in their owner's table"] = "optional complex property `Employee.Bonus`",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in Models.All.Keys.Where(m => !RefusedByEfCore.ContainsKey(m)))
        {
            foreach (var provider in SchemaFidelity.ProviderCalls.Keys) data.Add(model, provider);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Schema_equals_EF_Cores_model(string model, string provider)
    {
        var (source, context) = Models.All[model];
        SchemaFidelity.AssertSame(source, context, provider);
    }

    public static TheoryData<string> Refused() => new(RefusedByEfCore.Keys);

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_model_this_EF_Core_version_refuses_is_withheld_with_the_reason(string model)
    {
        var (source, contextFullName) = Models.All[model];
        var sources = new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + source.Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls["SqlServer"]) };

        var contextType = EfModel.Load(GeneratorHarness.Compile(sources)).GetType(contextFullName, throwOnError: true)!;
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var context = EfModelDumper.CreateContext(contextType, "SqlServer");
            EfModelDumper.Dump(context);
        });

        var document = JsonNode.Parse(GeneratorHarness.Run(sources).Json!)!;
        var name = contextFullName.Substring(contextFullName.LastIndexOf('.') + 1);
        var withheld = document["contextsWithIncompleteSchema"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        Assert.Contains(withheld["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains(RefusedByEfCore[model], StringComparison.Ordinal));
    }
}
