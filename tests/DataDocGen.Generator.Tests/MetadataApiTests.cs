using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Configuration through the builder's metadata outside loops (<c>builder.Metadata.FindProperty("Sku")?.SetMaxLength(30)</c>).
/// The readable forms are judged by EF Core in the "library loans" fidelity model; here the forms that must withhold
/// the schema, and the one that was dropped silently before (the call after <c>?.</c>, a max length missing).</summary>
public class MetadataApiTests
{
    private const string Model = """
        namespace Shop
        {
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            public class Product { public int Id { get; set; } public string Sku { get; set; } = ""; public string Name { get; set; } = ""; }
            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                public void Configure(EntityTypeBuilder<Product> builder)
                {
                    CALL
                }
            }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new ProductConfiguration());
            }
        }
        """;

    private static JsonNode Run(string call)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", Model.Replace("CALL", call))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return JsonNode.Parse(output.Json!)!;
    }

    private static JsonNode? Withheld(JsonNode json) =>
        json["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == "ShopContext");

    private static JsonNode Column(JsonNode json, string name) =>
        json["contexts"]!.AsArray().Single()!["tables"]!.AsArray().Single()!["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    [Theory]
    [InlineData("builder.Metadata.FindProperty(\"Sku\")?.SetMaxLength(30);")]
    [InlineData("builder.Metadata.FindProperty(nameof(Product.Sku))!.SetMaxLength(30);")]
    [InlineData("builder.Metadata.FindProperty(\"Sku\").SetMaxLength(30);")]
    public void A_max_length_set_on_the_metadata_is_the_columns(string call)
    {
        var json = Run(call);
        Assert.Null(Withheld(json));
        Assert.Equal(30, Column(json, "Sku")["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public void A_metadata_variable_continues_its_chain()
    {
        // eShopOnWeb: var navigation = builder.Metadata.FindNavigation(nameof(Basket.Items)); navigation?.SetPropertyAccessMode(...);
        var json = Run("var property = builder.Metadata.FindProperty(nameof(Product.Sku)); property?.SetMaxLength(30);"
            + " var access = builder.Metadata.FindProperty(\"Name\"); access?.SetPropertyAccessMode(PropertyAccessMode.Field);");
        Assert.Null(Withheld(json));
        Assert.Equal(30, Column(json, "Sku")["maxLength"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("builder.Metadata.FindProperty(\"Missing\")?.SetMaxLength(30);", "`Property` on a member DataDocGen does not map (shadow or computed)")]
    [InlineData("builder.Metadata.FindProperty(\"Sku\")?.SetMaxLength(null);", "`SetMaxLength` is not evaluated yet")]
    [InlineData("builder.Metadata.FindProperty(\"Sku\")?.SetIsUnicode(null);", "`SetIsUnicode` is not evaluated yet")]
    [InlineData("builder.Metadata.FindProperty(\"Sku\")?.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<string, string>(v => v, v => v));", "configuration through `IMutableEntityType.SetValueConverter` is not evaluated")]
    [InlineData("builder.Metadata.SetTableName(\"Items\");", "table names or schemas set in code (`SetTableName`")]
    public void A_metadata_call_DataDocGen_cannot_read_withholds_the_tables_with_the_reason(string call, string reason)
    {
        var withheld = Withheld(Run(call));
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), r => r.StartsWith(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_reads_change_nothing()
    {
        // Trap: reading the metadata (a property's name, a table's name) configures nothing.
        var json = Run("var sku = builder.Metadata.FindProperty(\"Sku\")?.Name; System.Console.WriteLine(builder.Metadata.GetTableName());");
        Assert.Null(Withheld(json));
        Assert.Null(Column(json, "Sku")["maxLength"]);
    }

    private const string FieldModel = """
        #nullable enable
        namespace Shop
        {
            public class Supplier { public int Id { get; set; } }
            public class Product
            {
                private string _description = "";
                private string? _note;
                private Supplier? _supplier;
                public int Id { get; set; }
            }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    CALL
                }
            }
        }
        """;

    [Fact]
    public void A_property_mapped_to_a_private_field_takes_the_fields_nullability()
    {
        // Before, Property<string>("_description") was taken for a shadow property: nullable, where EF makes the column
        // NOT NULL from the field's non-nullable type (EF judge: the "ordering" fidelity model).
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", FieldModel.Replace("CALL",
            "modelBuilder.Entity<Product>().Property<string>(\"_description\").HasColumnName(\"Description\"); modelBuilder.Entity<Product>().Property(\"_note\");"))));
        var json = JsonNode.Parse(output.Json!)!;
        Assert.Null(Withheld(json));
        var columns = json["contexts"]!.AsArray().Single()!["tables"]!.AsArray().Single()!["columns"]!.AsArray();
        Assert.False(columns.Single(c => c!["name"]!.GetValue<string>() == "Description")!["nullable"]!.GetValue<bool>());
        Assert.True(columns.Single(c => c!["name"]!.GetValue<string>() == "_note")!["nullable"]!.GetValue<bool>());
        Assert.Contains("| `Description` | `System.String` |  | no |  |  | Product.\\_description [Shop.cs:12](Shop.cs#L12); `HasColumnName(\"Description\")`", output.Markdown);
        Assert.DoesNotContain("shadow property", output.Markdown);
    }

    [Theory]
    [InlineData("modelBuilder.Entity<Product>().Property<Supplier>(\"_supplier\");")]
    [InlineData("modelBuilder.Entity<Product>().Property<int>(\"_description\");")]
    public void A_private_member_DataDocGen_does_not_map_withholds_the_tables(string call)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", FieldModel.Replace("CALL", call))));
        var withheld = Withheld(JsonNode.Parse(output.Json!)!);
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), r => r.StartsWith("`Property` on the non-public member `_", StringComparison.Ordinal));
    }
}
