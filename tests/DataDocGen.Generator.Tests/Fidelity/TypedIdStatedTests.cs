using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Strongly typed ids (issue 3): every column of the typed-id models has a store type (EF Core judges each in
/// <see cref="SchemaFidelityTests"/>, which compares only stated store types), and what stays withheld, with its reason.</summary>
public class TypedIdStatedTests
{
    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Sqlite")]
    [InlineData("Npgsql")]
    public void Every_typed_id_column_has_a_store_type(string provider)
    {
        var missing = new List<string>();
        foreach (var (source, context) in TypedIdModels.All.Values)
        {
            var actual = Context(Run(source, provider), context);
            missing.AddRange(actual["tables"]!.AsArray()
                .SelectMany(t => t!["columns"]!.AsArray().Where(c => c!["storeType"] is null).Select(c => t["name"] + "." + c!["name"])));
        }
        Assert.Empty(missing);
    }

    private const string Bins = """
        namespace TypedIds.Bins
        {
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
            public readonly record struct BinId(int Value);
            public static class Converters
            {
                public static ValueConverter<BinId, int> ForBinIds() => new(id => id.Value, value => new BinId(value));
            }
            public class Bin { public BinId Id { get; set; } public string Label { get; set; } = ""; }
            public class Stock { public int Id { get; set; } public BinId BinId { get; set; } public Bin Bin { get; set; } = null!; }
            public class BinContext(DbContextOptions<BinContext> options) : DbContext(options)
            {
                public DbSet<Bin> Bins => Set<Bin>();
                public DbSet<Stock> Stocks => Set<Stock>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Bin>().Property(b => b.Id).HasConversion(BIN_CONVERSION);
                    FOREIGN_KEY
                }
            }
        }
        """;

    /// <summary>A converter returned by a method: the id is a property, its key and foreign key stand (EF judges
    /// them on three providers), but the store types of the key and of the foreign key converted the same way are
    /// not stated: the method's converter cannot be read.</summary>
    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Sqlite")]
    [InlineData("Npgsql")]
    public void A_converter_returned_by_a_method_leaves_the_store_type_unstated(string provider)
    {
        var source = Bins.Replace("BIN_CONVERSION", "Converters.ForBinIds()")
            .Replace("FOREIGN_KEY", "modelBuilder.Entity<Stock>().Property(s => s.BinId).HasConversion(Converters.ForBinIds());");
        SchemaFidelity.AssertSame(source, "TypedIds.Bins.BinContext", provider);
        var actual = Context(Run(source, provider), "TypedIds.Bins.BinContext");
        var unstated = actual["tables"]!.AsArray()
            .SelectMany(t => t!["columns"]!.AsArray().Where(c => c!["storeType"] is null).Select(c => t["name"] + "." + c!["name"]));
        Assert.Equal(new[] { "Bins.Id", "Stocks.BinId" }, unstated);
    }

    /// <summary>A typed-id foreign key without a converter: EF Core refuses the model ("The property 'Stock.BinId' could
    /// not be mapped because it is of type 'BinId'"); DataDocGen withholds the schema.</summary>
    [Fact]
    public void A_typed_id_without_a_converter_is_withheld()
    {
        var source = Bins.Replace("BIN_CONVERSION", "id => id.Value, value => new BinId(value)").Replace("FOREIGN_KEY", "");
        Assert.Contains("property `Stock.BinId` of type `TypedIds.Bins.BinId` is not modelled yet", Reasons(Run(source, "SqlServer"), "BinContext"));
    }

    /// <summary>An int property named like the foreign key of a typed key: EF Core does not take it (the types differ)
    /// and adds a shadow foreign key BinId1 (probe, three providers); DataDocGen withholds the schema.</summary>
    [Fact]
    public void An_int_named_like_a_typed_ids_foreign_key_is_withheld()
    {
        var source = Bins.Replace("BIN_CONVERSION", "id => id.Value, value => new BinId(value)").Replace("FOREIGN_KEY", "")
            .Replace("public BinId BinId { get; set; }", "public int BinId { get; set; }");
        Assert.Contains("shadow foreign key `BinId` would clash with an existing property", Reasons(Run(source, "SqlServer"), "BinContext"));
    }

    private static JsonNode Run(string source, string provider)
    {
        var sources = new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + source.Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls[provider]) };
        return JsonNode.Parse(GeneratorHarness.Run(sources).Json!)!;
    }

    private static JsonNode Context(JsonNode document, string fullName) =>
        document["contexts"]!.AsArray().Single(c => c!["fullName"]!.GetValue<string>() == fullName)!;

    private static string Reasons(JsonNode document, string name) =>
        document["contextsWithIncompleteSchema"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!["reasons"]!.AsArray()
            .Select(r => r!.GetValue<string>()).Aggregate("", (all, reason) => all + reason + "\n");
}
