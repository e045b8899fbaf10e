using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 1.2's tables mapped by linq2db (6.5.1): the entity classes the code uses through an <c>ITable&lt;T&gt;</c>
/// property of, or <c>GetTable&lt;T&gt;()</c> on, a linq2db data context, confirmed by symbol, with their mapping read from
/// linq2db's attributes (the fidelity check is Fidelity/Linq2DbMappingFidelityTests). Classes linq2db is never handed,
/// look-alike contexts, tables and attributes, comments and strings make no claim; mapping configured in code is said and
/// not read.</summary>
public class Linq2DbEntityTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using LinqToDB;
        using LinqToDB.Data;
        using LinqToDB.Mapping;

        """;

    private const string Ledger = Usings + """
        namespace Inventory.Data
        {
            [Table("StockCounts", Schema = "dbo")]
            public sealed class StockCount
            {
                [PrimaryKey, Identity] public long Id { get; set; }
                [Column, NotNull] public string Sku { get; set; } = "";
                [Column] public int OnHand { get; set; }
                [Column(Length = 200)] public string? Note { get; set; }
                public string Ignored { get; set; } = "";
            }

            public sealed class Supplier { public int Id { get; set; } public string Name { get; set; } = ""; public decimal? Rating { get; set; } }

            [System.ComponentModel.DataAnnotations.Schema.Table("Audits")]
            public sealed class Audit { public int Id { get; set; } }

            public sealed class InventoryDb : DataConnection
            {
                public ITable<StockCount> Counts => this.GetTable<StockCount>();
            }

            public sealed class SupplierReader(InventoryDb db)
            {
                public List<Supplier> All() => db.GetTable<Supplier>().ToList();
            }
        }
        """;

    [Fact]
    public void Entities_used_through_a_linq2db_context_are_listed_with_their_table_and_columns()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Data/Ledger.cs"] = Ledger });
        var md = output.Markdown!;
        Assert.Contains("#### Tables mapped by linq2db", md);
        Assert.Contains("##### `Inventory.Data.StockCount` → table `dbo.StockCounts`", md);
        Assert.Contains("- Used through `InventoryDb.Counts (ITable<StockCount>)` [Data/Ledger.cs:", md);
        Assert.Contains("| `Id` | `Id` | `long` | no (value type) | PK | yes |  | [Data/Ledger.cs:", md);
        Assert.Contains("| `Sku` | `Sku` | `string` | no ([NotNull]) |  |  |  | [Data/Ledger.cs:", md);
        Assert.Contains("| `Note` | `Note` | `string` | yes (reference type) |  |  | length 200 | [Data/Ledger.cs:", md);
        Assert.DoesNotContain("`Ignored`", md); // [Table] requires [Column]
        // No [Table]: named after the class, every public scalar property a column; a non-nullable string can still be null.
        Assert.Contains("##### `Inventory.Data.Supplier` → table `Supplier`", md);
        Assert.Contains("- Used through `GetTable<Supplier>() in SupplierReader.All`", md);
        Assert.Contains("| `Name` | `Name` (no `[Column]`) | `string` | yes (reference type) |", md);
        Assert.Contains("| `Rating` | `Rating` (no `[Column]`) | `decimal?` | yes (Nullable&lt;T>) |", md);
        // Never handed to linq2db: its DataAnnotations [Table] is no claim.
        Assert.DoesNotContain("Audit", md);
        var tables = Json.Parse(output.Json).GetProperty("linq2dbTables");
        Assert.Equal(2, tables.GetArrayLength());
        Assert.Equal("StockCounts", tables[0].GetProperty("table").GetString());
        Assert.Equal("dbo", tables[0].GetProperty("schema").GetString());
    }

    [Fact]
    public void Look_alike_contexts_tables_and_calls_comments_and_strings_make_no_claim()
    {
        const string code = Usings + """
            namespace Fake
            {
                public interface ITable<T> { }
                public class DataConnection { public ITable<T> GetTable<T>() => null!; }
            }
            namespace Shop.Data
            {
                [Table("Orders")] public class Order { [PrimaryKey] public int Id { get; set; } }
                public class Customer { public int Id { get; set; } }
                public class NotADb : Fake.DataConnection
                {
                    public Fake.ITable<Order> Orders => GetTable<Order>();
                }
                public class Holder
                {
                    // A table property outside any data context: not a use.
                    public ITable<Customer>? Customers { get; set; }
                    // public ITable<Order> Orders => db.GetTable<Order>();
                    public string Text = "ITable<Order> GetTable<Order>()";
                }
            }
            """;
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Data/Fake.cs"] = code });
        Assert.DoesNotContain("Tables mapped by linq2db", output.Markdown ?? "");
        Assert.Equal(0, Json.Parse(output.Json).GetProperty("linq2dbTables").GetArrayLength());
    }

    [Fact]
    public void Mapping_configured_in_code_is_said_and_the_columns_are_not_shown()
    {
        const string code = Usings + """
            namespace Shop.Data
            {
                [Table("Orders")] public class Order { [PrimaryKey] public int Id { get; set; } }
                [Table("Lines")] public class Line { [PrimaryKey] public int Id { get; set; } }
                public class ShopDb : DataConnection
                {
                    public ITable<Order> Orders => this.GetTable<Order>();
                    public ITable<Line> Lines => this.GetTable<Line>();
                }
                public static class Mapping
                {
                    public static MappingSchema Build()
                    {
                        var schema = new MappingSchema();
                        new FluentMappingBuilder(schema).Entity<Order>().HasTableName("OrderRows").Build();
                        return schema;
                    }
                }
            }
            """;
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Data/Fluent.cs"] = code });
        var md = output.Markdown!;
        Assert.Contains("- Table and columns not shown: mapping configured in code that this section does not read (FluentMappingBuilder.Entity&lt;Order>()) [Data/Fluent.cs:", md);
        // A mapping schema made here (and a builder) may map any entity: Line is withheld too.
        Assert.Contains("- Table and columns not shown: mapping configured in code that this section does not read (new MappingSchema) [Data/Fluent.cs:", md);
        Assert.DoesNotContain("| `Id` |", md);
        // HasTableName("OrderRows") is not read: the [Table] name is not shown as the table.
        Assert.Contains("##### `Shop.Data.Order` → table not shown", md);
        Assert.DoesNotContain("table `Orders`", md);
        var tables = Json.Parse(output.Json).GetProperty("linq2dbTables");
        Assert.All(tables.EnumerateArray(), t => Assert.NotNull(t.GetProperty("notRead").GetString()));
        Assert.All(tables.EnumerateArray(), t => Assert.Equal(System.Text.Json.JsonValueKind.Null, t.GetProperty("table").ValueKind));

        // Only Entity<Order>(): Line's mapping is its attributes alone.
        var entityOnly = code.Replace("new FluentMappingBuilder(schema)", "Builder(schema)").Replace("new MappingSchema()", "MappingSchema.Default")
            .Replace("public static MappingSchema Build()", "private static FluentMappingBuilder Builder(MappingSchema schema) => null!;\n        public static MappingSchema Build()");
        Assert.Contains("Builder(MappingSchema schema)", entityOnly);
        output = GeneratorHarness.Run(new Dictionary<string, string> { ["Data/Fluent.cs"] = entityOnly });
        md = output.Markdown!;
        Assert.Contains("mapping configured in code that this section does not read (FluentMappingBuilder.Entity&lt;Order>())", md);
        Assert.Contains("##### `Shop.Data.Line` → table `Lines`", md);
        Assert.Contains("| `Id` | `Id` | `int` | no (value type) | PK |", md);

        // A mapping schema handed to the options may map any entity: every one is withheld.
        var handed = code.Replace("public class ShopDb : DataConnection\n    {", "public class ShopDb : DataConnection\n    {\n        public ShopDb(MappingSchema schema) : base(new DataOptions().UseSqlServer(\"Server=.\").UseMappingSchema(schema)) { }")
            .Replace("new FluentMappingBuilder(schema).Entity<Order>().HasTableName(\"OrderRows\").Build();", "");
        Assert.Contains("UseMappingSchema(schema)", handed);
        output = GeneratorHarness.Run(new Dictionary<string, string> { ["Data/Fluent.cs"] = handed });
        tables = Json.Parse(output.Json).GetProperty("linq2dbTables");
        Assert.Equal(2, tables.GetArrayLength());
        Assert.All(tables.EnumerateArray(), t => Assert.Equal("mapping configured in code that this section does not read (UseMappingSchema)", t.GetProperty("notRead").GetString()));
    }
}
