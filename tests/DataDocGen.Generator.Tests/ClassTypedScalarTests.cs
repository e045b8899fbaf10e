using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Class-typed members EF Core maps as columns through something DataDocGen does not see (a provider plug-in's
/// type such as Pgvector's <c>Vector</c>, typed ids mapped by a replaced <c>IValueConverterSelector</c>). Found by audits
/// of dotnet/eShop (a <c>Vector</c> table) and of a modular monolith (an <c>OrderId</c> table); EF Core judges the
/// meetings model in <c>Fidelity/PlugInTypeModels</c>.</summary>
public class ClassTypedScalarTests
{
    private const string Types = """
        namespace Pgvector { public class Vector { public Vector(float[] v) { } } }
        namespace Shop
        {
            public abstract class TypedIdValueBase { public System.Guid Value { get; } protected TypedIdValueBase(System.Guid value) { Value = value; } }
            public class OrderId : TypedIdValueBase { public OrderId(System.Guid value) : base(value) { } }
            public class Money { public decimal Amount { get; set; } }
            public class Customer { public int Id { get; set; } }
        }

        """;

    private static (JsonNode Json, string Markdown) Run(string entities, string onModelCreating)
    {
        var code = Types + "namespace Shop {\n" + entities + """

            public class ShopContext(DbContextOptions<ShopContext> o) : DbContext(o) {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.");
                protected override void OnModelCreating(ModelBuilder b) { ON_MODEL_CREATING }
            }
            }
            """.Replace("ON_MODEL_CREATING", onModelCreating);
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return (JsonNode.Parse(output.Json!)!, output.Markdown!);
    }

    private static JsonNode Context(JsonNode json) => json["contexts"]!.AsArray().Single()!;

    private static JsonNode? Withheld(JsonNode json) => json["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault();

    [Theory]
    [InlineData("public class Order { public int Id { get; set; } public Pgvector.Vector? Embedding { get; set; } }", "b.Entity<Order>().Property(i => i.Embedding).HasColumnType(\"vector(3)\");", "Embedding", "vector(3)")]
    [InlineData("public class Order { public OrderId Id { get; private set; } = null!; }", "b.Entity<Order>(e => { e.ToTable(\"Orders\", \"shop\"); e.HasKey(x => x.Id); });", "Id", null)]
    [InlineData("public class Order { public int Id { get; set; } public OrderId Reference { get; set; } = null!; }", "b.Entity<Order>().HasIndex(x => x.Reference).IsUnique();", "Reference", null)]
    public void A_member_the_configuration_names_as_a_property_is_a_column(string entities, string onModelCreating, string column, string? storeType)
    {
        var (json, markdown) = Run(entities, onModelCreating);

        Assert.Null(Withheld(json));
        var table = Context(json)["tables"]!.AsArray().Single()!; // no table for Vector or OrderId
        var stated = table["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == column)!;
        Assert.Equal(storeType, stated["storeType"]?.GetValue<string>());
        Assert.DoesNotContain("`Pgvector.Vector` | none", markdown);
        Assert.DoesNotContain("`Shop.OrderId` | none", markdown);
    }

    [Theory]
    // Reached only through a navigation, with no key: an entity type EF Core would reject, so something unseen maps it.
    [InlineData("public class Order { public int Id { get; set; } public Money Total { get; set; } = null!; }", "Order.Total", "Shop.Money")]
    [InlineData("public class Order { public OrderId Id { get; private set; } = null!; }", "Order.Id", "Shop.OrderId")]
    [InlineData("public class Order { public int Id { get; set; } public Pgvector.Vector? Embedding { get; set; } }", "Order.Embedding", "Pgvector.Vector")]
    public void A_keyless_class_reached_only_through_a_navigation_withholds_the_tables_and_is_no_entity(string entities, string member, string type)
    {
        var (json, markdown) = Run(entities, "");

        var withheld = Withheld(json);
        Assert.NotNull(withheld);
        Assert.False(withheld!["tableNamesKnown"]!.GetValue<bool>());
        Assert.Contains(withheld["reasons"]!.AsArray(), r => r!.GetValue<string>().StartsWith("`" + member + "` reaches `" + type + "`, which has no key", StringComparison.Ordinal));
        Assert.DoesNotContain("| `" + type + "` |", markdown);
    }

    [Fact]
    public void A_keyed_class_reached_through_a_navigation_is_still_an_entity()
    {
        var (json, markdown) = Run("public class Order { public int Id { get; set; } public Customer Customer { get; set; } = null!; }", "");

        Assert.Null(Withheld(json));
        Assert.Contains("| `Shop.Customer` | none (reached through navigations or configuration) | `Customer` |", markdown);
        Assert.Equal(2, Context(json)["tables"]!.AsArray().Count);
    }

    [Fact]
    public void A_keyless_class_configured_as_an_entity_still_says_it_has_no_key()
    {
        var (json, _) = Run("public class Order { public int Id { get; set; } public Money Total { get; set; } = null!; }", "b.Entity<Money>();");

        var withheld = Withheld(json);
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray(), r => r!.GetValue<string>() == "no primary key found for `Shop.Money`");
    }
}
