using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Tests;

/// <summary>The extractors on their own: what they read from code, before any model is built.</summary>
public class ExtractorTests
{
    private const string Entities = """
        namespace Shop
        {
            using System.ComponentModel.DataAnnotations;
            public enum Status : byte { Open, Closed }
            public class Base { public int Id { get; set; } }
            public class Order : Base
            {
                [MaxLength(20), Required] public string? Code { get; set; }
                public string Name { get; set; } = "";
                public Status Status { get; set; }
                public decimal? Total { get; set; }
                public Customer Customer { get; set; } = null!;
                public List<Line> Lines { get; } = new();
                public List<int> Numbers { get; set; } = new();
                public string Computed => Name + Code;
                internal int Hidden { get; set; }
            }
            public class Customer { public int Id { get; set; } }
            public class Line { public int Id { get; set; } }
        }
        """;

    [Fact]
    public void EntityTypeParser_reads_members_with_kind_type_nullability_and_attributes()
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string> { ["E.cs"] = Sources.Usings + Entities });
        var spec = EntityTypeParser.Parse(compilation.GetTypeByMetadataName("Shop.Order")!);

        Assert.Equal(["Shop.Base"], spec.BaseTypes);
        var members = spec.Members.ToDictionary(m => m.Name);
        Assert.Equal((MemberKind.Scalar, "System.String", Nullability.Nullable), (members["Code"].Kind, members["Code"].ClrType, members["Code"].Nullability));
        Assert.Equal(["MaxLength", "Required"], members["Code"].Attributes.Select(a => a.Name).Order());
        Assert.Equal("20", members["Code"].Attribute("MaxLength")!.Arguments[0]);
        Assert.Equal(Nullability.NotAnnotated, members["Name"].Nullability);
        Assert.Equal(("Shop.Status", "System.Byte"), (members["Status"].ClrType, members["Status"].EnumUnderlyingType));
        Assert.Equal(("System.Decimal", Nullability.Nullable), (members["Total"].ClrType, members["Total"].Nullability));
        Assert.Equal((MemberKind.Reference, "Shop.Customer"), (members["Customer"].Kind, members["Customer"].ClrType));
        Assert.Equal((MemberKind.Collection, "Shop.Line", false), (members["Lines"].Kind, members["Lines"].ClrType, members["Lines"].HasSetter));
        Assert.Equal(MemberKind.Unsupported, members["Numbers"].Kind); // a primitive collection
        Assert.False(members["Computed"].HasSetter);
        Assert.Equal("Shop.Base", members["Id"].DeclaringType);
        Assert.False(members.ContainsKey("Hidden"));
    }

    [Fact]
    public void EntityTypeParser_closure_follows_navigations_but_not_scalars()
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string> { ["E.cs"] = Sources.Usings + Entities });
        var closure = EntityTypeParser.Closure([compilation.GetTypeByMetadataName("Shop.Order")!], CancellationToken.None);

        Assert.Equal(["Shop.Customer", "Shop.Line", "Shop.Order"], closure.Select(t => t.FullName));
    }

    [Fact]
    public void FluentChainParser_splits_chains_with_entities_and_rendered_arguments()
    {
        var source = Sources.Usings + Entities + """

            namespace Shop.Data
            {
                public class ShopContext : DbContext
                {
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Order>().Property(o => o.Name).HasMaxLength(50).IsRequired(false);
                        modelBuilder.Entity<Order>(order =>
                        {
                            order.HasIndex(o => new { o.Name, o.Code }).IsUnique().HasDatabaseName("IX_Name");
                            var status = order.Property(o => o.Status);
                            status.HasColumnName("state");
                        });
                        modelBuilder.HasDefaultSchema("sales");
                        foreach (var type in modelBuilder.Model.GetEntityTypes()) type.SetTableName(type.DisplayName());
                        base.OnModelCreating(modelBuilder);
                    }
                }
            }
            """;
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string> { ["E.cs"] = source });
        var tree = compilation.SyntaxTrees.Single();
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "OnModelCreating").Body!;

        var configured = new List<ITypeSymbol>();
        var chains = FluentChainParser.Parse(body, compilation.GetSemanticModel(tree), configured, CancellationToken.None);
        string Render(FluentChainSpec c) => c.Root + ":" + (c.Entity ?? c.RootType) + ":" + string.Join(".", c.Steps.Select(s => s.Method + "(" + string.Join(",", s.Arguments) + ")"));

        Assert.Equal(
        [
            "Entity:Shop.Order:Property(=Name).HasMaxLength(50).IsRequired(false)",
            "Entity:Shop.Order:",
            "Entity:Shop.Order:HasIndex(=Name,Code).IsUnique().HasDatabaseName(\"IX_Name)",
            "Entity:Shop.Order:Property(=Status)",
            "Entity:Shop.Order:Property(=Status).HasColumnName(\"state)",
            "Model::HasDefaultSchema(\"sales)",
            "Other:IMutableModel:GetEntityTypes()",
            "Other:IMutableEntityType:SetTableName(?)",
            "Other:IMutableEntityType:DisplayName()",
        ], chains.Select(Render).ToArray());
        Assert.All(configured, t => Assert.Equal("Order", t.Name));
    }
}

public class DocumentationReaderTests
{
    [Theory]
    [InlineData("/// <summary>Orders and their <see cref=\"Shop.Domain.OrderLine\"/> rows &amp; payments.</summary>\nclass C { }", "Orders and their OrderLine rows & payments.")]
    [InlineData("/// <summary>\n/// Multi-line\n///   <b>summary</b>.\n/// </summary>\n/// <remarks>ignored</remarks>\nclass C { }", "Multi-line summary.")]
    [InlineData("// a plain comment\nclass C { }", null)]
    [InlineData("/// <remarks>no summary</remarks>\nclass C { }", null)]
    public void Summary_is_read_from_the_doc_comment_trivia(string code, string? expected)
    {
        foreach (var mode in new[] { Microsoft.CodeAnalysis.DocumentationMode.None, Microsoft.CodeAnalysis.DocumentationMode.Parse })
        {
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions.WithDocumentationMode(mode));
            var declaration = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().Single();
            Assert.Equal(expected, DocumentationReader.Summary(declaration));
        }
    }
}
