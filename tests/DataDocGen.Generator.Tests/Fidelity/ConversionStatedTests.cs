using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>The conversion models' columns whose store type DataDocGen states (EF Core judges each in
/// <see cref="SchemaFidelityTests"/>, which compares only stated store types) and those it withholds: converters given
/// mapping hints at run time (a constructor argument, a base constructor passing them), and Npgsql's respelled
/// explicit column type, and a fixed-length converted column without a length.</summary>
public class ConversionStatedTests
{
    [Theory]
    [InlineData("SqlServer", "Accounts.Frozen, Accounts.Hinted, Accounts.Region, Entries.KindHinted, Payments.PaddedStatus")]
    [InlineData("Sqlite", "Accounts.Frozen, Accounts.Hinted, Accounts.Region, Entries.KindHinted, Payments.PaddedStatus")]
    [InlineData("Npgsql", "Accounts.Frozen, Accounts.Hinted, Accounts.Region, Entries.KindHinted, Payments.LegacyStatus, Payments.Origin, Payments.PaddedStatus")]
    public void Every_converted_column_has_a_store_type_except_those_with_run_time_hints(string provider, string withheld)
    {
        var missing = new List<string>();
        foreach (var (source, context) in ConversionModels.All.Values)
        {
            var sources = new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + source.Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls[provider]) };
            var document = JsonNode.Parse(GeneratorHarness.Run(sources).Json!)!;
            var actual = document["contexts"]!.AsArray().Single(c => c!["fullName"]!.GetValue<string>() == context)!;
            missing.AddRange(actual["tables"]!.AsArray()
                .SelectMany(t => t!["columns"]!.AsArray().Where(c => c!["storeType"] is null).Select(c => t["name"] + "." + c!["name"])));
        }
        Assert.Equal(withheld, string.Join(", ", missing.OrderBy(m => m, StringComparer.Ordinal)));
    }
}
