using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;
using LinqToDB.Mapping;

namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>linq2db is the judge: each test model is compiled and loaded, linq2db 6.5.1 builds its own
/// <c>EntityDescriptor</c> for every entity (<c>MappingSchema.Default.GetEntityDescriptor</c>), and the tables the generator
/// shows in <c>linq2dbTables</c> must say the same (table, schema, the set of columns and, for each, its name, CanBeNull,
/// primary key and the order when one is given, identity, length, precision, scale, DbType, and DataType when one is given).
/// Entities whose mapping the generator does not read must be the expected ones, not shown at all.</summary>
public class Linq2DbMappingFidelityTests
{
    private const string Model = """
        using System;
        using System.Collections.Generic;
        using LinqToDB;
        using LinqToDB.Data;
        using LinqToDB.Mapping;
        using DA = System.ComponentModel.DataAnnotations.Schema;

        namespace Fake.Mapping
        {
            [AttributeUsage(AttributeTargets.Class)] public sealed class TableAttribute(string name) : Attribute { public string Name { get; } = name; }
            [AttributeUsage(AttributeTargets.Property)] public sealed class PrimaryKeyAttribute : Attribute { }
        }

        namespace M
        {
            public enum Kind { A, B }
            public struct Point { public int X; }
            public class Plain
            {
                public int Id { get; set; } public string Name { get; set; } = ""; public string? Note { get; set; } public int? Qty { get; set; } public decimal Price;
                public List<int> Items { get; set; } = new(); public int ReadOnly => 1; private int Hidden { get; set; } internal int Internal { get; set; }
                public DateTime When { get; set; } public byte[] Blob { get; set; } = []; public Guid G { get; set; } public Kind Kind { get; set; } public Kind? MaybeKind { get; set; }
                public Plain? Parent { get; set; } public Point At { get; set; } public int[] Numbers { get; set; } = []; public static int Shared { get; set; } public const int Fixed = 1;
                public DateTimeOffset Dto { get; set; } public TimeSpan Span { get; set; } public DateOnly Day { get; set; } public TimeOnly Time { get; set; } public char Letter { get; set; }
                public bool Flag { get; set; } public long Big { get; set; } public double Ratio { get; set; } public float Single { get; set; } public short Small { get; set; } public byte Tiny { get; set; }
                public uint Unsigned { get; set; } public readonly int Frozen = 1; public int PrivateSet { get; private set; } public int InitOnly { get; init; }
            }
            [Table] public class TableOnly
            {
                public int Id { get; set; } [Column] public string Name { get; set; } = ""; [PrimaryKey] public int Pk { get; set; } [Identity] public int Ident { get; set; }
                [NotNull] public string? NotNullAlone { get; set; } [Nullable] public int NullableAlone { get; set; } [ColumnAlias("Name")] public string Alias { get; set; } = "";
                [Column] private int PrivateColumn { get; set; } [Column] internal int InternalColumn { get; set; }
            }
            [Table(IsColumnAttributeRequired = false)] public class NotRequired { public int Id { get; set; } [NotColumn] public int Skip { get; set; } public string S { get; set; } = ""; public List<int> L { get; set; } = new(); }
            [Table("T1", Schema = "s")] public class Named
            {
                [Column("c1", Length = 50, CanBeNull = false)] public string? A { get; set; }
                [Column(Name = "c2", DataType = DataType.NVarChar, DbType = "nvarchar(20)", Precision = 10, Scale = 2)] public decimal B { get; set; }
                [PrimaryKey(2)] public int K2 { get; set; } [PrimaryKey(1)] public int K1 { get; set; } [Column(IsPrimaryKey = true, PrimaryKeyOrder = 3)] public int K3 { get; set; }
                [Column(IsIdentity = true)] public int I { get; set; } [Column, NotNull] public string Code { get; set; } = ""; [Column, Nullable] public int Maybe { get; set; }
                [Column(CanBeNull = true)] public int Loose { get; set; } [PrimaryKey, Identity] public long Both { get; set; }
            }
            [Table(Name = "Fields")] public class Fields { [Column] public int F; [Column] public int? G; [Column] public List<int> Lst { get; set; } = new(); public int NotMapped; }
            public class ColumnNoTable { [Column("x")] public int X { get; set; } public int Y { get; set; } }
            [DA.Table("DaTable", Schema = "das")] public class DataAnnotated { [System.ComponentModel.DataAnnotations.Key] public int Id { get; set; } [DA.Column("dacol")] public string X { get; set; } = ""; [DA.NotMapped] public int Nm { get; set; } }
            [Fake.Mapping.Table("Nope")] public class LookAlike { [Fake.Mapping.PrimaryKey] public int Id { get; set; } public string Name { get; set; } = ""; }
            [Table] public class WithAssociation { [PrimaryKey] public int Id { get; set; } [Association(ThisKey = nameof(Id), OtherKey = nameof(Plain.Id))] public List<Plain> Plains { get; set; } = new(); }
            [Table] public record Rec([property: PrimaryKey] int Id, [property: Column] string Name);
            public class UnplainBase { public int BaseId { get; set; } }
            public class Unplain : UnplainBase { public string Own { get; set; } = ""; }

            // Withheld: what the generator does not read.
            [Table] public class MappedBase { [Column] public int BaseCol { get; set; } public int BaseNo { get; set; } }
            public class InheritsTable : MappedBase { [Column] public int Own { get; set; } }
            [Table(Database = "other")] public class OtherDatabase { [Column] public int Id { get; set; } }
            [Table] public class Configured { [Column(Configuration = "x")] public int Id { get; set; } }
            [Table] public class Skips { [Column(SkipOnInsert = true)] public int Id { get; set; } }
            public class Loose { public int Id { get; set; } public object Anything { get; set; } = 1; }

            public class Db : DataConnection
            {
                public ITable<Plain> Plains => this.GetTable<Plain>();
                public ITable<TableOnly> TableOnly => this.GetTable<TableOnly>();
                public ITable<NotRequired> NotRequired => this.GetTable<NotRequired>();
                public ITable<Named> Named => this.GetTable<Named>();
                public ITable<Fields> Fields => this.GetTable<Fields>();
                public ITable<ColumnNoTable> ColumnNoTable => this.GetTable<ColumnNoTable>();
                public ITable<DataAnnotated> DataAnnotated => this.GetTable<DataAnnotated>();
                public ITable<LookAlike> LookAlikes => this.GetTable<LookAlike>();
                public ITable<WithAssociation> WithAssociation => this.GetTable<WithAssociation>();
                public ITable<Rec> Recs => this.GetTable<Rec>();
                public ITable<Unplain> Unplains => this.GetTable<Unplain>();
                public ITable<InheritsTable> InheritsTable => this.GetTable<InheritsTable>();
                public ITable<OtherDatabase> OtherDatabase => this.GetTable<OtherDatabase>();
                public ITable<Configured> Configured => this.GetTable<Configured>();
                public ITable<Skips> Skips => this.GetTable<Skips>();
                public ITable<Loose> Loose => this.GetTable<Loose>();
            }
        }
        """;

    private static readonly string[] Withheld = { "M.InheritsTable", "M.OtherDatabase", "M.Configured", "M.Skips", "M.Loose" };

    [Fact]
    public void Tables_equal_linq2dbs_entity_descriptors()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Data/Model.cs"] = Model });
        var tables = Json.Parse(output.Json).GetProperty("linq2dbTables").EnumerateArray().ToList();
        Assert.Equal(16, tables.Count); // every ITable<T> property's entity, once
        Assert.Equal(11, AssertSame(output, tables, Withheld));
    }

    /// <summary>The committed InventoryWorker sample's count ledger (Data/CountLedger.cs with its Domain/ types), judged the same way.</summary>
    [Fact]
    public void Sample_tables_equal_linq2dbs_entity_descriptors()
    {
        var sample = Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", "..", "samples", "InventoryWorker"));
        var sources = new[] { Path.Combine(sample, "Data", "CountLedger.cs") }.Concat(Directory.GetFiles(Path.Combine(sample, "Domain"), "*.cs"))
            .ToDictionary(f => Path.GetRelativePath(sample, f).Replace('\\', '/'), f => ImplicitUsings + File.ReadAllText(f));
        var output = GeneratorHarness.Run(sources);
        var tables = Json.Parse(output.Json).GetProperty("linq2dbTables").EnumerateArray().ToList();
        Assert.Equal(new[] { "Inventory.Data.StockCount", "Inventory.Data.LatestCount" }, tables.Select(t => t.GetProperty("entity").GetString()));
        Assert.Equal(2, AssertSame(output, tables, []));
    }

    /// <summary>The worker SDK's implicit usings the sample's sources rely on (compiled alone here).</summary>
    private const string ImplicitUsings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.Extensions.Configuration;\n";

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>Compares each table shown with linq2db's descriptor; returns how many were compared.</summary>
    private static int AssertSame(GeneratorOutput output, List<JsonElement> tables, string[] withheld)
    {
        var assembly = EfModel.Load(output.Compilation);
        var shown = 0;
        foreach (var table in tables)
        {
            var entity = table.GetProperty("entity").GetString()!;
            var notRead = table.GetProperty("notRead").GetString();
            if (withheld.Contains(entity))
            {
                Assert.True(notRead is not null, entity + " should be withheld");
                Assert.Empty(table.GetProperty("columns").EnumerateArray());
                // Nor the table: a base class's [Table] or a Database may change it.
                Assert.Equal(JsonValueKind.Null, table.GetProperty("table").ValueKind);
                continue;
            }
            Assert.True(notRead is null, entity + ": " + notRead);
            shown++;
            var descriptor = MappingSchema.Default.GetEntityDescriptor(assembly.GetType(entity, throwOnError: true)!);
            Assert.Equal(descriptor.Name.Name, table.GetProperty("table").GetString());
            Assert.Equal(descriptor.Name.Schema, table.GetProperty("schema").GetString());
            var expected = descriptor.Columns.ToDictionary(c => c.MemberName);
            var actual = table.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("member").GetString()!);
            Assert.True(expected.Keys.OrderBy(k => k).SequenceEqual(actual.Keys.OrderBy(k => k)),
                entity + ": linq2db maps " + string.Join(", ", expected.Keys.OrderBy(k => k)) + "; the generator shows " + string.Join(", ", actual.Keys.OrderBy(k => k)));
            foreach (var (member, column) in expected)
            {
                var mine = actual[member];
                var what = entity + "." + member;
                Assert.True(column.ColumnName == mine.GetProperty("name").GetString(), what + " name");
                Assert.True(column.CanBeNull == mine.GetProperty("canBeNull").GetBoolean(), what + " CanBeNull: linq2db " + column.CanBeNull);
                Assert.True(column.IsPrimaryKey == mine.GetProperty("primaryKey").GetBoolean(), what + " primary key");
                if (mine.GetProperty("primaryKeyOrder").ValueKind == JsonValueKind.Number) Assert.True(column.PrimaryKeyOrder == mine.GetProperty("primaryKeyOrder").GetInt32(), what + " key order");
                Assert.True(column.IsIdentity == mine.GetProperty("identity").GetBoolean(), what + " identity");
                // The generator states a length only where the code gives one; linq2db gives a char column length 1 by itself.
                Assert.True(column.Length == Number(mine, "length") || (Number(mine, "length") is null && column.MemberType == typeof(char) && column.Length == 1), what + " length");
                Assert.True(column.Precision == Number(mine, "precision"), what + " precision");
                Assert.True(column.Scale == Number(mine, "scale"), what + " scale");
                Assert.True(column.DbType == mine.GetProperty("dbType").GetString(), what + " DbType");
                if (mine.GetProperty("dataType").GetString() is { } dataType) Assert.True(column.DataType.ToString() == dataType, what + " DataType");
            }
        }
        return shown;
    }

    private static int? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Number ? element.GetProperty(name).GetInt32() : null;
}
