using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>FluentMigrator migrations, compiled against the real FluentMigrator 8 package.</summary>
public class FluentMigratorTests
{
    private const string Migrations = """
        using FluentMigrator;
        namespace Shop.Migrations
        {
            [Migration(10, "Orders")]
            public class AddOrders : Migration
            {
                private const string Table = "Orders";
                public override void Up()
                {
                    Create.Table(Table).WithColumn("Id").AsInt32().PrimaryKey().Identity()
                        .WithColumn("CustomerId").AsInt32().NotNullable();
                    Create.Index("IX_Orders_CustomerId").OnTable(Table).OnColumn("CustomerId");
                    Create.ForeignKey("FK_Orders_Customers").FromTable(Table).ForeignColumn("CustomerId").ToTable("Customers").PrimaryColumn("Id");
                    Execute.Sql("UPDATE Orders SET CustomerId = 1 -- password=letmein");
                }
                public override void Down() => Delete.Table(Table);
            }

            [Migration(9)]
            public class AddCustomers : AutoReversingMigration
            {
                public override void Up()
                {
                    Create.Table("Customers").WithColumn("Id").AsInt32().PrimaryKey();
                    Create.Column("Email").OnTable("Customers").AsString(200).Nullable();
                }
            }

            [Migration(11)]
            public class Cleanup : Migration
            {
                public override void Up()
                {
                    Delete.Column("Legacy").FromTable("Customers");
                    Alter.Table("Orders").AddColumn("Total").AsDecimal(10, 2).Nullable();
                    Rename.Table("Customers").To("Clients");
                }
                public override void Down() { }
            }
        }

        namespace LookAlike
        {
            public class MigrationAttribute(long version) : System.Attribute { }
            [Migration(12)]
            public class NotFluentMigrator { public object Create => null!; }
        }
        """;

    [Fact]
    public void Migrations_are_listed_by_version_with_their_operations()
    {
        var output = GeneratorHarness.Run(Sources.With(("Migrations/Migrations.cs", Migrations)));

        Assert.Contains("FluentMigrator migrations, in the order of their versions:", output.Markdown);
        Assert.Contains("| 9 | `AddCustomers` | Create.Column: Customers; Create.Table: Customers | derived from Up (AutoReversingMigration) | [Migrations/Migrations.cs:", output.Markdown);
        Assert.Contains("| 10 | `AddOrders` | Create.Index: Orders; Create.Table: Orders; Create.ForeignKey: 1; Execute.Sql: 1 | implemented | [Migrations/Migrations.cs:", output.Markdown);
        Assert.Contains("| 11 | `Cleanup` | Alter.Table: Orders; Delete.Column: Customers; Rename.Table: Customers | empty | [Migrations/Migrations.cs:", output.Markdown);
        // Ordered by version as a number: 9 before 10 before 11.
        Assert.True(output.Markdown!.IndexOf("| 9 |", StringComparison.Ordinal) < output.Markdown.IndexOf("| 10 |", StringComparison.Ordinal));
        Assert.DoesNotContain("NotFluentMigrator", output.Markdown);
        Assert.DoesNotContain("letmein", output.Markdown);
        Assert.DoesNotContain("letmein", output.Json);
        Assert.Contains("\"tool\":\"FluentMigrator\"", output.Json!.Replace(" ", ""));
    }

    [Fact]
    public void An_up_that_hands_expression_roots_to_project_code_says_what_it_does_not_read()
    {
        // nopCommerce's SchemaMigration: Create.TableFor<Category>() (a project extension on the expression root) left Up blank.
        var output = GeneratorHarness.Run(Sources.With(("Migrations/Schema.cs", """
            using FluentMigrator;
            using FluentMigrator.Builders.Create;
            namespace Shop.Migrations
            {
                public class Category { public int Id { get; set; } }
                public static class CreateExtensions
                {
                    public static void TableFor<T>(this ICreateExpressionRoot create) => create.Table(typeof(T).Name).WithColumn("Id").AsInt32().PrimaryKey();
                }
                [Migration(1)]
                public class SchemaMigration : AutoReversingMigration
                {
                    public override void Up()
                    {
                        Create.TableFor<Category>();
                        Create.Table("Settings").WithColumn("Id").AsInt32();
                    }
                }
                [Migration(2)]
                public class Helpers : Migration
                {
                    public override void Up() { CreateAll(); }
                    private void CreateAll() { }
                    public override void Down() { }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| 1 | `SchemaMigration` | Create.Table: Settings; Create.TableFor (not read): 1 | derived from Up (AutoReversingMigration) |", output.Markdown);
        Assert.Contains("| 2 | `Helpers` | statements not read: 1 | empty |", output.Markdown);
    }
}
