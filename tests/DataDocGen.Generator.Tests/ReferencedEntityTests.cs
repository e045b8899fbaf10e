using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace DataDocGen.Generator.Tests;

/// <summary>Entities compiled in a referenced project (a Domain project next to the Infrastructure one). A private setter
/// is not imported from metadata, so <c>{ get; private set; }</c>, which EF Core maps, cannot be told from <c>{ get; }</c>,
/// which it does not: such members withhold the detail unless the configuration names them. Found by the eShopOnWeb audit:
/// a table was stated with its private-set columns silently missing.</summary>
public class ReferencedEntityTests
{
    private const string Entities = """
        namespace Ents
        {
            public class Item
            {
                public int Id { get; set; }
                public string Sku { get; set; } = "";
                public string Name { get; private set; } = "";
                public string Display => Sku + " " + Name;
                public int Version { get; }
            }
            public class Keyed { public int Id { get; private set; } public string Code { get; set; } = ""; }
            public class Plain { public int Id { get; set; } public string Code { get; set; } = ""; public string Label => "#" + Code; }
            public class Customer { public int Id { get; set; } }
            public class Order { public int Id { get; set; } public int CustomerId { get; set; } public Customer Customer { get; private set; } = null!; }
        }
        """;

    private static GeneratorOutput Run(string context, bool referenceAssembly)
    {
        var library = GeneratorHarness.Compile(new Dictionary<string, string> { ["Ents.cs"] = Sources.Usings + Entities }, assemblyName: "Ents");
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream, options: new EmitOptions(metadataOnly: referenceAssembly)).Success);
        var reference = MetadataReference.CreateFromImage(stream.ToArray());
        return GeneratorHarness.Run(new Dictionary<string, string> { ["Data.cs"] = Sources.Usings + context }, extraReferences: [reference]);
    }

    private static string Context(string sets, string onModelCreating = "") => """
        namespace Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                SETS
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.");
                protected override void OnModelCreating(ModelBuilder b) { ON_MODEL_CREATING }
            }
        }
        """.Replace("SETS", sets).Replace("ON_MODEL_CREATING", onModelCreating);

    private static JsonNode? Withheld(GeneratorOutput output) => JsonNode.Parse(output.Json!)!["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault();

    private static string[] Columns(GeneratorOutput output, string table) =>
        JsonNode.Parse(output.Json!)!["contexts"]![0]!["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == table)!["columns"]!.AsArray()
            .Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_private_setter_compiled_elsewhere_withholds_the_detail_with_its_reason(bool referenceAssembly)
    {
        var output = Run(Context("public DbSet<Ents.Item> Items => Set<Ents.Item>();"), referenceAssembly);

        var withheld = Withheld(output);
        Assert.NotNull(withheld);
        var reasons = withheld!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains("`Item.Name` is compiled in another assembly, whose metadata does not say whether it has a private setter (EF Core maps it) or none (EF Core does not)", reasons);
        Assert.Contains(reasons, r => r.StartsWith("`Item.Version` is compiled", StringComparison.Ordinal)); // { get; } looks the same
        Assert.DoesNotContain(reasons, r => r.Contains("Display", StringComparison.Ordinal)); // computed: no [CompilerGenerated] getter
        Assert.True(withheld["tableNamesKnown"]!.GetValue<bool>()); // scalars change no table name
    }

    [Fact]
    public void Members_the_configuration_names_are_columns_and_ignored_ones_are_not()
    {
        var output = Run(Context("public DbSet<Ents.Item> Items => Set<Ents.Item>();",
            "b.Entity<Ents.Item>().Property(i => i.Name).HasMaxLength(40); b.Entity<Ents.Item>().Ignore(i => i.Version);"), referenceAssembly: false);

        Assert.Null(Withheld(output));
        Assert.Equal(["Id", "Name", "Sku"], Columns(output, "Items"));
    }

    [Fact]
    public void A_key_with_a_setter_that_cannot_be_read_is_not_said_to_be_missing()
    {
        var output = Run(Context("public DbSet<Ents.Keyed> Keyed => Set<Ents.Keyed>();"), referenceAssembly: false);

        var reasons = Withheld(output)!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains(reasons, r => r.StartsWith("`Keyed.Id` is compiled in another assembly", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.StartsWith("no primary key found", StringComparison.Ordinal));
    }

    [Fact]
    public void Public_setters_and_computed_properties_compiled_elsewhere_are_read_as_before()
    {
        var output = Run(Context("public DbSet<Ents.Plain> Plains => Set<Ents.Plain>();"), referenceAssembly: true);

        Assert.Null(Withheld(output));
        Assert.Equal(["Code", "Id"], Columns(output, "Plains"));
    }
    /// <summary>A reference navigation whose setter cannot be read may bring an entity type and its table: the table names
    /// are withheld, unless the configuration names the navigation (EF Core then maps it whatever its setter).</summary>
    [Theory]
    [InlineData("", false)]
    [InlineData("b.Entity<Ents.Order>().HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId);", true)]
    public void A_reference_navigation_compiled_elsewhere_is_read_when_the_configuration_names_it(string onModelCreating, bool known)
    {
        var output = Run(Context("public DbSet<Ents.Order> Orders => Set<Ents.Order>();", onModelCreating), referenceAssembly: true);

        var withheld = Withheld(output);
        if (known)
        {
            Assert.Null(withheld);
            Assert.Equal(["Customer", "Orders"], JsonNode.Parse(output.Json!)!["contexts"]![0]!["tables"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            return;
        }
        Assert.False(withheld!["tableNamesKnown"]!.GetValue<bool>());
        Assert.Contains(withheld["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith("`Order.Customer` is compiled in another assembly", StringComparison.Ordinal));
    }
    [Fact]
    public void Entities_of_a_referenced_project_under_a_root_namespace_Microsoft_are_mapped_like_any_other()
    {
        // eShopOnContainers: Ordering.Domain's entities live in Microsoft.eShopOnContainers.Services.Ordering.Domain. Only
        // Microsoft's own assemblies hold framework types; a project's assembly under that namespace holds entities.
        const string entities = """
            namespace Microsoft.Contoso.Domain
            {
                public class Brand { public int Id { get; set; } public string Name { get; set; } = ""; }
                public class Item { public int Id { get; set; } public int BrandId { get; set; } public Brand Brand { get; set; } = null!; }
            }
            """;
        var library = GeneratorHarness.Compile(new Dictionary<string, string> { ["Ents.cs"] = Sources.Usings + entities }, assemblyName: "Contoso.Domain");
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Data.cs"] = Sources.Usings + Context("public DbSet<Microsoft.Contoso.Domain.Item> Items => Set<Microsoft.Contoso.Domain.Item>();") },
            extraReferences: [MetadataReference.CreateFromImage(stream.ToArray())]);
        Assert.Null(Withheld(output));
        Assert.Equal(["BrandId", "Id"], Columns(output, "Items"));
        Assert.Equal(["Id", "Name"], Columns(output, "Brand"));
        Assert.DoesNotContain("not modelled yet", output.Markdown);
    }
}
